// The ScanReport as JSON: stable key order, 2-space indent, trailing newline. Each file also gets a
// flat `fields` array (every field of every table, with its table's name) for consumers that do not
// want to walk files[].tables[].fields[]. Validated by schema/report.schema.json.

import type { ClassifyResult, FieldReport, ScanReport } from '../types.js';
import type { FormatOptions } from './index.js';

/** Keys that come first, in this order, wherever they appear; other keys follow in code-point order. */
const KEY_ORDER = [
  'version',
  'toolVersion',
  'results',
  'header',
  'path',
  'table',
  'name',
  'index',
  'kind',
  'format',
  'encoding',
  'field',
  'column',
  'category',
  'subcategory',
  'confidence',
  'error',
  'warnings',
  'rowsSampled',
  'headerHid',
  'declared',
  'purpose',
  'owner',
  'position',
  'line',
  'reasons',
  'rule',
  'text',
  'tokens',
  'entry',
  'weight',
  'values',
  'sampled',
  'nonEmpty',
  'distinct',
  'best',
  'findings',
  'detector',
  'matched',
  'matchedDistinct',
  'rate',
  'shape',
  'decisive',
  'parts',
  'tables',
  'fields',
  'files',
  'filesWithErrors',
  'byCategory',
  'my_number',
  'sensitive',
  'personal',
  'none',
  'unknown',
  'bySubcategory',
  'specificPersonalInformationFiles',
  'failures',
  'fingerprint',
  'summary',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a);
  const rb = RANK.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deep copy with keys in a stable order; undefined members dropped (as JSON.stringify does). */
export function stableOrder(value: unknown, sortAll = false): unknown {
  if (Array.isArray(value)) return value.map((v) => stableOrder(v, sortAll));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value as Record<string, unknown>).sort(sortAll ? undefined : compareKeys);
    for (const key of keys) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = stableOrder(v, sortAll || key === 'bySubcategory');
    }
    return out;
  }
  return value;
}

export type FlatField = FieldReport & { table?: string };

/** The JSON shape: the report as is, plus files[].fields. */
export function jsonReport(report: ScanReport): unknown {
  return stableOrder({
    ...report,
    files: report.files.map((file) => ({
      ...file,
      fields: file.tables.flatMap((table) =>
        table.fields.map((field): FlatField => (table.name !== undefined ? { ...field, table: table.name } : { ...field })),
      ),
    })),
  });
}

export function json(report: ScanReport, _options: FormatOptions): string {
  return JSON.stringify(jsonReport(report), null, 2) + '\n';
}

export function classifyJson(results: ClassifyResult[], _options: FormatOptions): string {
  const shape = (r: ClassifyResult): Record<string, unknown> => ({
    header: r.header,
    category: r.category,
    subcategory: r.subcategory,
    confidence: r.confidence,
    reasons: r.reasons,
    ...(r.parts ? { parts: r.parts.map(shape) } : {}),
  });
  return JSON.stringify(stableOrder({ results: results.map(shape) }), null, 2) + '\n';
}

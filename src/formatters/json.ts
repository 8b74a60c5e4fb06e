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
  return stableOrder({ ...report, files: report.files.map(withFlatFields) });
}

function withFlatFields(file: ScanReport['files'][number]): unknown {
  return {
    ...file,
    fields: file.tables.flatMap((table) => table.fields.map((field): FlatField => (table.name !== undefined ? { ...field, table: table.name } : { ...field }))),
  };
}

export function json(report: ScanReport, _options: FormatOptions): string {
  return [...jsonPieces(report)].join('');
}

/**
 * The same bytes as JSON.stringify(jsonReport(report), null, 2) + "\n", one file at a time: a scan
 * of tens of thousands of files makes a report of hundreds of megabytes, which as one string costs
 * several times its size in memory and past ~512 MB cannot be a V8 string at all. Written piece by
 * piece (commands/output.ts), only one file's JSON exists at once. JSON never holds a raw newline
 * inside a string, so nesting a piece is indenting its lines.
 */
export function* jsonPieces(report: ScanReport): Generator<string> {
  const top = stableOrder({ ...report, files: [] }) as Record<string, unknown>;
  const keys = Object.keys(top);
  yield '{\n';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (key === 'files' && report.files.length > 0) {
      yield '  "files": [\n';
      for (let i = 0; i < report.files.length; i++) {
        const file = JSON.stringify(stableOrder(withFlatFields(report.files[i])), null, 2);
        yield `    ${indent(file, '    ')}${i < report.files.length - 1 ? ',' : ''}\n`;
      }
      yield '  ]';
    } else yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(top[key], null, 2), '  ')}`;
    yield k < keys.length - 1 ? ',\n' : '\n';
  }
  yield '}\n';
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

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

// SARIF 2.1.0 for code-scanning dashboards. One rule per category/subcategory that appears, with
// English and Japanese text; one result per my_number, sensitive, personal or unknown field.
// Levels: error for gate failures, warning for my_number/sensitive, note for personal and unknown.

import {
  CATEGORY_LABELS,
  HANDLING_NOTES,
  categoryLabel,
  reasonText,
  subcategoryLabel,
  t,
} from '../i18n/index.js';
import { CATEGORY_RANK, type Category, type Failure, type FieldReport, type FileReport, type ScanReport, type TableReport } from '../types.js';
import type { FormatOptions } from './index.js';
import { formatConfidence } from './text.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const REPORTED: ReadonlySet<Category> = new Set<Category>(['my_number', 'sensitive', 'personal', 'unknown']);

type Level = 'error' | 'warning' | 'note';

export function ruleId(category: Category, subcategory: string | null): string {
  return subcategory ? `kojin/${category}/${subcategory}` : `kojin/${category}`;
}

/** A relative path with forward slashes as a URI reference; absolute paths become file: URIs. */
export function artifactUri(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  const encoded = p
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%3A/gi, (m, offset: number) => (offset === 1 ? ':' : m)))
    .join('/');
  if (/^[A-Za-z]:\//.test(p)) return `file:///${encoded}`;
  if (p.startsWith('/')) return `file://${encoded}`;
  return encoded;
}

function defaultLevel(category: Category): Level {
  return category === 'my_number' || category === 'sensitive' ? 'warning' : 'note';
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function rule(category: Category, subcategory: string | null): Record<string, unknown> {
  const subEn = subcategory ? subcategoryLabel(subcategory, 'en') : '';
  const subJa = subcategory ? subcategoryLabel(subcategory, 'ja') : '';
  const en = `${CATEGORY_LABELS.en[category]}${subcategory ? `: ${subEn}` : ''}`;
  const ja = `${CATEGORY_LABELS.ja[category]}${subcategory ? `：${subJa}` : ''}`;
  const fullEn = `A field that holds ${en.charAt(0).toLowerCase() + en.slice(1)}.`;
  const fullJa = `${ja}を含む項目です。`;
  const noteEn = HANDLING_NOTES.en[category];
  const noteJa = HANDLING_NOTES.ja[category];
  return {
    id: ruleId(category, subcategory),
    name: pascal(`${category} ${subcategory ?? ''}`),
    shortDescription: { text: `${en} / ${ja}` },
    fullDescription: { text: `${fullEn} ${fullJa}` },
    help: {
      text: `${noteEn}\n\n${noteJa}`,
      markdown: `**${en}**\n\n${noteEn}\n\n**${ja}**\n\n${noteJa}`,
    },
    defaultConfiguration: { level: defaultLevel(category) },
    properties: {
      category,
      ...(subcategory ? { subcategory } : {}),
      tags: ['privacy', category, ...(subcategory ? [subcategory] : [])],
    },
  };
}

function failureKey(path: string, table: string | undefined, field: string): string {
  return JSON.stringify([path, table ?? null, field]);
}

interface Finding {
  file: FileReport;
  table: TableReport;
  field: FieldReport;
}

function message(f: Finding, lang: 'ja' | 'en'): string {
  const { field } = f;
  const sub = field.subcategory ? ` (${subcategoryLabel(field.subcategory, lang)})` : '';
  const where = f.table.name !== undefined ? (lang === 'ja' ? `（${f.table.name}）` : ` in ${f.table.name}`) : '';
  const reasons = field.reasons.map((r) => reasonText(r, lang)).join(lang === 'ja' ? '。' : '; ');
  const head =
    lang === 'ja'
      ? `項目「${field.name}」${where}は${categoryLabel(field.category, lang)}${sub}（確信度 ${formatConfidence(field.confidence)}）`
      : `Field "${field.name}"${where} is ${categoryLabel(field.category, lang).toLowerCase()}${sub} (confidence ${formatConfidence(field.confidence)})`;
  const hid = field.headerHid ? (lang === 'ja' ? `。${t('headerHid', lang)}` : `; ${t('headerHid', lang)}`) : '';
  return reasons ? `${head}${lang === 'ja' ? '：' : ': '}${reasons}${hid}` : `${head}${hid}`;
}

export function sarifLog(report: ScanReport, options: FormatOptions): Record<string, unknown> {
  const failures = new Map<string, Failure>();
  for (const f of report.summary.failures) failures.set(failureKey(f.path, f.table, f.field), f);

  const findings: Finding[] = [];
  for (const file of report.files) {
    for (const table of file.tables) {
      for (const field of table.fields) {
        if (REPORTED.has(field.category)) findings.push({ file, table, field });
      }
    }
  }

  const ruleKeys = new Map<string, { category: Category; subcategory: string | null }>();
  for (const { field } of findings) ruleKeys.set(ruleId(field.category, field.subcategory), { category: field.category, subcategory: field.subcategory });
  const ruleList = [...ruleKeys.entries()]
    .sort(([a, x], [b, y]) => CATEGORY_RANK[y.category] - CATEGORY_RANK[x.category] || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => v);
  const ruleIndex = new Map(ruleList.map((r, i) => [ruleId(r.category, r.subcategory), i]));

  const results = findings.map((f) => {
    const { file, table, field } = f;
    const id = ruleId(field.category, field.subcategory);
    const failure = failures.get(failureKey(file.path, table.name, field.name));
    const level: Level = failure ? 'error' : defaultLevel(field.category);
    const logicalName = table.name !== undefined ? `${table.name}.${field.name}` : field.name;
    return {
      ruleId: id,
      ruleIndex: ruleIndex.get(id),
      level,
      message: { text: message(f, options.lang) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(file.path) },
            ...(field.position
              ? { region: { startLine: Math.max(1, field.position.line), startColumn: Math.max(1, field.position.column) } }
              : {}),
          },
          logicalLocations: [{ name: field.name, fullyQualifiedName: logicalName, kind: 'member' }],
        },
      ],
      ...(failure?.fingerprint ? { partialFingerprints: { 'kojinFingerprint/v1': failure.fingerprint } } : {}),
      ...(field.declared
        ? {
            suppressions: [
              {
                kind: 'external',
                justification: `${field.declared.purpose}${field.declared.owner ? ` (${field.declared.owner})` : ''}`,
              },
            ],
          }
        : {}),
      properties: {
        category: field.category,
        subcategory: field.subcategory,
        confidence: field.confidence,
        ...(table.name !== undefined ? { table: table.name } : {}),
        ...(field.headerHid ? { headerHid: true } : {}),
        reasons: field.reasons.map((r) => r.text),
      },
    };
  });

  const notifications = report.files
    .filter((file) => file.error !== undefined)
    .map((file) => ({
      level: 'error',
      message: { text: file.error },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file.path) } } }],
    }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kojin',
            version: options.toolVersion,
            rules: ruleList.map((r) => rule(r.category, r.subcategory)),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'unicodeCodePoints',
        results,
        properties: {
          reportVersion: report.version,
          specificPersonalInformationFiles: report.summary.specificPersonalInformationFiles,
        },
      },
    ],
  };
}

export function sarif(report: ScanReport, options: FormatOptions): string {
  return JSON.stringify(sarifLog(report, options), null, 2) + '\n';
}

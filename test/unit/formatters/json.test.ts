import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../../src/commands/output.js';
import { jsonPieces, jsonReport } from '../../../src/formatters/json.js';
import { FORMATTERS } from '../../../src/formatters/registry.js';
import { bufferIO } from '../../../src/io.js';
import type { ScanReport } from '../../../src/types.js';
import { REPORT } from './fixture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const schema = JSON.parse(readFileSync(join(root, 'schema/report.schema.json'), 'utf8')) as object;

function validator() {
  // ajv and ajv-formats are CommonJS: under NodeNext the class and the plugin are `.default`
  const Ajv = Ajv2020.default;
  const format = addFormats.default;
  const ajv = new Ajv({ allErrors: true, strict: true });
  format(ajv);
  return ajv.compile(schema);
}

const opts = { lang: 'en', color: false, toolVersion: 'x' } as const;

describe('json formatter', () => {
  const out = FORMATTERS.json(REPORT, opts) as string;
  const parsed = JSON.parse(out) as {
    version: string;
    files: Array<{ path: string; error?: string; fields: Array<Record<string, unknown>>; tables: unknown[] }>;
    summary: unknown;
  };

  it('validates against schema/report.schema.json', () => {
    const validate = validator();
    const ok = validate(parsed);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a report that breaks the schema', () => {
    const validate = validator();
    const bad = structuredClone(parsed);
    (bad.files[0].fields[0] as Record<string, unknown>).category = 'secret';
    expect(validate(bad)).toBe(false);
  });

  it('is 2-space indented with a trailing newline and a stable key order', () => {
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "version": "1",');
    expect(Object.keys(parsed)).toEqual(['version', 'files', 'summary']);
    expect(Object.keys(parsed.files[0]).slice(0, 4)).toEqual(['path', 'format', 'encoding', 'category']);
    // the same report with shuffled keys gives the same bytes
    const shuffled = JSON.parse(JSON.stringify(REPORT), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as ScanReport;
    expect(FORMATTERS.json(shuffled, opts)).toBe(out);
  });

  it('adds a flat fields array to each file, with table names', () => {
    const xlsx = parsed.files[1];
    expect(xlsx.fields.map((f) => f.name)).toEqual([
      '顧客番号（区市コード、税目コード、被保険者番号、相当年度、年度、期別）',
      'kojin_bango',
    ]);
    expect(xlsx.fields.every((f) => f.table === '振替依頼')).toBe(true);
    const csv = parsed.files[0];
    expect(csv.fields).toHaveLength(6);
    expect(csv.fields[0]).toMatchObject({ name: '従業員個人番号', category: 'my_number', subcategory: 'individual_number', confidence: 0.97 });
    expect(csv.fields[0]).not.toHaveProperty('table');
    expect(Array.isArray(csv.fields[0].reasons)).toBe(true);
    expect(parsed.files[3].error).toMatch(/not a zip file/);
    expect(parsed.files[3].fields).toEqual([]);
  });

  it('keeps the report as is otherwise', () => {
    const back = structuredClone(parsed) as unknown as { files: Array<Record<string, unknown>> };
    for (const f of back.files) delete f.fields;
    expect(back).toEqual(JSON.parse(JSON.stringify(REPORT)));
  });
});

describe('json report written one file at a time', () => {
  // The pieces must be exactly what one JSON.stringify of the whole report gives, for any report.
  const whole = (report: ScanReport) => JSON.stringify(jsonReport(report), null, 2) + '\n';

  it('joins to the bytes of a single stringify, with files, without files and with one', () => {
    const reports: ScanReport[] = [REPORT, { ...REPORT, files: [] }, { ...REPORT, files: REPORT.files.slice(0, 1) }];
    for (const report of reports) {
      const pieces = [...jsonPieces(report)];
      expect(pieces.join('')).toBe(whole(report));
      // One piece per file, at least, so no piece holds two files' JSON.
      expect(pieces.length).toBeGreaterThan(report.files.length);
    }
  });

  it('writes the same bytes to --output as to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-json-'));
    try {
      const io = bufferIO({ cwd: dir });
      await writeReport(REPORT, { format: 'json', lang: 'en', output: 'r.json' }, io);
      const stdout = bufferIO({ cwd: dir });
      await writeReport(REPORT, { format: 'json', lang: 'en' }, stdout);
      expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(whole(REPORT));
      expect(stdout.out()).toBe(whole(REPORT));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

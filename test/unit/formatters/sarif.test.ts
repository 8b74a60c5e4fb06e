import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../../src/formatters/registry.js';
import { artifactUri } from '../../../src/formatters/sarif.js';
import { REPORT } from './fixture.js';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, '../../fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }>;
  partialFingerprints?: Record<string, string>;
  suppressions?: unknown[];
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string } }> } };
    results: SarifResult[];
    invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }>;
  }>;
}

describe('sarif formatter', () => {
  const out = FORMATTERS.sarif(REPORT, { lang: 'en', color: false, toolVersion: '1.2.3' }) as string;
  const log = JSON.parse(out) as SarifLog;
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema (draft-07)', () => {
    // ajv and ajv-formats are CommonJS: under NodeNext the class and the plugin are `.default`
    const Ajv = AjvModule.default;
    const format = addFormats.default;
    // The schema's language-tag pattern is not valid in ajv's default unicode (u) mode.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    format(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const ja = JSON.parse(FORMATTERS.sarif(REPORT, { lang: 'ja', color: false, toolVersion: '1.2.3' }) as string) as unknown;
    expect(validate(ja)).toBe(true);
  });

  it('has one rule per category/subcategory that appears, in both languages', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual([
      'kojin/my_number/individual_number',
      'kojin/sensitive/medical',
      'kojin/personal/contact',
      'kojin/personal/gov_id',
      'kojin/personal/name',
      'kojin/unknown',
    ]);
    const mn = run.tool.driver.rules[0];
    expect(mn.shortDescription.text).toContain('My Number');
    expect(mn.shortDescription.text).toContain('個人番号（特定個人情報）');
    expect(mn.help.text).toContain('disaster-response');
    expect(mn.help.text).toContain('番号法');
    expect(mn.help.markdown).toContain('**');
    expect(run.tool.driver.version).toBe('1.2.3');
  });

  it('reports my_number, sensitive, personal and unknown fields with the right levels', () => {
    const byName = new Map(run.results.map((r) => [r.message.text.match(/"(.*?)"/)?.[1], r]));
    expect(run.results).toHaveLength(8);
    expect(byName.get('従業員個人番号')?.level).toBe('error');
    expect(byName.get('col7')?.level).toBe('error');
    expect(byName.get('病歴')?.level).toBe('error');
    expect(byName.get('kojin_bango')?.level).toBe('warning');
    expect(byName.get('kojin_bango')?.suppressions).toHaveLength(1);
    expect(byName.get('氏名')?.level).toBe('note');
    expect(byName.get('memo_x')?.level).toBe('note');
    expect(byName.get('引落金額')).toBeUndefined();
    expect(byName.get('従業員個人番号')?.partialFingerprints).toEqual({ 'kojinFingerprint/v1': 'a1b2c3d4e5f60718' });
    expect(byName.get('氏名')?.partialFingerprints).toBeUndefined();
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('locates results by relative forward-slash path and position', () => {
    const first = run.results[0].locations[0].physicalLocation;
    expect(first.artifactLocation.uri).toBe('data/employees.csv');
    expect(first.region).toEqual({ startLine: 1, startColumn: 1 });
    const xlsx = run.results.find((r) => r.message.text.includes('kojin_bango'))!;
    expect(xlsx.locations[0].physicalLocation.artifactLocation.uri).toBe('data/%E5%8F%A3%E5%BA%A7%E6%8C%AF%E6%9B%BF.xlsx');
    expect(xlsx.locations[0].physicalLocation.region).toBeUndefined();
    expect(artifactUri('.\\sub dir\\a#b.csv')).toBe('sub%20dir/a%23b.csv');
    expect(artifactUri('/abs/x.csv')).toBe('file:///abs/x.csv');
    expect(artifactUri('C:\\data\\x.csv')).toBe('file:///C:/data/x.csv');
  });

  it('lists unreadable files as tool notifications', () => {
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/not a zip file/);
  });
});

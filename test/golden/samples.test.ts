// Golden test: every field of every sample, as path | table | field | category/subcategory.
// Rewrite the golden file after an intended change with:
//   UPDATE_GOLDEN=1 npx vitest run test/golden/samples.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { bufferIO } from '../../src/io.js';
import type { ScanReport } from '../../src/types.js';

const GOLDEN = 'test/golden/samples.txt';
let report: ScanReport;

beforeAll(async () => {
  const io = bufferIO({ env: {} });
  const code = await run(['scan', 'samples', '--format', 'json'], io);
  expect([0, 1]).toContain(code);
  report = JSON.parse(io.out());
}, 120_000);

function lines(r: ScanReport): string[] {
  const out: string[] = [];
  for (const file of r.files) {
    if (file.error) out.push(`${file.path} | ERROR ${file.error}`);
    for (const table of file.tables)
      for (const field of table.fields) {
        out.push(`${file.path} | ${table.name ?? ''} | ${field.name} | ${field.category}/${field.subcategory ?? '-'}`);
        for (const part of field.parts ?? []) out.push(`${file.path} | ${table.name ?? ''} | ${field.name} > ${part.name} | ${part.category}/${part.subcategory ?? '-'}`);
      }
  }
  return out;
}

const find = (path: RegExp, field: string) =>
  report.files.filter((f) => path.test(f.path)).flatMap((f) => f.tables.flatMap((t) => t.fields)).filter((x) => x.name === field);

describe('samples', () => {
  it('match the golden file', () => {
    const actual = lines(report).join('\n') + '\n';
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, actual);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('classify the fields of the seed layouts as the taxonomy says', () => {
    const expected: [string, string][] = [
      ['預金者名', 'personal/name'],
      ['口座番号', 'personal/financial_account'],
      ['宛名番号', 'personal/resident_id'],
      ['被保険者番号', 'personal/gov_id'],
      ['個人番号', 'my_number/individual_number'],
      ['健診結果（身長、体重、胸囲、聴力、視力など）', 'sensitive/health_checkup'],
      ['金融機関コード', 'none/code'],
      ['引落金額', 'none/amount'],
      ['納税者郵便番号', 'personal/postal_code'],
      ['マイナンバー（講師）など', 'my_number/individual_number'],
      ['年度', 'none/period'],
      ['期別', 'none/period'],
      ['引落年月日', 'none/date'],
      ['納付額', 'none/amount'],
    ];
    for (const [field, want] of expected) {
      const found = find(/^samples\/layouts\//, field);
      expect(found.length, field).toBeGreaterThan(0);
      for (const f of found) expect(`${f.category}/${f.subcategory}`, field).toBe(want);
    }
  });

  it('mark files that hold My Number as 特定個人情報ファイル', () => {
    expect(report.summary.specificPersonalInformationFiles).toEqual(expect.arrayContaining(['samples/csv/payroll-2026-10.csv', 'samples/layouts/seikatsu-fukushi.md', 'samples/layouts/gakko-kohmu.txt']));
    expect(report.summary.specificPersonalInformationFiles).not.toContain('samples/csv/products.csv');
  });

  it('classify the composite 顧客番号 by its strongest part, listing the parts', () => {
    const [f] = find(/kaigo-hoken/, '顧客番号（区市コード、税目コード、被保険者番号、相当年度、年度、期別）');
    expect(f.category).toBe('personal');
    expect(f.parts?.find((p) => p.name === '被保険者番号')?.subcategory).toBe('gov_id');
  });

  it('find no personal field in the non-personal sample', () => {
    const file = report.files.find((f) => f.path === 'samples/csv/products.csv')!;
    expect(file.category).toBe('none');
  });
});

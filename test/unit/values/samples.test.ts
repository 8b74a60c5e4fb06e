// The committed samples in samples/values/ behave as documented when every header is read as
// `unknown` (header classification is another stage): the values alone must find them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/report/decide.js';
import { profileValues } from '../../../src/values/profiler.js';
import type { HeaderEvidence } from '../../../src/types.js';

const DIR = fileURLToPath(new URL('../../../samples/values/', import.meta.url));
const UNKNOWN: HeaderEvidence = { category: 'unknown', subcategory: null, confidence: 0, reasons: [] };

/** The samples hold no quoted fields, so a plain split is a faithful reader here. */
function read(name: string, hasHeader = true): { header: string[]; columns: string[][] } {
  const lines = readFileSync(DIR + name, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const header = hasHeader ? lines.shift()! : lines[0].map((_, i) => `column ${i + 1}`);
  return { header, columns: header.map((_, i) => lines.map((l) => l[i] ?? '')) };
}

function decideAll(name: string, hasHeader = true, hints: Record<string, string> = {}) {
  const { header, columns } = read(name, hasHeader);
  return header.map((h, i) => ({ h, d: decide(UNKNOWN, profileValues(columns[i], { subcategory: hints[h] ?? null })) }));
}

describe('samples/values', () => {
  it.each([
    ['mynumber_col7.csv', 'col7'],
    ['mynumber_kanri_bangou.csv', '管理番号'],
    ['mynumber_id.csv', 'ID'],
    ['mynumber_bikou.csv', '備考'],
  ])('%s: only %s is a My Number column, and the header hid it', (file, col) => {
    const mine = decideAll(file).filter((x) => x.d.category === 'my_number').map((x) => x.h);
    expect(mine).toEqual([col]);
    expect(decideAll(file).find((x) => x.h === col)?.d.headerHid).toBe(true);
  });

  it('order_numbers.csv: random 12-digit order numbers are not flagged', () => {
    for (const { d } of decideAll('order_numbers.csv')) expect(d.category).not.toBe('my_number');
  });

  it('corporate_numbers.csv: 番号 holds corporate numbers → none/corporate', () => {
    expect(decideAll('corporate_numbers.csv')[0].d).toMatchObject({ category: 'none', subcategory: 'corporate' });
  });

  it('personal_values.csv: each column is found by its values', () => {
    const got = Object.fromEntries(
      decideAll('personal_values.csv', true, { 性別: 'gender', 口座番号: 'financial_account' }).map((x) => [
        x.h,
        `${x.d.category}/${x.d.subcategory}`,
      ]),
    );
    expect(got).toEqual({
      field01: 'personal/contact',
      field02: 'personal/contact',
      field03: 'personal/postal_code',
      field04: 'personal/address',
      field05: 'personal/birth_date',
      field06: 'personal/birth_date',
      field07: 'personal/name',
      field08: 'personal/gender',
      field09: 'personal/financial_account',
      field10: 'personal/online_id',
      field11: 'personal/online_id',
      field12: 'personal/gov_id',
      性別: 'personal/gender',
      口座番号: 'personal/financial_account',
    });
  });

  it('headerless.csv: column 3 holds My Numbers, no other column does', () => {
    const all = decideAll('headerless.csv', false);
    expect(all.map((x) => x.d.category)).toEqual(['personal', 'unknown', 'my_number', 'unknown']);
    expect(all[0].d.subcategory).toBe('contact');
  });
});

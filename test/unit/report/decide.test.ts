import { describe, expect, it } from 'vitest';
import { decide, EXPLICIT_HEADER_CONFIDENCE } from '../../../src/report/decide.js';
import { profileValues } from '../../../src/values/profiler.js';
import type { HeaderEvidence, ValueEvidence } from '../../../src/types.js';
import {
  randomDigits,
  rng,
  validCorporateNumber,
  validMyNumber,
  invalidMyNumber,
} from '../values/helpers.js';

const NOW = { now: new Date(2025, 5, 1) };

function header(category: HeaderEvidence['category'], subcategory: string | null, confidence: number, token?: string): HeaderEvidence {
  return {
    category,
    subcategory,
    confidence,
    reasons: token ? [{ rule: 'dictionary', text: `dictionary entry ${token}`, tokens: [token] }] : [],
  };
}

const UNKNOWN_COL7 = header('unknown', null, 0, undefined);
const MY_NUMBER_HEADER = header('my_number', 'individual_number', 0.95, '個人番号');

function col(gen: (r: () => number) => string, n: number, seed = 1): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => gen(r));
}

function ev(values: string[], subcategory?: string): ValueEvidence {
  return profileValues(values, { subcategory }, NOW);
}

const myNumbers = ev(col(validMyNumber, 40));
const corporate = ev(col(validCorporateNumber, 40));
const failing12 = ev(col(invalidMyNumber, 40));
const phones = ev(['03-1234-5678', '090-2345-6789', '080-1111-2222', '0120-111-222', '050-1234-5678', '06-6123-4567']);

function valueTexts(d: { reasons: { rule: string; text: string }[] }): string[] {
  return d.reasons.filter((r) => r.rule === 'value').map((r) => r.text);
}

describe('decide: header alone', () => {
  it('returns the header when there are no values', () => {
    const h = header('personal', 'name', 0.9, '氏名');
    expect(decide(h, undefined)).toEqual({ category: 'personal', subcategory: 'name', confidence: 0.9, reasons: h.reasons });
  });

  it('returns the header when the values say nothing (all blank or no detector matched)', () => {
    const h = header('none', 'amount', 0.8, '金額');
    expect(decide(h, ev(['', ' ', '']))).toEqual(decide(h, undefined));
    expect(decide(h, ev(['12,000', '3,400', '500']))).toEqual(decide(h, undefined));
  });

  it('does not share the header reasons array', () => {
    const h = header('personal', 'contact', 0.8, '電話番号');
    const d = decide(h, phones);
    expect(d.reasons).not.toBe(h.reasons);
    expect(h.reasons).toHaveLength(1);
  });
});

describe('decide: My Numbers', () => {
  it('agreement raises confidence with a reason naming the header token and the shape', () => {
    const d = decide(MY_NUMBER_HEADER, myNumbers);
    expect(d.category).toBe('my_number');
    expect(d.subcategory).toBe('individual_number');
    expect(d.confidence).toBeGreaterThan(MY_NUMBER_HEADER.confidence);
    expect(valueTexts(d)).toContain('header token 個人番号 + 12 digits, check digit valid in 40 of 40 distinct values');
    expect(d.headerHid).toBeUndefined();
  });

  it.each([
    ['col7', header('unknown', null, 0)],
    ['管理番号', header('none', 'record_meta', 0.6, '管理番号')],
    ['備考', header('unknown', null, 0.2, '備考')],
    ['ID', header('personal', 'customer_id', 0.5, 'ID')],
    ['病名', header('sensitive', 'medical', 0.9, '病名')],
  ])('values win over a header named %s, and the header is marked as hiding them', (_name, h) => {
    const d = decide(h, myNumbers);
    expect(d.category).toBe('my_number');
    expect(d.subcategory).toBe('individual_number');
    expect(d.headerHid).toBe(true);
    expect(d.confidence).toBeGreaterThanOrEqual(0.8);
    expect(valueTexts(d).some((t) => t.startsWith('values show My Numbers; the header does not say so'))).toBe(true);
  });

  it('five valid numbers decide with less confidence than forty', () => {
    const five = decide(UNKNOWN_COL7, ev(col(validMyNumber, 5, 3)));
    const forty = decide(UNKNOWN_COL7, myNumbers);
    expect(five.category).toBe('my_number');
    expect(five.confidence).toBeLessThan(forty.confidence);
  });

  it('four valid numbers do not decide an unknown column, but are mentioned', () => {
    const d = decide(UNKNOWN_COL7, ev(col(validMyNumber, 4, 5)));
    expect(d.category).toBe('unknown');
    expect(d.headerHid).toBeUndefined();
    expect(valueTexts(d)[0]).toMatch(/^some values pass the My Number check digit, too few to decide/);
  });

  it('a my_number header with too few values for a decision still gets mild support', () => {
    const d = decide(MY_NUMBER_HEADER, ev(col(validMyNumber, 3, 6)));
    expect(d.category).toBe('my_number');
    expect(d.confidence).toBeGreaterThan(MY_NUMBER_HEADER.confidence);
    expect(d.confidence).toBeLessThan(decide(MY_NUMBER_HEADER, myNumbers).confidence);
  });

  it('random 12-digit order numbers under an unknown header are not My Numbers', () => {
    const d = decide(header('unknown', null, 0, '注文番号'), ev(col((r) => randomDigits(r, 12), 100, 8)));
    expect(d.category).toBe('unknown');
  });
});

describe('decide: values against My Number', () => {
  it('corporate numbers under 番号 → none/corporate', () => {
    const d = decide(header('unknown', null, 0.1, '番号'), corporate);
    expect(d.category).toBe('none');
    expect(d.subcategory).toBe('corporate');
    expect(d.headerHid).toBeUndefined();
    expect(valueTexts(d)[0]).toContain('13 digits, corporate-number check digit valid in 40 of 40 distinct values');
  });

  it('an explicit my_number header over corporate numbers keeps my_number with lower confidence', () => {
    const d = decide(MY_NUMBER_HEADER, corporate);
    expect(d.category).toBe('my_number');
    expect(d.confidence).toBeLessThan(MY_NUMBER_HEADER.confidence);
    expect(d.confidence).toBeLessThanOrEqual(0.55);
    expect(valueTexts(d)[0]).toMatch(/^values do not look like My Numbers: 13 digits, corporate-number/);
  });

  it('an explicit my_number header over 12 digits failing the check keeps my_number with lower confidence', () => {
    const d = decide(MY_NUMBER_HEADER, failing12);
    expect(d.category).toBe('my_number');
    expect(d.confidence).toBeLessThan(MY_NUMBER_HEADER.confidence);
    expect(valueTexts(d)[0]).toBe('values do not look like My Numbers: 12 digits, My Number check digit fails in 40 of 40 distinct values');
  });

  it('an explicit my_number header over phone numbers keeps my_number with lower confidence', () => {
    const d = decide(MY_NUMBER_HEADER, phones);
    expect(d.category).toBe('my_number');
    expect(d.confidence).toBeLessThan(0.6);
  });

  it('a weak my_number header (borrowed words) gives way to what the values are', () => {
    const weak = header('my_number', 'individual_number', EXPLICIT_HEADER_CONFIDENCE - 0.2, '国保個人番号');
    expect(decide(weak, corporate)).toMatchObject({ category: 'none', subcategory: 'corporate' });
    expect(decide(weak, failing12)).toMatchObject({ category: 'personal', subcategory: 'resident_id' });
  });

  it('a my_number header over a mix that mostly passes keeps full confidence', () => {
    const r = rng(12);
    const vals = [...Array.from({ length: 38 }, () => validMyNumber(r)), invalidMyNumber(r), invalidMyNumber(r)];
    const d = decide(MY_NUMBER_HEADER, ev(vals));
    expect(d.category).toBe('my_number');
    expect(d.confidence).toBeGreaterThan(MY_NUMBER_HEADER.confidence);
  });
});

describe('decide: personal values', () => {
  const unknown = header('unknown', null, 0.1, 'col3');
  it.each([
    [['03-1234-5678', '090-2345-6789', '080-1111-2222', '0120-111-222'], 'contact'],
    [['a@example.com', 'b@example.jp', 'c@example.org'], 'contact'],
    [['〒100-0001', '150-0002', '530-0001'], 'postal_code'],
    [['東京都千代田区千代田1-1', '大阪府大阪市北区梅田1-1-3', '横浜市中区山下町10'], 'address'],
    [['1950-04-01', '昭和50年1月1日', 'S45.3.3', 'H2/4/1', '1988/12/31'], 'birth_date'],
    [['4242424242424242', '5555555555554444', '378282246310005', '3530111333300000', '30569309025904'], 'financial_account'],
    [['192.0.2.1', '2001:db8::1', '198.51.100.7'], 'online_id'],
    [['TZ1234567', 'TK7654321', 'MU1111111'], 'gov_id'],
    [['男', '女', '女', '男', '男'], 'gender'],
  ])('an unknown header with %j → personal/%s, header hid it', (vals, sub) => {
    const d = decide(unknown, ev(vals));
    expect(d.category).toBe('personal');
    expect(d.subcategory).toBe(sub);
    expect(d.headerHid).toBe(true);
    expect(d.confidence).toBeGreaterThanOrEqual(0.6);
    expect(valueTexts(d)[0]).toMatch(/; the header does not say so: /);
  });

  it('names by shape alone fill an unknown header at a high rate, with low confidence', () => {
    const names = ['ヤマダ タロウ', 'サトウ ハナコ', 'スズキ イチロウ', 'タナカ ジロウ', 'ワタナベ サクラ', 'イトウ ケン'];
    const d = decide(unknown, ev(names));
    expect(d).toMatchObject({ category: 'personal', subcategory: 'name', headerHid: true });
    expect(d.confidence).toBeLessThanOrEqual(0.5);
    const diluted = decide(unknown, ev([...names, '本社', '支店', '未定']));
    expect(diluted.category).toBe('unknown');
  });

  it('names by shape never override a known header', () => {
    const names = ['ヤマダ タロウ', 'サトウ ハナコ', 'スズキ イチロウ', 'タナカ ジロウ', 'ワタナベ サクラ'];
    const h = header('none', 'corporate', 0.7, '支店名');
    const d = decide(h, ev(names));
    expect(d.category).toBe('none');
    expect(d.confidence).toBe(0.7);
    expect(d.headerHid).toBeUndefined();
  });

  it('an organisation header over phone numbers is kept (values cannot tell whose phone)', () => {
    const h = header('none', 'contact', 0.8, '店舗電話番号');
    const d = decide(h, phones);
    expect(d).toMatchObject({ category: 'none', subcategory: 'contact', confidence: 0.8 });
    expect(valueTexts(d)[0]).toMatch(/^values look like phone numbers; the header's reading is kept/);
  });

  it('a none header over payment card numbers → personal/financial_account', () => {
    const h = header('none', 'code', 0.6, '取引コード');
    const d = decide(h, ev(['4242424242424242', '5555555555554444', '378282246310005', '3530111333300000', '30569309025904']));
    expect(d).toMatchObject({ category: 'personal', subcategory: 'financial_account', headerHid: true });
  });

  it('agreement on a personal subcategory raises confidence', () => {
    const h = header('personal', 'contact', 0.7, '電話番号');
    const d = decide(h, phones);
    expect(d.category).toBe('personal');
    expect(d.confidence).toBeGreaterThan(0.7);
    expect(valueTexts(d)[0]).toBe('header token 電話番号 + Japanese phone numbers in 6 of 6 values (6 distinct)');
  });

  it('a personal header with a different personal shape keeps its subcategory and confidence', () => {
    const h = header('personal', 'employee_id', 0.8, '社員番号');
    const d = decide(h, phones);
    expect(d).toMatchObject({ category: 'personal', subcategory: 'employee_id', confidence: 0.8 });
  });

  it('a sensitive header is never lowered by personal values', () => {
    const h = header('sensitive', 'medical', 0.9, '傷病名');
    expect(decide(h, phones).category).toBe('sensitive');
  });

  it('gender codes under a gender header agree (hint enables 1/2)', () => {
    const h = header('personal', 'gender', 0.85, '性別');
    const d = decide(h, ev(['1', '2', '2', '1', '1', '2'], 'gender'));
    expect(d.confidence).toBeGreaterThan(0.85);
    const noHint = decide(h, ev(['1', '2', '2', '1', '1', '2']));
    expect(noHint.confidence).toBe(0.85);
  });

  it('processing dates do not make an unknown column personal', () => {
    const d = decide(unknown, ev(['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10', '2025-05-10']));
    expect(d.category).toBe('unknown');
  });
});

describe('decide: no values leak into reasons', () => {
  it('reasons hold shapes and counts only', () => {
    const r = rng(99);
    const vals = Array.from({ length: 30 }, () => validMyNumber(r));
    const d = decide(header('unknown', null, 0, 'col7'), ev(vals));
    const json = JSON.stringify(d);
    for (const v of vals) expect(json).not.toContain(v.slice(0, 5));
  });
});

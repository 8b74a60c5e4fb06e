import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ColumnProfiler, evidenceOf, profileValues } from '../../../src/values/profiler.js';
import { hash32 } from '../../../src/values/distinct.js';
import { randomDigits, rng, toFullWidth, validCorporateNumber, validMyNumber } from './helpers.js';

const NOW = new Date(2025, 5, 1);
const opts = { now: NOW };

function myNumberColumn(seed: number, n: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = validMyNumber(r);
    const form = i % 4;
    out.push(
      form === 0 ? v : form === 1 ? `${v.slice(0, 4)}-${v.slice(4, 8)}-${v.slice(8)}` : form === 2 ? toFullWidth(v) : `${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`,
    );
    if (i % 7 === 3) out.push('');
  }
  return out;
}

describe('ColumnProfiler: My Numbers', () => {
  it('decides a column of valid My Numbers in mixed forms with blanks', () => {
    const ev = profileValues(myNumberColumn(1, 40), {}, opts);
    expect(ev.nonEmpty).toBe(40);
    expect(ev.sampled).toBeGreaterThan(40);
    expect(ev.distinct).toBe(40);
    expect(ev.best?.detector).toBe('my_number');
    expect(ev.best?.decisive).toBe(true);
    expect(ev.best?.matchedDistinct).toBe(40);
    expect(ev.best?.shape).toBe('12 digits, check digit valid in 40 of 40 distinct values');
  });

  it('is not decisive below five distinct values, even when all are valid', () => {
    const r = rng(2);
    const four = [validMyNumber(r), validMyNumber(r), validMyNumber(r), validMyNumber(r)];
    const ev = profileValues([...four, ...four, ...four], {}, opts);
    expect(ev.findings[0].detector).toBe('my_number');
    expect(ev.findings[0].matched).toBe(12);
    expect(ev.findings[0].matchedDistinct).toBe(4);
    expect(ev.findings[0].decisive).toBe(false);
  });

  it('reports 12-digit numbers failing the check digit separately', () => {
    const r = rng(3);
    const ev = profileValues(Array.from({ length: 50 }, () => randomDigits(r, 12)), {}, opts);
    const bad = ev.findings.find((f) => f.detector === 'twelve_digit_number');
    const good = ev.findings.find((f) => f.detector === 'my_number');
    expect(bad).toBeDefined();
    expect((bad?.matched ?? 0) + (good?.matched ?? 0)).toBe(50);
    expect(good?.decisive ?? false).toBe(false);
  });

  it('finds corporate numbers and does not call them My Numbers', () => {
    const r = rng(4);
    const ev = profileValues(Array.from({ length: 30 }, () => validCorporateNumber(r)), {}, opts);
    expect(ev.best?.detector).toBe('corporate_number');
    expect(ev.best?.category).toBe('none');
    expect(ev.best?.decisive).toBe(true);
    expect(ev.findings.some((f) => f.detector === 'my_number')).toBe(false);
  });
});

describe('ColumnProfiler: personal shapes', () => {
  const cases: [string, string[], string][] = [
    ['phone', ['03-1234-5678', '090-2345-6789', '0120-111-222', '+81 80 1111 2222', '06(6123)4567'], 'contact'],
    ['email', ['a@example.com', 'b.c@example.jp', 'd+e@example.org', 'f@example.net'], 'contact'],
    ['postal_code', ['〒100-0001', '150-0002', '〒5300001', '060-0806'], 'postal_code'],
    ['address', ['東京都千代田区千代田1-1', '大阪府大阪市北区梅田1-1-3', '北海道札幌市中央区北1条西2丁目', '横浜市中区山下町10'], 'address'],
    ['ip_address', ['192.0.2.1', '198.51.100.7', '2001:db8::1', '203.0.113.9'], 'online_id'],
    ['passport', ['TZ1234567', 'TK7654321', 'MU1111111', 'TR2222222'], 'gov_id'],
    ['credit_card', ['4242424242424242', '5555 5555 5555 4444', '378282246310005', '3530111333300000', '30569309025904'], 'financial_account'],
    ['person_name', ['ヤマダ タロウ', 'サトウ ハナコ', 'スズキ イチロウ', 'タナカ ジロウ', 'ワタナベ サクラ'], 'name'],
    ['gender', ['男', '女', '女性', '男性', '女', '男'], 'gender'],
  ];
  it.each(cases)('%s column is decisive', (detector, vals, sub) => {
    const ev = profileValues(vals, {}, opts);
    expect(ev.best?.detector).toBe(detector);
    expect(ev.best?.subcategory).toBe(sub);
    expect(ev.best?.decisive).toBe(true);
    expect(ev.best?.rate).toBe(1);
  });

  it('counts gender codes 1/2 only with the gender hint', () => {
    const p = new ColumnProfiler(opts);
    for (const v of ['1', '2', '2', '1', '1', '2', '2']) p.add(v);
    expect(p.result().findings.find((f) => f.detector === 'gender')).toBeUndefined();
    const hinted = p.result({ subcategory: 'gender' });
    expect(hinted.best?.detector).toBe('gender');
    expect(hinted.best?.decisive).toBe(true);
  });

  it('counts bare 7 digits as postal codes or account numbers only with a hint', () => {
    const p = new ColumnProfiler(opts);
    for (const v of ['1000001', '1500002', '5300001', '0600806']) p.add(v);
    expect(p.result().findings.filter((f) => f.decisive)).toEqual([]);
    expect(p.result({ subcategory: 'postal_code' }).best?.detector).toBe('postal_code');
    expect(p.result({ subcategory: 'financial_account' }).best?.detector).toBe('bank_account');
  });

  it('needs a high rate for weak name shapes', () => {
    const vals = ['ヤマダ タロウ', 'サトウ ハナコ', 'スズキ イチロウ', 'タナカ ジロウ', 'ワタナベ サクラ', 'メモ', 'なし'];
    const ev = profileValues(vals, {}, opts);
    const name = ev.findings.find((f) => f.detector === 'person_name');
    expect(name?.decisive).toBe(false);
  });
});

describe('ColumnProfiler: dates', () => {
  it('calls dates spanning decades at plausible ages birth dates (Western and 和暦)', () => {
    const vals = ['1950-04-01', '昭和50年1月1日', 'S45.3.3', 'H2/4/1', '1988/12/31', '平成元年4月1日', '19700101'];
    const ev = profileValues(vals, {}, opts);
    expect(ev.best?.detector).toBe('birth_date');
    expect(ev.best?.decisive).toBe(true);
    expect(ev.best?.shape).toMatch(/^dates spanning \d+ years, 7 of 7 at a plausible age/);
  });

  it('calls this year\'s processing dates plain dates, not birth dates', () => {
    const vals = ['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10', '2025-05-10', 'R7/5/20'];
    const ev = profileValues(vals, {}, opts);
    expect(ev.best?.detector).toBe('date');
    expect(ev.best?.category).toBe('none');
    expect(ev.best?.decisive).toBe(false);
    expect(ev.findings.some((f) => f.detector === 'birth_date')).toBe(false);
  });

  it('future dates are not birth dates', () => {
    const vals = ['2030-01-01', '2040-01-01', '2050-01-01', '2060-01-01', '2070-01-01'];
    expect(profileValues(vals, {}, opts).best?.detector).toBe('date');
  });
});

describe('ColumnProfiler: bounded distinct counting', () => {
  it('switches to sampling past the cap, says so, and keeps the pass rate', () => {
    const p = new ColumnProfiler({ now: NOW, distinctCap: 1000 });
    const r = rng(9);
    for (let i = 0; i < 20_000; i++) p.add(validMyNumber(r));
    const ev = p.result();
    expect(ev.nonEmpty).toBe(20_000);
    // An estimate: within 15 % of the truth.
    expect(Math.abs(ev.distinct - 20_000) / 20_000).toBeLessThan(0.15);
    expect(ev.best?.decisive).toBe(true);
    expect(ev.best?.shape).toMatch(/^12 digits, check digit valid in about \d+ of about \d+ distinct values \(distinct counts estimated from a hash sample\)$/);
  });

  it('hash32 spreads nearby values', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) seen.add(hash32(String(100000000000 + i)) & 0xffff);
    expect(seen.size).toBeGreaterThan(30_000);
  });
});

describe('ColumnProfiler: a tally judged on another thread', () => {
  const HINTS = [null, 'postal_code', 'financial_account', 'gender'];
  const judgedAlike = (p: ColumnProfiler) => {
    // What a scan worker sends is the tally as JSON; the main thread judges it with the header's hint.
    const carried = JSON.parse(JSON.stringify(p.tally()));
    for (const subcategory of HINTS) expect(evidenceOf(carried, { subcategory })).toEqual(p.result({ subcategory }));
  };

  it('gives the evidence the profiler gives, under every hint that changes counting', () => {
    const p = new ColumnProfiler(opts);
    const r = rng(7);
    for (let i = 0; i < 60; i++) p.add(i % 3 === 0 ? randomDigits(r, 7) : i % 3 === 1 ? `〒${randomDigits(r, 3)}-${randomDigits(r, 4)}` : `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`);
    for (const v of ['1', '2', '1', '']) p.add(v);
    judgedAlike(p);
    // The hint is what tells bare 7 digits apart: the same tally reads differently with it.
    const tally = p.tally();
    expect(evidenceOf(tally, { subcategory: 'postal_code' }).findings).not.toEqual(evidenceOf(tally, {}).findings);
  });

  it('keeps estimated distinct counts once the sampler samples', () => {
    const p = new ColumnProfiler({ ...opts, distinctCap: 16 });
    const r = rng(11);
    for (let i = 0; i < 500; i++) p.add(validMyNumber(r));
    expect(p.tally().approximate).toBe(true);
    judgedAlike(p);
  });
});

describe('ColumnProfiler: never keeps values', () => {
  it('no value of 4+ characters appears in the evidence (property)', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^\d{12}$/),
      fc.stringMatching(/^0[789]0-\d{4}-\d{4}$/),
      fc.stringMatching(/^[a-z]{3,8}@example\.com$/),
      fc.string({ minLength: 4, maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), (vals) => {
        const json = JSON.stringify(profileValues(vals, { subcategory: 'gender' }, opts));
        return vals.every((v) => v.trim().length < 4 || /^[\d\s.,]+$/.test(v.trim()) && v.trim().length < 6 || !json.includes(v.trim()));
      }),
      { numRuns: 300 },
    );
  });

  it('a My Number column\'s evidence holds none of its numbers', () => {
    const col = myNumberColumn(11, 60);
    const json = JSON.stringify(profileValues(col, {}, opts));
    for (const v of col) if (v) expect(json).not.toContain(v.normalize('NFKC').replace(/\D/g, '').slice(0, 6));
  });
});

describe('ColumnProfiler: cost', () => {
  it('profiles 200,000 mixed cells in one pass, counting every shape (speed: npm run bench)', () => {
    const r = rng(5);
    const p = new ColumnProfiler(opts);
    for (let i = 0; i < 200_000; i++) {
      const k = i % 5;
      p.add(k === 0 ? validMyNumber(r) : k === 1 ? '12,000' : k === 2 ? '東京都千代田区千代田1-1' : k === 3 ? '2024-04-01' : 'foo@example.com');
    }
    const e = p.result();
    expect(e.sampled).toBe(200_000);
    expect(e.nonEmpty).toBe(200_000);
    const byDetector = Object.fromEntries(e.findings.map((f) => [f.detector, f.matched]));
    expect(byDetector.my_number).toBe(40_000);
    expect(byDetector.email).toBe(40_000);
  });
});

// The My Number decision rule measured: random 12-digit ID columns must not be decided as
// my_number; columns of real-shaped My Numbers must be. Figures are printed for src/values/README.md.
import { describe, expect, it } from 'vitest';
import { profileValues } from '../../../src/values/profiler.js';
import { decide } from '../../../src/report/decide.js';
import { CHECK_DIGIT_MIN_DISTINCT, CHECK_DIGIT_MIN_PASS_RATE } from '../../../src/values/rules.js';
import { myNumberCheckDigit } from '../../../src/values/my-number.js';
import type { HeaderEvidence } from '../../../src/types.js';
import { randomDigits, rng, toFullWidth, validMyNumber } from './helpers.js';

const UNKNOWN: HeaderEvidence = { category: 'unknown', subcategory: null, confidence: 0, reasons: [] };
const NOW = { now: new Date(2025, 5, 1) };

function binomTail(n: number, k: number, p: number): number {
  let sum = 0;
  let c = 1; // C(n, 0)
  for (let i = 0; i <= n; i++) {
    if (i >= k) sum += c * p ** i * (1 - p) ** (n - i);
    c = (c * (n - i)) / (i + 1);
  }
  return sum;
}

describe('My Number rule: the numbers behind it', () => {
  it('a uniform random last digit passes the check with probability exactly 1/10', () => {
    // Distribution of the check digit over all 10^11 prefixes, by dynamic programming on Σ mod 11.
    let dist = new Array<number>(11).fill(0);
    dist[0] = 1;
    for (let n = 1; n <= 11; n++) {
      const q = n <= 6 ? n + 1 : n - 5;
      const next = new Array<number>(11).fill(0);
      for (let r = 0; r < 11; r++) for (let d = 0; d < 10; d++) next[(r + d * q) % 11] += dist[r] / 10;
      dist = next;
    }
    const cd = new Array<number>(10).fill(0);
    dist.forEach((p, r) => (cd[r <= 1 ? 0 : 11 - r] += p));
    expect(cd.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const pass = cd.reduce((a, p) => a + p * 0.1, 0);
    expect(pass).toBeCloseTo(0.1, 12);
    // 0 is the check digit about twice as often as any other (r = 0 or 1).
    expect(cd[0]).toBeGreaterThan(1.5 * cd[5]);
    expect(myNumberCheckDigit('12345678901')).toBe(8);
  });

  it('the rule bounds the chance for a random column by 1e-5 (worst at 5 values)', () => {
    let worst = 0;
    let worstN = 0;
    for (let n = CHECK_DIGIT_MIN_DISTINCT; n <= 500; n++) {
      const k = Math.max(CHECK_DIGIT_MIN_DISTINCT, Math.ceil(CHECK_DIGIT_MIN_PASS_RATE * n - 1e-9));
      const p = binomTail(n, k, 0.1);
      if (p > worst) [worst, worstN] = [p, n];
    }
    console.log(`binomial bound: worst P[decided] = ${worst.toExponential(2)} at n = ${worstN}; n=10: ${binomTail(10, 9, 0.1).toExponential(2)}, n=20: ${binomTail(20, 18, 0.1).toExponential(2)}`);
    expect(worstN).toBe(5);
    expect(worst).toBeCloseTo(1e-5, 10);
  });
});

describe('My Number rule: measured', () => {
  it('10,000 random 12-digit ID columns (5..200 values): none decided as my_number', () => {
    const r = rng(20250601);
    let decided = 0;
    let valuesSeen = 0;
    let passing = 0;
    const columns = 10_000;
    for (let c = 0; c < columns; c++) {
      const size = 5 + Math.floor(r() * 196);
      const col: string[] = [];
      for (let i = 0; i < size; i++) {
        const v = randomDigits(r, 12);
        if (v.slice(0, 11) + String(myNumberCheckDigit(v.slice(0, 11))) === v) passing++;
        col.push(v);
      }
      valuesSeen += size;
      const ev = profileValues(col, {}, NOW);
      if (decide(UNKNOWN, ev).category === 'my_number') decided++;
    }
    const rate = decided / columns;
    console.log(
      `random ID columns: ${decided} of ${columns} decided as my_number (false-positive rate ${rate}); ` +
        `${passing} of ${valuesSeen} single values passed the check digit (${(passing / valuesSeen).toFixed(4)})`,
    );
    expect(decided).toBe(0);
    expect(passing / valuesSeen).toBeGreaterThan(0.09);
    expect(passing / valuesSeen).toBeLessThan(0.11);
  });

  it('at the boundary (exactly 5 random values), the measured rate matches the 1e-5 bound', () => {
    const r = rng(77);
    const columns = 200_000;
    let decided = 0;
    const col = ['', '', '', '', ''];
    for (let c = 0; c < columns; c++) {
      for (let i = 0; i < 5; i++) col[i] = randomDigits(r, 12);
      const best = profileValues(col, {}, NOW).best;
      if (best?.detector === 'my_number' && best.decisive) decided++;
    }
    console.log(`5-value random columns: ${decided} of ${columns} decided (expected about ${columns * 1e-5})`);
    // Poisson(2): more than 10 happens with probability < 1e-5.
    expect(decided).toBeLessThanOrEqual(10);
  }, 60_000);

  it('real-shaped My Number columns (plain, 4-4-4, full-width, blanks, one typo in columns of 20+) are found', () => {
    const r = rng(4242);
    const columns = 1_000;
    let found = 0;
    for (let c = 0; c < columns; c++) {
      const size = 5 + Math.floor(r() * 196);
      const col: string[] = [];
      for (let i = 0; i < size; i++) {
        let v = validMyNumber(r);
        // Columns of 20+ values carry one typo in a last digit (the check digit then fails): 5 % or less.
        if (size >= 20 && i === 7) v = v.slice(0, 11) + String((+v[11] + 1) % 10);
        const form = Math.floor(r() * 4);
        col.push(form === 0 ? v : form === 1 ? `${v.slice(0, 4)}-${v.slice(4, 8)}-${v.slice(8)}` : form === 2 ? toFullWidth(v) : `${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`);
        if (r() < 0.05) col.push('');
      }
      const d = decide(UNKNOWN, profileValues(col, {}, NOW));
      if (d.category === 'my_number' && d.headerHid === true) found++;
    }
    console.log(`My Number columns: ${found} of ${columns} found (recall ${found / columns})`);
    expect(found).toBe(columns);
  });
});

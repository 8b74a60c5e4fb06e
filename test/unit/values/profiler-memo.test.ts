// ColumnProfiler.addSpan (the --all-rows path, with its memo of repeated cells) must give exactly
// the evidence add() gives for the same cells, and the typed-array DistinctSampler exactly what the
// Map it replaced gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistinctSampler } from '../../../src/values/distinct.js';
import { ColumnProfiler, type ProfilerOptions } from '../../../src/values/profiler.js';
import { rng, validMyNumber } from './helpers.js';

const NOW = new Date(2025, 5, 1);

/** Both paths over the same cells: add() per string, addSpan() over one joined text. */
function both(cells: readonly string[], options: ProfilerOptions, hint: string | null = null) {
  const plain = new ColumnProfiler({ now: NOW, ...options });
  for (const c of cells) plain.add(c);
  const spans = new ColumnProfiler({ now: NOW, ...options });
  // Cells joined with a separator that none contains, so every span is a proper substring.
  const text = cells.join('\u0001');
  let at = 0;
  for (const c of cells) {
    spans.addSpan(text, at, at + c.length);
    at += c.length + 1;
  }
  return { plain: plain.result({ subcategory: hint }), spans: spans.result({ subcategory: hint }) };
}

// Cells that hit every detector, repeated, padded with spaces, full-width, empty and blank.
const shaped = [
  '', ' ', '\u3000', '男', '女', ' 女性 ', 'M', 'F', '1', '2', '9', '1234567', '123-4567', '〒100-0001',
  '03-1234-5678', '090-2345-6789', 'a@example.com', '192.0.2.1', 'TZ1234567', '4242424242424242',
  '1975-01-22', '1999/12/31', '昭和50年1月1日', 'H2/4/1', '2024-04-01', '東京都千代田区千代田1-1',
  'ヤマダ タロウ', '山田 太郎', '１２３４５６７８９０１８', 'x'.repeat(70), '営業部', '7000012050002',
];

describe('ColumnProfiler.addSpan', () => {
  it('equals add() on repeated, shaped cells, with the memo large, tiny, and off', () => {
    const r = rng(11);
    const cells = Array.from({ length: 3000 }, () => shaped[Math.floor(r() * shaped.length)]);
    for (const memoEntries of [16384, 4, 1, 0]) {
      for (const hint of [null, 'gender', 'postal_code', 'financial_account']) {
        const { plain, spans } = both(cells, { memoEntries }, hint);
        expect(spans).toEqual(plain);
      }
    }
  });

  it('equals add() past the distinct cap, where the sampler estimates, and when the memo turns itself off', () => {
    const r = rng(12);
    // Unique My Numbers (the memo fills, sees no repeats and turns off) mixed with repeats.
    const cells = Array.from({ length: 40_000 }, (_, i) => (i % 3 === 0 ? shaped[i % shaped.length] : validMyNumber(r)));
    const { plain, spans } = both(cells, { memoEntries: 64, distinctCap: 500 });
    expect(plain.findings.some((f) => f.shape.includes('estimated'))).toBe(true);
    expect(spans).toEqual(plain);
  });

  it('equals add() on random text', () => {
    const cell = fc.array(fc.constantFrom('0', '1', '9', '-', ' ', '/', '@', '.', 'a', 'E', '年', '月', '日', '東', '京', '都', 'ア', '　', '１', '男'), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), fc.constantFrom(0, 2, 16384), (cells, memoEntries) => {
        const { plain, spans } = both(cells, { memoEntries });
        expect(spans).toEqual(plain);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

/** The Map-based sampler the typed-array one replaced, as the reference. */
class MapSampler {
  private level = 0;
  private readonly masks = new Map<number, number>();
  constructor(private readonly cap: number) {}
  add(hash: number, mask: number): boolean {
    if (this.level > 0 && (hash & ((1 << this.level) - 1)) !== 0) return false;
    if (this.masks.has(hash)) return false;
    this.masks.set(hash, mask);
    while (this.masks.size > this.cap) {
      const bit = 1 << this.level;
      this.level++;
      for (const h of this.masks.keys()) if ((h & bit) !== 0) this.masks.delete(h);
    }
    return true;
  }
  get approximate(): boolean {
    return this.level > 0;
  }
  distinct = () => this.masks.size * 2 ** this.level;
  distinctPerBit(nbits: number): number[] {
    const counts = new Array<number>(nbits).fill(0);
    for (const m of this.masks.values()) for (let b = 0; b < nbits; b++) if ((m & (1 << b)) !== 0) counts[b]++;
    return counts.map((c) => c * 2 ** this.level);
  }
}

describe('DistinctSampler', () => {
  it('keeps exactly what a Map of hashes kept, through level raises and repeated hashes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.nat(40), fc.integer({ min: 0, max: 0xffffffff })), fc.nat(0xffff)), { maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        (adds, cap) => {
          const typed = new DistinctSampler(cap);
          const reference = new MapSampler(cap);
          for (const [hash, mask] of adds) expect(typed.add(hash, mask)).toBe(reference.add(hash, mask));
          expect(typed.distinct()).toBe(reference.distinct());
          expect(typed.distinctPerBit(16)).toEqual(reference.distinctPerBit(16));
          expect(typed.approximate).toBe(reference.approximate);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

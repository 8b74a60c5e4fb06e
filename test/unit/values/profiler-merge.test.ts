// Byte ranges of one file are profiled by several profilers and merged (parallel/ranges.ts): the
// merged evidence must be exactly one profiler's over all the cells in order, whatever the cut
// points, the distinct cap, the memo, and the order in which a thread read its parts (one
// profiler's memo stays warm across ColumnProfiler.split()).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistinctSampler } from '../../../src/values/distinct.js';
import { ColumnProfiler, type ProfilerState } from '../../../src/values/profiler.js';
import { rng, validMyNumber } from './helpers.js';

const NOW = new Date(2025, 5, 1);

const shaped = [
  '', ' ', '\u3000', '男', '女', ' 女性 ', 'M', '1', '2', '1234567', '123-4567', '〒100-0001', '03-1234-5678',
  'a@example.com', '192.0.2.1', 'TZ1234567', '4242424242424242', '1975-01-22', '1999/12/31', '昭和50年1月1日',
  '2024-04-01', '1890-01-01', '東京都千代田区千代田1-1', '山田 太郎', '１２３４５６７８９０１８', 'x'.repeat(70),
];

function feed(p: ColumnProfiler, cells: readonly string[]): void {
  const text = cells.join('\u0001');
  let at = 0;
  for (const c of cells) {
    p.addSpan(text, at, at + c.length);
    at += c.length + 1;
  }
}

/**
 * The cells cut at `cuts`, each part profiled by one of `threads` profilers (part i by i % threads,
 * the threads taking their parts in the order `order` gives), states merged in file order. Each
 * profiler first counts `dropped` cells (some of the same cells) whose state is thrown away, as a
 * range that failed is, so its memo knows cells that no merged state has counted.
 */
function pieced(cells: readonly string[], cuts: number[], threads: number, order: number[], options: { memoEntries: number; distinctCap: number }, dropped: readonly string[] = [], hinted = false) {
  const bounds = [0, ...[...new Set(cuts.map((c) => c % (cells.length + 1)))].sort((a, b) => a - b), cells.length];
  const parts = bounds.slice(1).map((end, i) => cells.slice(bounds[i], end));
  const profilers = Array.from({ length: threads }, () => new ColumnProfiler({ now: NOW, ...options }));
  for (const p of profilers) {
    feed(p, dropped);
    p.split();
  }
  const states: ProfilerState[] = new Array(parts.length);
  const indices = parts.map((_, i) => i).sort((a, b) => (order[a] ?? 0) - (order[b] ?? 0) || a - b);
  // States merge in file order as soon as they can. Hinted: each part starts at the highest sampler
  // level any part read before it, or the parts merged so far, reached, as ranges.ts passes to the
  // next range it hands out (ColumnProfiler.distinctLevelAtLeast).
  const merged = new ColumnProfiler({ now: NOW, ...options });
  let next = 0;
  let level = 0;
  for (const i of indices) {
    if (hinted) profilers[i % threads].distinctLevelAtLeast(level);
    feed(profilers[i % threads], parts[i]);
    states[i] = profilers[i % threads].split();
    for (; next < parts.length && states[next] !== undefined; next++) merged.merge(states[next]);
    level = Math.max(level, states[i].sampler.level, merged.distinctLevel);
  }
  return merged;
}

describe('ColumnProfiler.split and merge', () => {
  it('equal one profiler over all cells, for random cells, cuts and reading orders', () => {
    const cell = fc.oneof(fc.constantFrom(...shaped), fc.integer({ min: 0, max: 400 }).map((n) => `ID${n}`));
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 300 }),
        fc.array(fc.nat(300), { maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat(10), { maxLength: 7 }),
        fc.constantFrom(0, 3, 16384),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(300),
        fc.nat(30),
        (cells, cuts, threads, order, memoEntries, distinctCap, from, length) => {
          // Cells of the same column (a failed range's are read again in file order), never others:
          // a successor's starting level relies on it (DistinctSampler.successor).
          const dropped = cells.slice(from % (cells.length + 1), (from % (cells.length + 1)) + length);
          const one = new ColumnProfiler({ now: NOW, memoEntries, distinctCap });
          feed(one, cells);
          for (const hint of [null, 'postal_code']) {
            for (const hinted of [false, true]) {
              expect(pieced(cells, cuts, threads, order, { memoEntries, distinctCap }, dropped, hinted).result({ subcategory: hint }), `hinted: ${hinted}`).toEqual(one.result({ subcategory: hint }));
            }
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('equal one profiler past the distinct cap, with a warm memo across many parts', () => {
    const r = rng(21);
    const cells = Array.from({ length: 30_000 }, (_, i) => (i % 4 === 0 ? shaped[i % shaped.length] : i % 4 === 1 ? `1975-0${1 + (i % 9)}-1${i % 10}` : validMyNumber(r)));
    const options = { memoEntries: 256, distinctCap: 700 };
    const one = new ColumnProfiler({ now: NOW, ...options });
    feed(one, cells);
    expect(one.result().findings.some((f) => f.shape.includes('estimated'))).toBe(true);
    const cuts = Array.from({ length: 40 }, () => Math.floor(r() * cells.length));
    const order = cuts.map(() => Math.floor(r() * 100));
    expect(pieced(cells, cuts, 2, order, options, cells.slice(20_000, 20_500)).result()).toEqual(one.result());
    expect(pieced(cells, cuts, 2, order, options, cells.slice(20_000, 20_500), true).result()).toEqual(one.result());
  });
});

describe('DistinctSampler.merge', () => {
  it('gives the sampler of the whole sequence, successors starting at their predecessor’s level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.nat(60), fc.integer({ min: 0, max: 0xffffffff })), fc.nat(0xffff)), { maxLength: 500 }),
        fc.array(fc.nat(500), { maxLength: 5 }),
        fc.integer({ min: 1, max: 40 }),
        (adds, cuts, cap) => {
          const whole = new DistinctSampler(cap);
          for (const [h, m] of adds) whole.add(h, m);
          const bounds = [0, ...[...new Set(cuts.map((c) => c % (adds.length + 1)))].sort((a, b) => a - b), adds.length];
          // One chain of successors, as one thread reading part after part.
          let part = new DistinctSampler(cap);
          const merged = new DistinctSampler(cap);
          for (let i = 1; i < bounds.length; i++) {
            for (const [h, m] of adds.slice(bounds[i - 1], bounds[i])) part.add(h, m);
            merged.merge(part.state());
            part = part.successor();
          }
          const canonical = (s: DistinctSampler) => {
            const { level, keys, masks } = s.state();
            return { level, entries: [...keys].map((k, i) => [k, masks[i]]).sort((a, b) => a[0] - b[0]) };
          };
          expect(canonical(merged)).toEqual(canonical(whole));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

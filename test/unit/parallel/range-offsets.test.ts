// Where a large file is cut for --all-rows on several threads (parallel/ranges.ts). The evidence is
// the same for any cuts (test/unit/read/byte-ranges.test.ts); what the plan decides is the cost:
// guided ranges start large (each range has a fixed cost) and end small (threads finish together).
import { describe, expect, it } from 'vitest';
import { RANGE_DEFAULTS, rangeOffsets } from '../../../src/parallel/ranges.js';

const MiB = 1 << 20;
const lengths = (size: number, offsets: number[]) => offsets.map((at, i) => (offsets[i + 1] ?? size) - at);

describe('rangeOffsets', () => {
  it('cuts every rangeBytes past what the stream has read when not guided', () => {
    expect(rangeOffsets(100 * MiB, 64 * 1024, { threads: 1, minBytes: 0, rangeBytes: 8 * MiB })).toEqual(
      Array.from({ length: 11 }, (_, i) => (i + 1) * 8 * MiB),
    );
    // Past a head larger than a range; no range shorter than half a range at the end.
    expect(rangeOffsets(30 * MiB, 10 * MiB, { threads: 1, minBytes: 0, rangeBytes: 8 * MiB })).toEqual([10 * MiB, 18 * MiB]);
  });

  it('guided: a few ranges, shrinking to rangeBytes, the last ones all of that size', () => {
    const size = 1024 * MiB;
    const threads = { ...RANGE_DEFAULTS, threads: 1 };
    const offsets = rangeOffsets(size, 64 * 1024, threads);
    const len = lengths(size, offsets);
    expect(offsets[0]).toBe(8 * MiB);
    expect(len[0]).toBe(Math.floor((size - 8 * MiB) / 4));
    // The last range takes what is left: from half a range to one and a half.
    for (let i = 1; i < len.length - 1; i++) expect(len[i]).toBeLessThanOrEqual(len[i - 1]);
    expect(len.slice(-3, -1)).toEqual([8 * MiB, 8 * MiB]);
    expect(len.at(-1)).toBeGreaterThanOrEqual(4 * MiB);
    expect(len.at(-1)).toBeLessThan(12 * MiB);
    expect(offsets.length).toBeLessThan(30);
    expect(rangeOffsets(size, 64 * 1024, { ...threads, guided: false }).length).toBe(127);
    // More threads reading: smaller shares.
    expect(lengths(size, rangeOffsets(size, 0, { ...threads, threads: 3 }))[0]).toBe(Math.floor((size - 8 * MiB) / 8));
  });
});

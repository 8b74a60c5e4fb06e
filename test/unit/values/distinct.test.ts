// DistinctSampler against a Map of hash → first mask: exact while under its cap, across the growth
// from a plain-array table to a typed one (more than 1,024 slots), and in parts merged.
import { describe, expect, it } from 'vitest';
import { DistinctSampler } from '../../../src/values/distinct.js';
import { rng } from './helpers.js';

function feed(sampler: DistinctSampler, n: number, seed: number): Map<number, number> {
  const r = rng(seed);
  const firstMask = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    // Repeats (a third of the values come again) and hashes over 2^31, which the table keeps as int32.
    const hash = i % 3 === 2 ? [...firstMask.keys()][Math.floor(r() * firstMask.size)] : Math.floor(r() * 2 ** 32);
    const mask = Math.floor(r() * 4) === 0 ? 0 : 1 << Math.floor(r() * 16);
    sampler.add(hash, mask);
    if (!firstMask.has(hash)) firstMask.set(hash, mask);
  }
  return firstMask;
}

describe('DistinctSampler', () => {
  for (const n of [10, 700, 3000, 9000]) {
    it(`keeps every distinct hash with its first mask (${n} values)`, () => {
      const sampler = new DistinctSampler();
      const expected = feed(sampler, n, n);
      expect(sampler.approximate).toBe(false);
      expect(sampler.distinct()).toBe(expected.size);
      const state = sampler.state();
      const kept = new Map([...state.keys].map((k, i) => [k, state.masks[i]]));
      expect(kept).toEqual(expected);
      const perBit = Array.from({ length: 16 }, (_, b) => [...expected.values()].filter((m) => (m & (1 << b)) !== 0).length);
      expect(sampler.distinctPerBit(16)).toEqual(perBit);
    });
  }

  it('samples by hash once over its cap, and a merge of two parts equals one sampler over both', () => {
    const whole = new DistinctSampler(500);
    feed(whole, 4000, 1);
    feed(whole, 4000, 2);
    expect(whole.approximate).toBe(true);
    const first = new DistinctSampler(500);
    feed(first, 4000, 1);
    const second = first.successor();
    feed(second, 4000, 2);
    first.merge(second.state());
    expect(first.distinct()).toBe(whole.distinct());
    expect(first.distinctPerBit(16)).toEqual(whole.distinctPerBit(16));
    const sorted = (s: DistinctSampler) => [...s.state().keys].sort((a, b) => a - b);
    expect(sorted(first)).toEqual(sorted(whole));
  });
});

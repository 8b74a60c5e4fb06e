// SpanMemo (the memo of ColumnProfiler.addSpan) against a Map keyed by the cell's text: lookups,
// inserts and the stale flags must agree whatever the key lengths (in the record or in the pool),
// however the hashes collide, and across growth of the table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INLINE_UNITS, MISSING, SpanMemo } from '../../../src/values/span-memo.js';
import { rng } from './helpers.js';

interface Entry {
  mask: number;
  valueHash: number;
  date: number;
  stale: boolean;
}

/** Throws when a memo's answer differs from the Map's (plain checks: expect() per answer is slow here). */
function same(what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) throw new Error(`${what}: ${String(actual)}, expected ${String(expected)}`);
}

/** Drives a SpanMemo and a Map with the same operations and checks every answer. */
function drive(keys: readonly string[], limit: number, hashOf: (key: string) => number, epochs: readonly number[]): void {
  const memo = new SpanMemo(limit);
  const reference = new Map<string, Entry>();
  // Every key is a span of one text, between separators no key holds.
  const text = keys.join('\u0001');
  let at = 0;
  keys.forEach((key, i) => {
    if (epochs.includes(i)) {
      memo.newEpoch();
      for (const entry of reference.values()) entry.stale = true;
    }
    const start = at;
    const end = at + key.length;
    at = end + 1;
    const h = hashOf(key);
    const record = memo.lookup(text, start, end, h);
    const expected = reference.get(key);
    if (expected === undefined) {
      same(`lookup of new key ${key}`, record, MISSING);
      if (reference.size >= limit) return; // a full memo stores nothing more
      const entry = { mask: i % 7 === 0 ? -1 : i & 0xffff, valueHash: (i * 2654435761) | 0, date: i % 3 === 0 ? -1 : i, stale: false };
      memo.insert(text, start, end, h, entry.mask, entry.valueHash, entry.date);
      reference.set(key, entry);
      return;
    }
    same(`lookup of stored key ${key} found it`, record !== MISSING, true);
    same('mask', memo.mask(record), expected.mask);
    same('value hash', memo.valueHash(record), expected.valueHash);
    same('date', memo.date(record), expected.date);
    same('stale', memo.stale(record), expected.stale);
    if (expected.stale && i % 2 === 0) {
      memo.refresh(record);
      expected.stale = false;
      same('stale after refresh', memo.stale(record), false);
    }
  });
  expect(memo.full).toBe(reference.size >= limit);
}

function fnv(key: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h ^ key.length;
}

describe('SpanMemo', () => {
  it('agrees with a Map on keys around the inline length, with real and colliding hashes, across growth and epochs', () => {
    const r = rng(21);
    const alphabet = ['0', '1', '-', 'a', '東', '京', '\u3000', 'ー', '\uffff'];
    const distinct = Array.from({ length: 3000 }, () => {
      const n = 1 + Math.floor(r() * (2 * INLINE_UNITS + 4));
      let s = '';
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(r() * alphabet.length)];
      return s;
    });
    const keys = Array.from({ length: 20_000 }, () => distinct[Math.floor(r() * distinct.length)]);
    const hashes: ((key: string) => number)[] = [
      fnv,
      () => 42, // every key in one probe chain
      (key) => key.length, // keys of a length collide: the comparison decides
      (key) => fnv(key) & 0xf0000000, // the slot comes from the top bits: few slots, long chains
    ];
    for (const [k, hashOf] of hashes.entries()) {
      // A single probe chain costs a scan of it per lookup: fewer keys there.
      const some = k === 0 ? keys : keys.slice(0, 4000).map((key, i) => (i % 4 === 0 ? key : keys[i % 300]));
      for (const limit of [16_384, 1000, 1]) drive(some, limit, hashOf, [1500, 1501, 3000]);
    }
  });

  it('agrees with a Map on random keys and epochs', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', '1', '東', 'ｱ'), minLength: 1, maxLength: 2 * INLINE_UNITS });
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 4 }), fc.constantFrom(4, 64, 16_384), fc.boolean(), (keys, epochs, limit, collide) => {
        drive(keys, limit, collide ? (k) => k.length & 3 : fnv, epochs);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('is dropped after a window of 8,192 lookups with too few hits, full or not', () => {
    const memo = new SpanMemo(16_384);
    const verdicts: boolean[] = [];
    for (let i = 0; i < 8192; i++) verdicts.push(memo.worthKeeping(false));
    expect(memo.full).toBe(false);
    expect(verdicts.slice(0, 8191).every((v) => v)).toBe(true);
    expect(verdicts[8191]).toBe(false);
    // One hit in eight keeps it, window after window.
    for (let w = 0; w < 3; w++) for (let i = 0; i < 8192; i++) expect(memo.worthKeeping(i % 8 === 0)).toBe(true);
  });
});

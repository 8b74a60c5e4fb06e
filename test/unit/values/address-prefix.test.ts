// prefectureLength finds a prefecture by its first character and startsWith (address.ts); it must
// say what the slices of three and four characters looked up in a set of the names said.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAddress, prefectureLength, PREFECTURES } from '../../../src/values/address.js';

const NAMES = new Set(PREFECTURES);

function reference(v: string, from: number): number {
  if (NAMES.has(v.slice(from, from + 3))) return 3;
  if (NAMES.has(v.slice(from, from + 4))) return 4;
  return 0;
}

describe('prefectureLength', () => {
  it('equals the slice-and-set lookup on text made of prefecture names, their parts and other characters', () => {
    const piece = fc.oneof(
      fc.constantFrom(...PREFECTURES),
      fc.tuple(fc.constantFrom(...PREFECTURES), fc.nat(4), fc.nat(4)).map(([p, a, b]) => p.slice(Math.min(a, b), Math.max(a, b))),
      fc.constantFrom('県', '都', '府', '道', '市', '区', '京', '神', '東', '1', ' ', '〒'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }).map((a) => a.join('')), fc.nat(8), (v, at) => {
        const from = Math.min(at, v.length);
        expect(prefectureLength(v, from)).toBe(reference(v, from));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds every prefecture, alone and before an address', () => {
    for (const p of PREFECTURES) {
      expect(prefectureLength(p)).toBe(p.length);
      expect(prefectureLength(`〒100-0001 ${p}千代田区1-1`, 10)).toBe(p.length);
      expect(isAddress(`${p}千代田区1-1`)).toBe(true);
    }
  });
});

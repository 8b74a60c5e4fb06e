// Bounded distinct counting. Each distinct value is remembered only as a 32-bit hash together with
// the set of detectors it matched (a bit mask), never as the value. When more than `cap` hashes
// would be kept, the sampler switches to adaptive sampling (Wegman; Flajolet 1990): it keeps only
// hashes whose low `level` bits are zero and scales counts by 2^level. Pass rates over distinct
// values then come from an unbiased hash sample, so the My Number rule still works on 1 GB files.

/** FNV-1a over UTF-16 code units, then the murmur3 finaliser so low bits are well mixed. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  // Long free-text cells: hash the head and the length; a collision merely merges two cells.
  const n = s.length > 256 ? 256 : s.length;
  for (let i = 0; i < n; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= s.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const DEFAULT_DISTINCT_CAP = 10_000;

export class DistinctSampler {
  private level = 0;
  private readonly masks = new Map<number, number>();

  constructor(private readonly cap: number = DEFAULT_DISTINCT_CAP) {}

  /** Record a value by its hash and the detector bits it matched. Returns true if newly kept. */
  add(hash: number, mask: number): boolean {
    if (this.level > 0 && (hash & ((1 << this.level) - 1)) !== 0) return false;
    if (this.masks.has(hash)) return false;
    this.masks.set(hash, mask);
    while (this.masks.size > this.cap) this.raiseLevel();
    return true;
  }

  private raiseLevel(): void {
    const bit = 1 << this.level;
    this.level++;
    for (const h of this.masks.keys()) if ((h & bit) !== 0) this.masks.delete(h);
  }

  /** True once counts are estimates rather than exact. */
  get approximate(): boolean {
    return this.level > 0;
  }

  /** Estimated number of distinct values. */
  distinct(): number {
    return this.masks.size * 2 ** this.level;
  }

  /** Estimated distinct values per detector bit, for bits 0..nbits-1. */
  distinctPerBit(nbits: number): number[] {
    const counts = new Array<number>(nbits).fill(0);
    for (const m of this.masks.values()) {
      if (m === 0) continue;
      for (let b = 0; b < nbits; b++) if ((m & (1 << b)) !== 0) counts[b]++;
    }
    const scale = 2 ** this.level;
    return counts.map((c) => c * scale);
  }
}

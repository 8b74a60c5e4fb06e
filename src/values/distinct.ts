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
  return finishHash(h ^ s.length);
}

/**
 * hash32's last step (the murmur3 finaliser), for a caller that ran its FNV-1a loop itself: for a
 * string of at most 256 code units, hash32(s) === finishHash(fnv ^ s.length).
 */
export function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const DEFAULT_DISTINCT_CAP = 10_000;

/** What a DistinctSampler holds: its level and the kept hashes with their masks. */
export interface SamplerState {
  level: number;
  keys: Uint32Array;
  masks: Int32Array;
}

/**
 * The kept hashes live in an open-addressing table of typed arrays rather than a Map: a lookup is a
 * multiply and an array read (a Map of numbers cost ~100 ns a cell in `--all-rows`, the largest
 * single item). The table starts small and doubles, so a narrow file's many columns stay cheap.
 * Semantics are exactly the Map's: the first mask seen for a hash is kept; the order of entries is
 * never observable (only counts are read).
 */
/**
 * Fibonacci hashing, top bits: once sampling starts the low bits of every kept hash are zero, so
 * the slot must not come from them.
 */
function slotOf(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}

export class DistinctSampler {
  private level = 0;
  private size = 0;
  /** Slot i holds keys[i] (the hash) and masks[i] when used[i] is 1. Length: a power of two. */
  private keys = new Uint32Array(16);
  private masks = new Int32Array(16);
  private used = new Uint8Array(16);
  /** 32 − log2(table length): the slot is the top bits of a multiplicative hash. */
  private shift = 28;

  /**
   * @param level start filtering at this level already: only for a sampler of a later part of values
   *   whose earlier parts' samplers reached it (see successor()).
   */
  constructor(
    private readonly cap: number = DEFAULT_DISTINCT_CAP,
    level = 0,
    length = 16,
  ) {
    if (level > 0 || length !== 16) {
      this.level = level;
      this.keys = new Uint32Array(length);
      this.masks = new Int32Array(length);
      this.used = new Uint8Array(length);
      this.shift = 32 - Math.log2(length);
    }
  }

  /**
   * An empty sampler for the values that follow, to be merged back (merge()): it starts at this
   * one's level and table size, which a fresh one would climb to again (each step a rebuild).
   * Starting at the level is exact for the merge: this sampler (or a predecessor) only got there
   * because the values it saw hold more than `cap` distinct hashes at each lower level, so the level
   * of all the values merged is at least this one, and a hash this level drops is dropped there too.
   * That needs every value any predecessor saw to be among the values merged in the end: a byte range
   * whose counts are thrown away (it failed, parallel/ranges.ts) is read again in file order.
   */
  successor(): DistinctSampler {
    return new DistinctSampler(this.cap, this.level, this.keys.length);
  }

  /**
   * Starts filtering at `level` at least. Exact for a merge under the same condition as successor():
   * the level a sampler reaches is the lowest that keeps at most `cap` hashes of what it was fed, so
   * it only grows with more values, and the level any part of the values reached (another thread's
   * range) is at most that of all of them together; a hash dropped here is dropped there too.
   * A part that starts at the level its siblings reached keeps a few hashes instead of `cap`.
   */
  raiseTo(level: number): void {
    if (this.size === 0) this.level = Math.max(this.level, level);
    else while (this.level < level) this.raiseLevel();
  }

  /** The level reached: kept hashes have this many low bits zero. */
  get filterLevel(): number {
    return this.level;
  }

  /** Record a value by its hash and the detector bits it matched. Returns true if newly kept. */
  add(hash: number, mask: number): boolean {
    if (this.level > 0 && (hash & ((1 << this.level) - 1)) !== 0) return false;
    const slots = this.keys.length - 1;
    let i = slotOf(hash, this.shift);
    while (this.used[i] === 1) {
      if (this.keys[i] === hash >>> 0) return false;
      i = (i + 1) & slots;
    }
    this.used[i] = 1;
    this.keys[i] = hash;
    this.masks[i] = mask;
    this.size++;
    if (this.size * 2 > this.keys.length) this.rebuild(this.keys.length * 2);
    while (this.size > this.cap) this.raiseLevel();
    return true;
  }

  private raiseLevel(): void {
    this.level++;
    this.rebuild(this.keys.length);
  }

  /** Re-inserts the entries that pass the current level into a table of `length` slots. */
  private rebuild(length: number): void {
    const { keys, masks, used } = this;
    this.keys = new Uint32Array(length);
    this.masks = new Int32Array(length);
    this.used = new Uint8Array(length);
    this.size = 0;
    this.shift = 32 - Math.log2(length);
    const low = (1 << this.level) - 1;
    const slots = length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (used[j] === 0 || (keys[j] & low) !== 0) continue;
      let i = slotOf(keys[j], this.shift);
      while (this.used[i] === 1) i = (i + 1) & slots;
      this.used[i] = 1;
      this.keys[i] = keys[j];
      this.masks[i] = masks[j];
      this.size++;
    }
  }

  /** The kept hashes and their masks (plain data, to cross threads). */
  state(): SamplerState {
    const keys = new Uint32Array(this.size);
    const masks = new Int32Array(this.size);
    let k = 0;
    for (let j = 0; j < this.used.length; j++) {
      if (this.used[j] === 0) continue;
      keys[k] = this.keys[j];
      masks[k++] = this.masks[j];
    }
    return { level: this.level, keys, masks };
  }

  /**
   * Takes in the sampler of a later part of the same values: afterwards this holds exactly what one
   * sampler fed both parts in order would. Why: a sampler fed any sequence keeps every distinct hash
   * whose low `level` bits are zero, with the mask of its first occurrence, at the lowest level that
   * keeps at most `cap` of them (levels only rise, and only past one that held too many). Each part
   * kept all of its hashes at its own level, and the merged level is at least both, so adding the
   * later part's hashes after raising this one to its level (add() keeps an existing hash's mask and
   * raises the level while over the cap) reaches that same set.
   */
  merge(later: SamplerState): void {
    while (this.level < later.level) this.raiseLevel();
    for (let i = 0; i < later.keys.length; i++) this.add(later.keys[i], later.masks[i]);
  }

  /** True once counts are estimates rather than exact. */
  get approximate(): boolean {
    return this.level > 0;
  }

  /** Estimated number of distinct values. */
  distinct(): number {
    return this.size * 2 ** this.level;
  }

  /** Estimated distinct values per detector bit, for bits 0..nbits-1. */
  distinctPerBit(nbits: number): number[] {
    const counts = new Array<number>(nbits).fill(0);
    for (let j = 0; j < this.keys.length; j++) {
      const m = this.masks[j];
      if (this.used[j] === 0 || m === 0) continue;
      for (let b = 0; b < nbits; b++) if ((m & (1 << b)) !== 0) counts[b]++;
    }
    const scale = 2 ** this.level;
    return counts.map((c) => c * scale);
  }
}

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

/**
 * `n` zeros in a packed array of small integers. `new Array(n).fill(0)` is a holey array, which
 * JSON.stringify writes at about half the speed (a worker sends every column's counts as JSON).
 */
export function zeros(n: number): number[] {
  return Array.from({ length: n }, () => 0);
}

/** What a DistinctSampler holds: its level and the kept hashes with their masks. */
export interface SamplerState {
  level: number;
  keys: Uint32Array;
  masks: Int32Array;
}

/**
 * The kept hashes live in an open-addressing table rather than a Map: a lookup is a multiply and an
 * array read (a Map of numbers cost ~100 ns a cell in `--all-rows`, the largest single item). A
 * slot is two int32s, the hash beside its mask. The table starts small and doubles, so a narrow
 * file's many columns stay cheap. Semantics are exactly the Map's: the first mask seen for a hash is
 * kept; the order of entries is never observable (only counts are read).
 */
/**
 * Fibonacci hashing, top bits: once sampling starts the low bits of every kept hash are zero, so
 * the slot must not come from them.
 */
function slotOf(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}

/** A free slot's mask (detector masks are sets of low bits, never -1). */
const EMPTY = -1;

/**
 * Tables up to this many slots are plain arrays, larger ones an Int32Array. A typed array over 64
 * bytes is allocated outside the JS heap, which is dear for the small tables of sampled columns (a
 * small file's column rebuilt two or three as it grew: 1.5 µs a column, against 0.35 µs with plain
 * arrays); a plain array takes 8 bytes an element instead of 4, which for the 32,768-slot tables of
 * an --all-rows column came to +20 MB of peak RSS on one thread (+65 MB on two). bench/README.md,
 * "Seventh session".
 */
const PLAIN_SLOTS = 1024;

type Table = number[] | Int32Array;

/** A table of `slots` free slots (2 * slots int32s), a plain array written in order (a fast one) when small. */
function emptyTable(slots: number): Table {
  const table = slots <= PLAIN_SLOTS ? new Array<number>(2 * slots) : new Int32Array(2 * slots);
  for (let i = 0; i < table.length; i += 2) {
    table[i] = 0;
    table[i + 1] = EMPTY;
  }
  return table;
}

export class DistinctSampler {
  private level = 0;
  private size = 0;
  /** Slot i: table[2i] the hash as int32, table[2i + 1] its mask (EMPTY: free). Slots: a power of two. */
  private table: Table;
  /** 32 − log2(slots): the slot is the top bits of a multiplicative hash. */
  private shift: number;

  /**
   * @param level start filtering at this level already: only for a sampler of a later part of values
   *   whose earlier parts' samplers reached it (see successor()).
   * @param slots the table's starting size, a power of two.
   */
  constructor(
    private readonly cap: number = DEFAULT_DISTINCT_CAP,
    level = 0,
    slots = 16,
  ) {
    this.level = level;
    this.table = emptyTable(slots);
    this.shift = 32 - Math.log2(slots);
  }

  private get slots(): number {
    return this.table.length >> 1;
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
    return new DistinctSampler(this.cap, this.level, this.slots);
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
    const table = this.table;
    const last = (table.length >> 1) - 1;
    const key = hash | 0;
    let i = slotOf(hash, this.shift);
    while (table[2 * i + 1] !== EMPTY) {
      if (table[2 * i] === key) return false;
      i = (i + 1) & last;
    }
    table[2 * i] = key;
    table[2 * i + 1] = mask;
    this.size++;
    if (this.size * 2 > last + 1) this.rebuild(2 * (last + 1));
    while (this.size > this.cap) this.raiseLevel();
    return true;
  }

  private raiseLevel(): void {
    this.level++;
    this.rebuild(this.slots);
  }

  /** Re-inserts the entries that pass the current level into a table of `slots` slots. */
  private rebuild(slots: number): void {
    const old = this.table;
    const table = emptyTable(slots);
    this.table = table;
    this.size = 0;
    this.shift = 32 - Math.log2(slots);
    const low = (1 << this.level) - 1;
    const last = slots - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === EMPTY || (old[j] & low) !== 0) continue;
      let i = slotOf(old[j], this.shift);
      while (table[2 * i + 1] !== EMPTY) i = (i + 1) & last;
      table[2 * i] = old[j];
      table[2 * i + 1] = old[j + 1];
      this.size++;
    }
  }

  /** The kept hashes and their masks (plain data, to cross threads). */
  state(): SamplerState {
    const keys = new Uint32Array(this.size);
    const masks = new Int32Array(this.size);
    const table = this.table;
    let k = 0;
    for (let j = 0; j < table.length; j += 2) {
      if (table[j + 1] === EMPTY) continue;
      keys[k] = table[j] >>> 0;
      masks[k++] = table[j + 1];
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
    const counts = zeros(nbits);
    const table = this.table;
    for (let j = 1; j < table.length; j += 2) {
      // Only the set bits of each mask (most are 0 or a single bit).
      for (let m = table[j] === EMPTY ? 0 : table[j]; m !== 0; m &= m - 1) {
        const b = 31 - Math.clz32(m & -m);
        if (b < nbits) counts[b]++;
      }
    }
    if (this.level === 0) return counts; // exact: no scaling, which would make doubles of them
    const scale = 2 ** this.level;
    return counts.map((c) => c * scale);
  }
}

// The memo of ColumnProfiler.addSpan: a cell's detector bits keyed by its exact text (see
// profiler.ts for why serving repeats from it is exact). Open addressing over a hash of the text.
//
// Layout: what a lookup reads lives in one record of RECORD int32s per slot — the key's hash, its
// length, a stale flag, the detector bits and the key's code units themselves when they fit
// (INLINE_UNITS; dates, names, codes and amounts do). A hit then touches one 32-byte record, where
// the earlier layout (one typed array per field plus a pool of key characters) touched six arrays:
// with a column of ~10,000 distinct dates each was a cache miss, and they were most of the memo's
// cost in a CPU profile of `--all-rows` (bench/README.md, "Cheaper cells"). Longer keys keep their
// code units in a pool, the record holding the offset. No string of the file is kept alive.
//
// Each entry also keeps what a profiler needs to count the cell as a first occurrence without
// detecting it again — the hash of its prepared value and its date — in cold arrays read only then.
// A profiler whose counts are handed off (ColumnProfiler.split, one byte range after another) keeps
// its memo warm and marks every entry stale (newEpoch): a stale entry's cell is a first occurrence
// for the new state, added to its distinct sampler and date range once (refresh).

/** lookup() found nothing. */
export const MISSING = -1;

/**
 * Lookups per window, and the hits a window needs for the memo to stay. Counted from the first
 * lookup, not only once full: a column of unique values then drops its memo after 8,192 cells, before
 * its table doubles to 32,768 records (1 MB), which it used to fill and then drop (+8 MB of peak RSS
 * over the 20-column bench file once records grew to 32 bytes; bench/README.md, "Cheaper cells").
 */
const WINDOW = 8192;
const MIN_HITS = WINDOW / 8;

/** Int32s per record: 32 bytes, so a record never spans two cache lines once the table is 32-byte aligned. */
const RECORD = 8;
const LOG_RECORD = 3;
// Record fields.
const HASH = 0;
/** Key length in the low bits (0: empty slot; empty cells never reach the memo), STALE above. */
const META = 1;
const MASK = 2;
/** The key's code units from here to the end of the record, or the key's offset in the pool. */
const KEY = 3;
const LENGTH_BITS = 0xffff;
const STALE = 1 << 16;
/** Keys up to this many code units live in their record. */
export const INLINE_UNITS = (RECORD - KEY) * 2;

export class SpanMemo {
  private size = 0;
  private shift = 32;
  private records = new Int32Array(0);
  /** The same buffer as 16-bit units: an inline key starts at unit 2 * (record + KEY). */
  private units = new Uint16Array(0);
  /** Per slot, cold: hash32 of the prepared value, date ordinal (-1: none). */
  private valueHashes = new Int32Array(0);
  private dates = new Int32Array(0);
  /** Code units of keys longer than INLINE_UNITS. */
  private pool = new Uint16Array(0);
  private used = 0;
  /** Where the last unsuccessful lookup stopped: the record insert() fills. */
  private at = 0;
  private lookups = 0;
  private hits = 0;

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.size >= this.limit;
  }

  /** The record of text[start, end), whose hash is h; MISSING when it is not stored. */
  lookup(text: string, start: number, end: number, h: number): number {
    if (!this.full && this.size * 2 * RECORD >= this.records.length) this.grow();
    const n = end - start;
    const { records } = this;
    const last = records.length - RECORD;
    let at = (Math.imul(h, 0x9e3779b1) >>> this.shift) << LOG_RECORD;
    for (let meta = records[at + META]; meta !== 0; meta = records[(at = at === last ? 0 : at + RECORD) + META]) {
      if (records[at + HASH] !== h || (meta & LENGTH_BITS) !== n) continue;
      if (n <= INLINE_UNITS ? this.inlineEquals(at, text, start, n) : this.pooledEquals(records[at + KEY], text, start, n)) return at;
    }
    this.at = at;
    return MISSING;
  }

  private inlineEquals(at: number, text: string, start: number, n: number): boolean {
    const units = this.units;
    const base = 2 * (at + KEY);
    let k = 0;
    while (k < n && units[base + k] === text.charCodeAt(start + k)) k++;
    return k === n;
  }

  private pooledEquals(off: number, text: string, start: number, n: number): boolean {
    const pool = this.pool;
    let k = 0;
    while (k < n && pool[off + k] === text.charCodeAt(start + k)) k++;
    return k === n;
  }

  /** The detector bits of a record (-1: the cell prepares to empty). */
  mask(at: number): number {
    return this.records[at + MASK];
  }

  /** True when the record's cell has not been counted as a first occurrence since newEpoch(). */
  stale(at: number): boolean {
    return (this.records[at + META] & STALE) !== 0;
  }

  /** Clears the stale flag; the caller counts the cell as a first occurrence. */
  refresh(at: number): void {
    this.records[at + META] &= ~STALE;
  }

  /** hash32 of the record's prepared value. */
  valueHash(at: number): number {
    return this.valueHashes[at >> LOG_RECORD];
  }

  /** The record's date ordinal, -1 when the cell is not a date. */
  date(at: number): number {
    return this.dates[at >> LOG_RECORD];
  }

  /** Marks every entry stale: the profiler's counts were handed off (ColumnProfiler.split). */
  newEpoch(): void {
    const { records } = this;
    for (let at = 0; at < records.length; at += RECORD) if (records[at + META] !== 0) records[at + META] |= STALE;
  }

  /** Stores text[start, end) right after lookup() returned MISSING for it, unless full. */
  insert(text: string, start: number, end: number, h: number, mask: number, valueHash: number, date: number): void {
    if (this.full) return;
    const n = end - start;
    const at = this.at;
    const { records } = this;
    records[at + HASH] = h;
    records[at + META] = n;
    records[at + MASK] = mask;
    if (n <= INLINE_UNITS) {
      const units = this.units;
      const base = 2 * (at + KEY);
      for (let k = 0; k < n; k++) units[base + k] = text.charCodeAt(start + k);
    } else {
      if (this.used + n > this.pool.length) {
        const pool = new Uint16Array(Math.max(1024, 2 * (this.used + n)));
        pool.set(this.pool.subarray(0, this.used));
        this.pool = pool;
      }
      for (let k = 0; k < n; k++) this.pool[this.used + k] = text.charCodeAt(start + k);
      records[at + KEY] = this.used;
      this.used += n;
    }
    this.valueHashes[at >> LOG_RECORD] = valueHash;
    this.dates[at >> LOG_RECORD] = date;
    this.size++;
  }

  /**
   * Counts a lookup; false when the memo should be dropped: fewer than one lookup in WINDOW / MIN_HITS
   * served over the last window (a column whose values rarely repeat).
   */
  worthKeeping(hit: boolean): boolean {
    this.lookups++;
    if (hit) this.hits++;
    if (this.lookups < WINDOW) return true;
    const keep = this.hits >= MIN_HITS;
    this.lookups = this.hits = 0;
    return keep;
  }

  /** Doubles the table (at least 64 slots), moving every record whole. */
  private grow(): void {
    const { records, valueHashes, dates } = this;
    const slots = Math.max(64, 2 * (records.length >> LOG_RECORD));
    this.records = new Int32Array(slots * RECORD);
    this.units = new Uint16Array(this.records.buffer);
    this.valueHashes = new Int32Array(slots);
    this.dates = new Int32Array(slots);
    this.shift = 32 - Math.log2(slots);
    const last = this.records.length - RECORD;
    for (let from = 0; from < records.length; from += RECORD) {
      if (records[from + META] === 0) continue;
      let at = (Math.imul(records[from + HASH], 0x9e3779b1) >>> this.shift) << LOG_RECORD;
      while (this.records[at + META] !== 0) at = at === last ? 0 : at + RECORD;
      // Field by field: a subarray per record made the memo's growth a visible cost in a CPU profile.
      for (let k = 0; k < RECORD; k++) this.records[at + k] = records[from + k];
      this.valueHashes[at >> LOG_RECORD] = valueHashes[from >> LOG_RECORD];
      this.dates[at >> LOG_RECORD] = dates[from >> LOG_RECORD];
    }
  }
}

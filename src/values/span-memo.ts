// The memo of ColumnProfiler.addSpan: a cell's detector bits keyed by its exact text (see
// profiler.ts for why serving repeats from it is exact). Open addressing over a hash of the text;
// the keys' code units live in one typed array, so a lookup touches a few typed arrays and no
// string objects (a table of key strings cost a pointer chase and a cache miss per cell), and no
// string of the file is kept alive by the memo.
//
// Each entry also keeps what a profiler needs to count the cell as a first occurrence without
// detecting it again — the hash of its prepared value and its date — and the epoch of the profiler
// state that last counted it as such: a profiler whose counts are handed off (ColumnProfiler.split,
// one byte range after another) keeps its memo warm, and a cell first seen in an earlier epoch is
// added to the new state's distinct sampler and date range once.

/** lookup() found nothing. */
export const MISSING = -1;

/** Once full: lookups per window, and the hits a window needs for the memo to stay. */
const WINDOW = 8192;
const MIN_HITS = WINDOW / 8;

export class SpanMemo {
  private size = 0;
  private shift = 32;
  private hashes = new Int32Array(0);
  /** Key length per slot; 0 marks an empty slot (empty cells never reach the memo). */
  private lengths = new Int32Array(0);
  private offsets = new Int32Array(0);
  /** Per slot: the detector bits (-1: the cell prepares to empty), hash32 of the prepared value, date ordinal (-1: none), epoch. */
  masks = new Int32Array(0);
  valueHashes = new Int32Array(0);
  dates = new Int32Array(0);
  epochs = new Int32Array(0);
  private chars = new Uint16Array(0);
  private used = 0;
  /** Where the last unsuccessful lookup stopped: the slot insert() fills. */
  private slot = 0;
  private lookups = 0;
  private hits = 0;

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.size >= this.limit;
  }

  /** The slot of text[start, end), whose hash is h; MISSING when it is not stored. */
  lookup(text: string, start: number, end: number, h: number): number {
    if (!this.full && this.size * 2 >= this.lengths.length) this.grow();
    const n = end - start;
    const { hashes, lengths, offsets, chars } = this;
    const slots = lengths.length - 1;
    let slot = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (let len = lengths[slot]; len !== 0; len = lengths[(slot = (slot + 1) & slots)]) {
      if (hashes[slot] !== h || len !== n) continue;
      const off = offsets[slot];
      let k = 0;
      while (k < n && chars[off + k] === text.charCodeAt(start + k)) k++;
      if (k === n) return slot;
    }
    this.slot = slot;
    return MISSING;
  }

  /** Stores text[start, end) right after lookup() returned MISSING for it, unless full. */
  insert(text: string, start: number, end: number, h: number, mask: number, valueHash: number, date: number, epoch: number): void {
    if (this.full) return;
    const n = end - start;
    if (this.used + n > this.chars.length) {
      const chars = new Uint16Array(Math.max(1024, 2 * (this.used + n)));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    for (let k = 0; k < n; k++) this.chars[this.used + k] = text.charCodeAt(start + k);
    const slot = this.slot;
    this.hashes[slot] = h;
    this.lengths[slot] = n;
    this.offsets[slot] = this.used;
    this.masks[slot] = mask;
    this.valueHashes[slot] = valueHash;
    this.dates[slot] = date;
    this.epochs[slot] = epoch;
    this.used += n;
    this.size++;
  }

  /**
   * Counts a lookup of a full memo; false when the memo should be dropped: fewer than one lookup in
   * WINDOW / MIN_HITS served over the last window (a column whose values rarely repeat).
   */
  worthKeeping(hit: boolean): boolean {
    this.lookups++;
    if (hit) this.hits++;
    if (this.lookups < WINDOW) return true;
    const keep = this.hits >= MIN_HITS;
    this.lookups = this.hits = 0;
    return keep;
  }

  private grow(): void {
    const { hashes, lengths, offsets, masks, valueHashes, dates, epochs } = this;
    const length = Math.max(64, lengths.length * 2);
    this.hashes = new Int32Array(length);
    this.lengths = new Int32Array(length);
    this.offsets = new Int32Array(length);
    this.masks = new Int32Array(length);
    this.valueHashes = new Int32Array(length);
    this.dates = new Int32Array(length);
    this.epochs = new Int32Array(length);
    this.shift = 32 - Math.log2(length);
    for (let j = 0; j < lengths.length; j++) {
      if (lengths[j] === 0) continue;
      let slot = Math.imul(hashes[j], 0x9e3779b1) >>> this.shift;
      while (this.lengths[slot] !== 0) slot = (slot + 1) & (length - 1);
      this.hashes[slot] = hashes[j];
      this.lengths[slot] = lengths[j];
      this.offsets[slot] = offsets[j];
      this.masks[slot] = masks[j];
      this.valueHashes[slot] = valueHashes[j];
      this.dates[slot] = dates[j];
      this.epochs[slot] = epochs[j];
    }
  }
}

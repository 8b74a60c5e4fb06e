// --all-rows over one large delimited file on several cores: past its first range, the file is cut
// into byte ranges at line starts; worker threads (and the main thread, once it has read the first
// range through the table's own stream) each read, split and profile whole ranges, and what they
// counted is merged in file order. The evidence is the same as one thread's, bit for bit:
// - a range is read only where the whole-file stream would split every line itself, and the first
//   range that is not (a quote, a stray carriage return, an invalid byte…) is read again on this
//   thread in file order with csv-parse, from its start to the end of the file (read/byte-ranges.ts);
// - profilers merge exactly (ColumnProfiler.merge, DistinctSampler.merge), row checks add with
//   line numbers shifted by the lines before each range;
// - if the table's own stream hands over to csv-parse before the first cut, the ranges are dropped
//   and the whole file is read as before.
// Unlike the column helper (columns.ts) no batch is copied between threads: each thread reads the
// file itself. Measured in bench/README.md.
import { Worker } from 'node:worker_threads';
import { lineStartAfter, type ByteRanges } from '../read/byte-ranges.js';
import { RowChecks, type RowCheckCounts } from '../read/row-checks.js';
import { ColumnProfiler, type ProfilerState } from '../values/profiler.js';
import { profileRange, type RangeProfile, type RangeProfileOptions } from './range-profile.js';
import type { FromRangeWorker, RangeWorkerData, ToRangeWorker } from './range-worker.js';
import { compiledModule } from '../paths.js';

export interface RangeThreads {
  /** Worker threads that take ranges (0: this thread reads them all after the first; tests). */
  threads: number;
  /** Files smaller than this are read in one piece. */
  minBytes: number;
  /** Bytes per range: the first (this thread's own stream) and each after it (the least, when guided). */
  rangeBytes: number;
  /**
   * Guided: each range is a share of what is left after it (1 / (2 × threads reading)), down to
   * rangeBytes, so a large file is read in a few large ranges and ends in small ones.
   */
  guided?: boolean;
}

/**
 * Below 16 MiB a worker's start (~0.1–0.3 s here) eats most of the gain. Guided ranges of at least
 * 8 MiB: the last ones small enough that the threads finish close together on a machine whose cores
 * other work also uses, and the first ones large, because each range has a fixed cost (a stream, and
 * every repeated cell of the memo counted again as a first occurrence for its state): in 8 MiB ranges
 * that was ~13 % of the CPU of a 300 MB file on one thread (bench/README.md).
 */
export const RANGE_DEFAULTS = { minBytes: 16 << 20, rangeBytes: 8 << 20, guided: true } as const;

/**
 * Where ranges should start (each is moved on to the next line start): past what the table's own
 * stream has read (`read`), the last range at least half a range long.
 */
export function rangeOffsets(size: number, read: number, threads: RangeThreads): number[] {
  const offsets: number[] = [];
  const readers = threads.threads + 1;
  for (let at = Math.max(threads.rangeBytes, read); at + threads.rangeBytes / 2 < size; ) {
    offsets.push(at);
    at += threads.guided ? Math.max(threads.rangeBytes, Math.floor((size - at) / (2 * readers))) : threads.rangeBytes;
  }
  return offsets;
}

interface Range {
  index: number;
  start: number;
  end: number | undefined;
}

const FAILED = 'failed' as const;

export class RangeSplit {
  private readonly ranges: Range[];
  /** Per range: its profile, FAILED, or undefined while unread. Dropped once merged. */
  private readonly results: (RangeProfile | typeof FAILED | undefined)[];
  private readonly returned: Range[] = [];
  private claimed = 0;
  /** Ranges merged so far (in file order), and the first one that failed, if known. */
  private merged = 0;
  private failedAt = Number.POSITIVE_INFINITY;
  private readonly acc: ColumnProfiler[];
  private readonly accChecks = new RowChecks();
  private accRows = 0;
  /** Lines of the merged ranges (after the first cut). */
  private accLines = 0;
  private workers: { worker: Worker; range: Range | undefined }[] = [];
  private wake: (() => void) | undefined;
  private outcome: 'pending' | 'reached' | 'abandoned' = 'pending';

  /**
   * Per column, the highest distinct-sampler level reached so far by any range or by the ranges
   * merged: each range read after starts there, keeping (and sending back, and merging) a few hashes
   * instead of up to the cap, as one thread's sampler does once it has seen that many values.
   */
  private readonly levels: number[];

  /** What this thread's profilers counted over the first range (set when the stream reaches the cut). */
  private first: ProfilerState[] | undefined;

  private constructor(
    private readonly source: ByteRanges,
    cuts: number[],
    private readonly options: RangeProfileOptions,
    /** This thread's profilers: the first range's counts, then (split off) every range it reads itself. */
    private readonly profilers: ColumnProfiler[],
  ) {
    this.ranges = cuts.map((start, index) => ({ index, start, end: cuts[index + 1] }));
    this.results = this.ranges.map(() => undefined);
    this.acc = Array.from({ length: source.spec.width }, () => new ColumnProfiler({ memoEntries: 0, now: options.now }));
    this.levels = new Array<number>(source.spec.width).fill(0);
  }

  /** Cuts the file and starts the workers; undefined when the file is not worth cutting or cannot be. */
  static start(source: ByteRanges, threads: RangeThreads, options: RangeProfileOptions, profilers: ColumnProfiler[]): RangeSplit | undefined {
    const { size, path } = source.spec;
    if (size < threads.minBytes) return undefined;
    const cuts: number[] = [];
    try {
      for (const at of rangeOffsets(size, source.bytesRead(), threads)) {
        const cut = lineStartAfter(path, at);
        if (cut === undefined || cut >= size) break;
        if (cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
      }
    } catch {
      return undefined; // the file cannot be read at an offset: read it in one piece
    }
    if (cuts.length === 0) return undefined;
    const split = new RangeSplit(source, cuts, options, profilers);
    const hook = { reached: (lines: number) => split.reached(lines), abandoned: () => split.abandon() };
    if (!source.stopAt(cuts[0], hook)) return undefined;
    for (let t = 0; t < threads.threads; t++) split.startWorker();
    return split;
  }

  /**
   * After this thread's stream has ended: puts the first range's counts and the later ranges' back
   * into the profilers, in file order, and returns the later ranges' rows (0 if it read them itself).
   */
  finish(): number {
    this.stop();
    if (this.outcome !== 'reached' || !this.first) return 0;
    this.profilers.forEach((p, c) => {
      p.merge(this.first![c]);
      p.merge(this.acc[c].state());
    });
    return this.accRows;
  }

  stop(): void {
    for (const { worker } of this.workers) {
      worker.removeAllListeners();
      void worker.terminate();
    }
    this.workers = [];
  }

  private abandon(): void {
    this.outcome = 'abandoned';
    this.stop();
  }

  /**
   * The table's stream got to the first cut with every line before it split exactly (`lines` of
   * them). Reads the ranges the workers have not taken, waits for theirs, merges, and reads from the
   * first failed range on in file order. True: the stream ends here.
   */
  private async reached(lines: number): Promise<boolean> {
    this.outcome = 'reached';
    this.first = this.profilers.map((p) => p.split());
    this.noteLevels(this.first);
    try {
      for (;;) {
        const range = this.claim();
        if (range) {
          this.settle(range.index, await profileRange(this.source.spec, range.start, range.end, 0, true, this.profilers, this.levels));
          continue;
        }
        if (this.merged >= Math.min(this.ranges.length, this.failedAt)) break;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
      this.stop();
      this.source.absorb(shifted(this.accChecks.counts(), lines));
      if (this.merged < this.ranges.length) {
        // A range the splitter does not accept: from its start on, in file order (csv-parse included).
        const from = lines + this.accLines;
        const rest = await profileRange(this.source.spec, this.ranges[this.merged].start, undefined, from, false, this.profilers);
        this.mergeProfile(rest!);
        this.source.absorb(rest!.checks);
      }
      return true;
    } finally {
      this.stop();
    }
  }

  private noteLevels(states: readonly ProfilerState[]): void {
    states.forEach((state, c) => (this.levels[c] = Math.max(this.levels[c], state.sampler.level)));
  }

  private claim(): Range | undefined {
    const range = this.returned.shift() ?? (this.claimed < this.ranges.length ? this.ranges[this.claimed++] : undefined);
    // Nothing after a failed range is needed.
    return range && range.index < this.failedAt ? range : undefined;
  }

  /** Records a range's outcome and merges every range now complete in file order. */
  private settle(index: number, result: RangeProfile | undefined): void {
    this.results[index] = result ?? FAILED;
    if (result) this.noteLevels(result.states);
    if (!result && index < this.failedAt) this.failedAt = index;
    for (let next = this.results[this.merged]; next !== undefined && next !== FAILED; next = this.results[this.merged]) {
      this.results[this.merged++] = undefined;
      this.accChecks.absorb(shifted(next.checks, this.accLines));
      this.accLines += next.lines;
      this.mergeProfile(next);
    }
    this.wake?.();
    this.wake = undefined;
  }

  private mergeProfile(profile: RangeProfile): void {
    this.accRows += profile.rows;
    profile.states.forEach((state, c) => {
      this.acc[c].merge(state);
      this.levels[c] = Math.max(this.levels[c], this.acc[c].distinctLevel);
    });
  }

  private startWorker(): void {
    const data: RangeWorkerData = { spec: this.source.spec, memoEntries: this.options.memoEntries, now: this.options.now.getTime() };
    // A small young generation, as for the column helper: its chunks and cells are garbage at once.
    const worker = new Worker(workerUrl(), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    const slot = { worker, range: undefined as Range | undefined };
    const feed = () => {
      slot.range = this.outcome === 'abandoned' ? undefined : this.claim();
      if (slot.range) slot.worker.postMessage({ index: slot.range.index, start: slot.range.start, end: slot.range.end, levels: this.levels } satisfies ToRangeWorker);
    };
    slot.worker.on('message', (message: FromRangeWorker) => {
      slot.range = undefined;
      this.settle(message.index, message.result);
      feed();
    });
    // A worker that dies gives its range back to whoever claims next (this thread at the latest).
    const lost = () => {
      if (slot.range) this.returned.push(slot.range);
      slot.range = undefined;
      this.workers = this.workers.filter((w) => w !== slot);
      this.wake?.();
      this.wake = undefined;
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', lost);
    this.workers.push(slot);
    feed();
  }
}

/** Counts whose lines are relative to a range, made the file's. */
function shifted(counts: RowCheckCounts, lines: number): RowCheckCounts {
  const move = (c: { count: number; first: number }) => ({ count: c.count, first: c.count > 0 ? c.first + lines : 0 });
  return {
    longer: move(counts.longer),
    shorter: move(counts.shorter),
    ...(counts.unclosedQuoteLine ? { unclosedQuoteLine: counts.unclosedQuoteLine + lines } : {}),
  };
}

function workerUrl(): URL {
  return compiledModule('parallel/range-worker');
}

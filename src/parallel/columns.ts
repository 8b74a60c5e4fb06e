// Value profiling of one table's cell batches (--all-rows CSV), with a second thread when there is a
// core for it: a helper worker profiles every other column while this thread reads, splits and
// profiles the rest. Each column's profiler still sees exactly its cells in file order — a column
// lives in one thread from its first cell to its last — so the evidence is the same as on one
// thread, with no merging. A one-file scan otherwise leaves the second core idle (the file pool of
// --jobs needs several files); measured in bench/README.md.
import { Worker } from 'node:worker_threads';
import type { CellBatch } from '../read/cell-batch.js';
import { ColumnProfiler, type ValueTally } from '../values/profiler.js';
import type { FromColumnWorker, ToColumnWorker } from './column-worker.js';
import { profile } from './profile-batch.js';
import { RangeSplit, type RangeThreads } from './ranges.js';
import type { ByteRanges } from '../read/byte-ranges.js';
import { compiledModule } from '../paths.js';

export { profile };

export interface ColumnThreads {
  /** Helper threads allowed (0: profile on this thread only). One is used at most. */
  threads: number;
  /**
   * Batches profiled before the helper starts: a small table never pays for a worker (~50 ms to
   * start). Until then the helper's batches are kept (memory bounded by this count).
   */
  after: number;
}

/** Batches (64 KiB of text each) before a helper is worth starting: 2 MiB. */
export const HELPER_AFTER_BATCHES = 32;

/** Batches posted to the helper and not yet profiled there, before this thread waits for it. */
const IN_FLIGHT = 8;

export interface ColumnProfiles {
  rows: number;
  /** The tally of every column (the helper's from the helper, which is then stopped). */
  tallies(): Promise<ValueTally[]>;
}

/**
 * Profiles `columns` columns of the batches; each row's cells beyond `columns` are ignored. With
 * `ranges`, a large file's later byte ranges are profiled by other threads as well (ranges.ts); the
 * column helper is then not used.
 */
export async function profileCellBatches(
  batches: AsyncIterable<CellBatch>,
  columns: number,
  options: { memoEntries: number; now: Date; threads?: ColumnThreads; ranges?: { source: ByteRanges; threads: RangeThreads } },
): Promise<ColumnProfiles> {
  const profilers = Array.from({ length: columns }, () => new ColumnProfiler({ memoEntries: options.memoEntries, now: options.now }));
  const split =
    options.ranges && options.ranges.source.spec.width === columns
      ? RangeSplit.start(options.ranges.source, options.ranges.threads, { memoEntries: options.memoEntries, now: options.now }, profilers)
      : undefined;
  const useHelper = !split && (options.threads?.threads ?? 0) > 0 && columns >= 2;
  // The helper's columns: every other one, so the costly shapes spread over both threads.
  const mine = Array.from({ length: columns }, (_, c) => !useHelper || c % 2 === 0);
  const theirs = mine.flatMap((m, c) => (m ? [] : [c]));
  const held: CellBatch[] = [];
  let helper: Helper | undefined;
  let rows = 0;
  try {
    for await (const batch of batches) {
      profile(batch, profilers, mine);
      rows += batch.rows;
      if (!useHelper) continue;
      if (helper) await helper.post(batch);
      else if (held.length + 1 < options.threads!.after) held.push(batch);
      else {
        helper = new Helper(theirs, columns, options);
        for (const b of held.splice(0)) await helper.post(b);
        await helper.post(batch);
      }
    }
    // A table too small for the helper: its columns are profiled here after all.
    if (useHelper && !helper) for (const b of held.splice(0)) profile(b, profilers, mine.map((m) => !m));
    if (split) rows += split.finish();
  } catch (error) {
    helper?.stop();
    split?.stop();
    throw error;
  }
  return {
    rows,
    async tallies() {
      const local = profilers.map((p) => p.tally());
      if (!helper) return local;
      const remote = await helper.finish();
      theirs.forEach((c, i) => (local[c] = remote[i]));
      return local;
    },
  };
}

function workerUrl(): URL {
  return compiledModule('parallel/column-worker');
}

class Helper {
  private readonly worker: Worker;
  private posted = 0;
  private acked = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private result: ((tallies: ValueTally[]) => void) | undefined;

  constructor(columns: number[], width: number, options: { memoEntries: number; now: Date }) {
    // A small young generation: the batches it receives are garbage at once (~30 MB less peak RSS).
    this.worker = new Worker(workerUrl(), {
      workerData: { columns, width, memoEntries: options.memoEntries, now: options.now.getTime() },
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    this.worker.on('message', (message: FromColumnWorker) => {
      if (message.type === 'ack') this.acked++;
      else this.result?.(message.tallies);
      this.notify();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`column worker exited with code ${code}`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
  }

  private async until(done: () => boolean): Promise<void> {
    while (!done()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Sends a batch (a copy: this thread keeps profiling its own columns of it); waits while too many are queued. */
  async post(batch: CellBatch): Promise<void> {
    await this.until(() => this.posted - this.acked < IN_FLIGHT);
    this.worker.postMessage({ type: 'batch', batch } satisfies ToColumnWorker);
    this.posted++;
  }

  async finish(): Promise<ValueTally[]> {
    let tallies: ValueTally[] | undefined;
    this.result = (t) => (tallies = t);
    this.worker.postMessage({ type: 'finish' } satisfies ToColumnWorker);
    try {
      await this.until(() => tallies !== undefined);
      return tallies!;
    } finally {
      this.stop();
    }
  }

  stop(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}

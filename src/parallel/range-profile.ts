// One byte range of a large delimited file, split and profiled on its own (by a worker thread or by
// the main thread once its own part is done): the same row checks and profilers as the whole-file
// path, and what they counted handed back to be merged in file order (ranges.ts).
import { openRangeBatches, type RangeSpec } from '../read/byte-ranges.js';
import { keepRows, RowChecks, type RowCheckCounts } from '../read/row-checks.js';
import { ColumnProfiler, type ProfilerState } from '../values/profiler.js';
import { profile } from './profile-batch.js';

export interface RangeProfile {
  /** Lines the range holds (blank ones included): the next range's lines continue after them. */
  lines: number;
  /** Data rows profiled (blank rows skipped). */
  rows: number;
  /** Ragged-row counts; first lines are the file's when `line` was, else relative to the range. */
  checks: RowCheckCounts;
  /** Per column of the table. */
  states: ProfilerState[];
}

export interface RangeProfileOptions {
  memoEntries: number;
  /** "Today" of the main thread, so birth-date plausibility is judged on the same day. */
  now: Date;
}

/** A thread's profilers for the ranges of one table: their memos stay warm from range to range. */
export function rangeProfilers(spec: RangeSpec, options: RangeProfileOptions): ColumnProfiler[] {
  return Array.from({ length: spec.width }, () => new ColumnProfiler({ memoEntries: options.memoEntries, now: options.now }));
}

/**
 * Profiles bytes [start, end) (end undefined: to the end of the file), lines numbered after `line`,
 * with `profilers` (which must hold no counts; they hold none afterwards either: ColumnProfiler.split).
 * `levels` only saves work: the merged evidence is the same with or without it.
 * Strict: undefined when the range holds anything the fast splitter would hand to csv-parse, or
 * cannot be read or decoded (the caller then reads it in file order, which gives the error itself).
 * Not strict: reads on through csv-parse exactly as the whole-file stream would, and throws its errors.
 */
export async function profileRange(
  spec: RangeSpec,
  start: number,
  end: number | undefined,
  line: number,
  strict: boolean,
  profilers: ColumnProfiler[],
  /** Per column, a distinct-sampler level another range of it reached (ColumnProfiler.distinctLevelAtLeast). */
  levels?: readonly number[],
): Promise<RangeProfile | undefined> {
  if (levels) profilers.forEach((p, c) => p.distinctLevelAtLeast(levels[c] ?? 0));
  const stream = openRangeBatches(spec, start, end, line, strict);
  const checks = new RowChecks();
  const all = profilers.map(() => true);
  let rows = 0;
  let complete = false;
  try {
    for (;;) {
      const batch = await stream.next();
      if (!batch) break;
      const kept = keepRows(batch, spec.width, checks);
      profile(kept, profilers, all);
      rows += kept.rows;
    }
    checks.unclosed(stream.unclosedQuoteLine);
    complete = true;
  } catch (error) {
    if (!strict) throw error;
  } finally {
    stream.close();
  }
  // Split even a failed range's profilers: what they counted is dropped, their memos stay.
  const states = profilers.map((p) => p.split());
  return complete ? { lines: stream.lines - line, rows, checks: checks.counts(), states } : undefined;
}

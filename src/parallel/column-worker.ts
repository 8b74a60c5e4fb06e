// The helper thread of columns.ts: profiles its share of a table's columns from the batches the
// main thread posts, acknowledging each, and answers `finish` with the tallies of its columns.
import { parentPort, workerData } from 'node:worker_threads';
import type { CellBatch } from '../read/cell-batch.js';
import { ColumnProfiler, type ValueTally } from '../values/profiler.js';
import { profile } from './profile-batch.js';

export type ToColumnWorker = { type: 'batch'; batch: CellBatch } | { type: 'finish' };
export type FromColumnWorker = { type: 'ack' } | { type: 'tallies'; tallies: ValueTally[] };

interface ColumnWorkerData {
  columns: number[];
  width: number;
  memoEntries: number;
  /** The main thread's "today", so birth-date plausibility is judged on the same day. */
  now: number;
}

const port = parentPort;
if (!port) throw new Error('column-worker.ts runs only as a worker thread');
const data = workerData as ColumnWorkerData;
const now = new Date(data.now);
// Profilers for every column index (only this worker's are used), so rows index them directly.
const profilers = Array.from({ length: data.width }, () => new ColumnProfiler({ memoEntries: data.memoEntries, now }));
const take = Array.from({ length: data.width }, (_, c) => data.columns.includes(c));

port.on('message', (message: ToColumnWorker) => {
  if (message.type === 'batch') {
    profile(message.batch, profilers, take);
    port.postMessage({ type: 'ack' } satisfies FromColumnWorker);
  } else {
    const tallies = data.columns.map((c) => profilers[c].tally());
    port.postMessage({ type: 'tallies', tallies } satisfies FromColumnWorker);
  }
});

// A byte-range worker of ranges.ts: profiles the ranges the main thread hands it, one at a time,
// strictly (a range the fast splitter does not accept comes back as undefined), and answers each
// with what its profilers counted.
import { parentPort, workerData } from 'node:worker_threads';
import type { RangeSpec } from '../read/byte-ranges.js';
import { profileRange, rangeProfilers, type RangeProfile } from './range-profile.js';

export type ToRangeWorker = { index: number; start: number; end: number | undefined; levels: number[] };
export type FromRangeWorker = { index: number; result: RangeProfile | undefined };

export interface RangeWorkerData {
  spec: RangeSpec;
  memoEntries: number;
  /** The main thread's "today" (ms). */
  now: number;
}

const port = parentPort;
if (!port) throw new Error('range-worker.ts runs only as a worker thread');
const data = workerData as RangeWorkerData;
const profilers = rangeProfilers(data.spec, { memoEntries: data.memoEntries, now: new Date(data.now) });

// One range at a time (the main thread posts the next only after an answer), so the profilers are
// never shared by two ranges.
port.on('message', (message: ToRangeWorker) => {
  void profileRange(data.spec, message.start, message.end, 0, true, profilers, message.levels).then((result) => {
    // The hash tables move rather than copy.
    const transfer = result ? result.states.flatMap((s) => [s.sampler.keys.buffer, s.sampler.masks.buffer]) : [];
    port.postMessage({ index: message.index, result } satisfies FromRangeWorker, transfer as ArrayBuffer[]);
  });
});

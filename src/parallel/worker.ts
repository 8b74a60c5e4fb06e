// A scan worker: reads files and tallies their values (the CPU-heavy part of a scan). It needs
// nothing from the main thread but the files: the tallies are judged there, with what the headers
// say, once the main thread's classifier (and, when needed, its one kuromoji) has read them. Nothing
// here loads kuromoji (~330 MB per worker).
//
// Files come in batches and results go back in batches: one message per small file cost about as
// much as reading it.
import { parentPort, workerData } from 'node:worker_threads';
import { openFile } from '../read/source.js';
import { readEvidence, describeError, type EvidenceOptions, type FileEvidence } from '../scan.js';
import { encodeResults, type WorkerResult } from './transfer.js';

export interface WorkerSetup {
  options: EvidenceOptions;
}

export interface WorkerFile {
  id: number;
  path: string;
}

export type ToWorker = { type: 'scan'; files: WorkerFile[] };

export type FromWorker =
  | { type: 'ready' }
  /** The results, encoded by transfer.ts. */
  | { type: 'done'; results: string };

/** Results sent together (~1 ms of work each), unless nothing is left to start. */
const RESULTS_PER_MESSAGE = 8;

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const { options } = workerData as WorkerSetup;

const queue: WorkerFile[] = [];
let reading = false;
let results: WorkerResult[] = [];

port.on('message', (message: ToWorker) => {
  queue.push(...message.files);
  void drain();
});

// Loaded and listening: the pool hands out files from now on.
port.postMessage({ type: 'ready' } satisfies FromWorker);

/**
 * Reads the queued files one at a time: files read side by side interleave at every await (a file's
 * rows are an async iteration), keeping several files' text and profilers alive and out of cache.
 */
async function drain(): Promise<void> {
  if (reading) return;
  reading = true;
  while (queue.length > 0) {
    const file = queue.shift()!;
    results.push({ id: file.id, evidence: await scan(file.path) });
    // With nothing left to read, the pool must hear now that this worker wants more.
    if (results.length >= RESULTS_PER_MESSAGE || queue.length === 0) flush();
  }
  reading = false;
}

function flush(): void {
  if (results.length === 0) return;
  port!.postMessage({ type: 'done', results: encodeResults(results) } satisfies FromWorker);
  results = [];
}

async function scan(path: string): Promise<FileEvidence> {
  try {
    return await readEvidence(await openFile(path), options);
  } catch (error) {
    return { tables: [], warnings: [], error: describeError(error) };
  }
}

// A scan worker: reads files and profiles their values (the CPU-heavy part of a scan), asking the
// main thread for each table's header subcategories, which the main thread's classifier (and, when
// needed, its one kuromoji) computes. Nothing here loads kuromoji (~330 MB per worker).
//
// Files come in batches and results go back in batches: one message per small file cost about as
// much as reading it. A header the main thread has answered once is not asked again (hints.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openFile } from '../read/source.js';
import { readEvidence, describeError, type EvidenceOptions, type FileEvidence } from '../scan.js';
import type { FieldSource } from '../read/types.js';
import { HintCache, type Subcategory } from './hints.js';
import { encodeResults, type WorkerResult } from './transfer.js';

export interface WorkerSetup {
  options: EvidenceOptions;
}

export interface WorkerFile {
  id: number;
  path: string;
}

export type ToWorker =
  | { type: 'scan'; files: WorkerFile[] }
  /** `failed`: the classifier threw; the file's report is an error, and nothing is remembered. */
  | { type: 'hints'; id: number; table: number; subcategories: Subcategory[]; failed: boolean };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fields'; id: number; table: number; fields: FieldSource[]; headerless: boolean }
  /** The results, encoded by transfer.ts. */
  | { type: 'done'; results: string };

/**
 * Files in flight at most. One is read at a time: files read side by side interleave at every await
 * (a file's rows are an async iteration), keeping several files' text and profilers alive and out
 * of cache at once. Another starts only while the running one waits for the main thread to
 * classify a header this worker has not seen.
 */
const IN_FLIGHT = 4;
/** Results sent together (~1 ms of work each), unless nothing is left to start. */
const RESULTS_PER_MESSAGE = 8;

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const { options } = workerData as WorkerSetup;

const hintCache = new HintCache();
/** Pending hint requests by file id and table index. */
const waiting = new Map<string, (answer: { subcategories: Subcategory[]; failed: boolean }) => void>();
const queue: WorkerFile[] = [];
/** Files started and not finished. */
let active = 0;
/** Of those, files not waiting for hints. */
let running = 0;
let results: WorkerResult[] = [];

port.on('message', (message: ToWorker) => {
  if (message.type === 'hints') {
    const key = `${message.id}:${message.table}`;
    waiting.get(key)?.(message);
    waiting.delete(key);
    return;
  }
  queue.push(...message.files);
  pump();
});

// Loaded and listening: the pool hands out files from now on.
port.postMessage({ type: 'ready' } satisfies FromWorker);

function pump(): void {
  while (running === 0 && active < IN_FLIGHT && queue.length > 0) {
    const file = queue.shift()!;
    active++;
    running++;
    void scan(file.id, file.path).then((evidence) => {
      active--;
      running--;
      results.push({ id: file.id, evidence });
      // With nothing left to start, the pool must hear now that this worker wants more.
      if (results.length >= RESULTS_PER_MESSAGE || queue.length === 0) flush();
      pump();
    });
  }
}

function flush(): void {
  if (results.length === 0) return;
  port!.postMessage({ type: 'done', results: encodeResults(results) } satisfies FromWorker);
  results = [];
}

async function scan(id: number, path: string): Promise<FileEvidence> {
  let table = 0;
  try {
    const source = await openFile(path);
    return await readEvidence(source, options, (fields, headerless) => {
      const index = table++;
      const cached = hintCache.lookup(fields, headerless);
      if ('known' in cached) return Promise.resolve(cached.known);
      const answer = new Promise<Subcategory[]>((resolve) =>
        waiting.set(`${id}:${index}`, ({ subcategories, failed }) => {
          if (!failed) hintCache.remember(fields, subcategories);
          running++;
          resolve(subcategories);
        }),
      );
      port!.postMessage({ type: 'fields', id, table: index, fields, headerless } satisfies FromWorker);
      // While this file waits, another may run.
      running--;
      pump();
      return answer;
    });
  } catch (error) {
    return { tables: [], warnings: [], error: describeError(error) };
  }
}

// `--jobs N`: files are read and their values profiled in worker threads, while headers are
// classified on the main thread (one classifier cache, at most one kuromoji: a worker that loaded
// it would cost ~330 MB more). Reports are built on the main thread by the same functions as a
// single-threaded scan and sorted by path by the caller, so the output is byte-identical to --jobs 1.
// Until the first worker has started, the main thread scans files itself (scanPath, as --jobs 1).
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HeaderClassifier } from '../classify/classifier.js';
import { describeError, finishFile, headerEvidence, scanPath, type EvidenceOptions, type HeaderResult } from '../scan.js';
import type { FileReport } from '../types.js';
import type { FromWorker, ToWorker } from './worker.js';

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** Below these a scan stays on the main thread: starting a worker costs more than it saves. */
export const MIN_FILES_PER_WORKER = 2;
export const MIN_PARALLEL_BYTES = 1024 * 1024;
/** Files a worker holds at once: enough that it never waits for the main thread's header answers. */
const IN_FLIGHT = 4;

export interface PoolFile {
  /** Absolute path to open. */
  path: string;
  /** The path the report shows. */
  display: string;
}

/** Whether a scan of these files is worth workers; stats files until the size threshold is passed. */
export async function worthWorkers(files: PoolFile[], jobs: number): Promise<boolean> {
  if (jobs < 2 || files.length < Math.max(MIN_FILES_PER_WORKER * jobs, 4)) return false;
  let total = 0;
  // Synchronous: hundreds of small files may be statted, and a thread-pool round trip each added up.
  for (const file of files) {
    total += sizeOf(file.path);
    if (total >= MIN_PARALLEL_BYTES) return true;
  }
  return false;
}

/** 0 for what cannot be statted (missing, a symlink loop): its reader reports why. */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The compiled worker: next to this module in dist/, or dist/ when running from src/ (tests). */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/parallel/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
}

/**
 * Scans files in `jobs` workers; `onFile` is called as each file finishes (for progress). Reports come
 * back in no particular order. The files of a worker that dies are scanned on the main thread.
 */
export async function scanInWorkers(
  files: PoolFile[],
  options: EvidenceOptions,
  classifier: HeaderClassifier,
  jobs: number,
  events: { start?: (display: string) => void; done?: (report: FileReport) => void } = {},
  /** Whether the main thread scans files itself until a worker is ready (off only to test the workers alone). */
  mainWhileStarting = true,
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  let next = 0;
  /** Set when the first worker has started: from then on the main thread only classifies headers. */
  let ready = false;
  let crashes = 0;
  /** Files of workers that died, scanned again on the main thread at the end. */
  const retry: number[] = [];
  // Only what can be cloned to a worker (the caller may pass the full ScanOptions with its classifier).
  const readOptions: EvidenceOptions = { sample: options.sample, allRows: options.allRows, encoding: options.encoding, limits: options.limits };
  const count = Math.min(jobs, files.length);
  /** Workers still starting, each with what stops it when the main thread has taken every file. */
  const starting = new Set<() => void>();
  const run = (): Promise<void> =>
    new Promise<void>((resolveWorker) => {
      const worker = new Worker(workerUrl());
      let settled = false;
      const abandon = () => {
        if (settled) return;
        settled = true;
        void worker.terminate().then(() => resolveWorker());
      };
      starting.add(abandon);
      const headers = new Map<number, HeaderResult[][] & { failed?: unknown }>();
      /** Files this worker holds (IN_FLIGHT at most). */
      const held = new Set<number>();
      const finish = (report: FileReport) => {
        reports.push(report);
        events.done?.(report);
      };
      /** Whether this worker has loaded its modules and can take files. */
      let started = false;
      const feed = () => {
        while (started && held.size < IN_FLIGHT && next < files.length) {
          const id = next++;
          held.add(id);
          headers.set(id, []);
          events.start?.(files[id].display);
          worker.postMessage({ type: 'scan', id, path: files[id].path, options: readOptions } satisfies ToWorker);
        }
        if (started && held.size === 0 && !settled) {
          settled = true;
          void worker.terminate().then(() => resolveWorker());
        }
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          starting.delete(abandon);
          started = true;
          ready = true;
          feed();
          return;
        }
        if (message.type === 'fields') {
          const { id, table, fields, headerless } = message;
          void Promise.all(fields.map((field) => headerEvidence(field, headerless, classifier))).then(
            (evidence) => {
              headers.get(id)![table] = evidence;
              worker.postMessage({ type: 'hints', id, table, subcategories: evidence.map((h) => h.evidence.subcategory) } satisfies ToWorker);
            },
            (error: unknown) => {
              // The classifier failed (kuromoji could not load): the file fails, as in a single-threaded scan.
              headers.get(id)!.failed = error;
              worker.postMessage({ type: 'hints', id, table, subcategories: fields.map(() => null) } satisfies ToWorker);
            },
          );
          return;
        }
        const { id, evidence } = message;
        const tableHeaders = headers.get(id)!;
        headers.delete(id);
        held.delete(id);
        const display = files[id].display;
        if (tableHeaders.failed !== undefined) finish({ path: display, tables: [], category: 'unknown', warnings: [], error: describeError(tableHeaders.failed) });
        else finish(finishFile(display, evidence, tableHeaders));
        feed();
      });
      worker.on('error', () => {
        starting.delete(abandon);
        if (settled) return;
        settled = true;
        // A worker can die for reasons that are not the file's (it could not start on a loaded
        // machine): its files are scanned again on the main thread, which reports a real read error
        // as any single-threaded scan would.
        for (const id of held) retry.push(id);
        held.clear();
        // Run this slot again for the rest; a worker that keeps dying leaves the rest to the main thread.
        if (++crashes <= 3 * count) void run().then(resolveWorker);
        else {
          while (next < files.length) retry.push(next++);
          resolveWorker();
        }
      });
    });
  /**
   * Starting a worker (a Node environment and the reader modules) takes ~0.1 s: until one is ready
   * the main thread scans files itself, by the same functions as a single-threaded scan.
   */
  const meanwhile = async () => {
    while (mainWhileStarting && !ready && next < files.length) {
      const id = next++;
      events.start?.(files[id].display);
      const report = { ...(await scanPath(files[id].path, { ...readOptions, classifier })), path: files[id].display };
      reports.push(report);
      events.done?.(report);
    }
    // Every file taken before any worker started: stop the ones still starting instead of waiting.
    if (next >= files.length) for (const stop of [...starting]) stop();
  };
  await Promise.all([...Array.from({ length: count }, run), meanwhile()]);
  for (const id of retry.sort((a, b) => a - b)) {
    events.start?.(files[id].display);
    const report = { ...(await scanPath(files[id].path, { ...readOptions, classifier })), path: files[id].display };
    reports.push(report);
    events.done?.(report);
  }
  return reports;
}

// `--jobs N`: files are read and their values tallied in worker threads, while headers are
// classified and tallies judged on the main thread (one classifier cache, at most one kuromoji: a
// worker that loaded it would cost ~330 MB more). Reports are built on the main thread by the same
// function as a single-threaded scan (judgeFile) and sorted by path by the caller, so the output is
// byte-identical to --jobs 1.
//
// Small files are cheap (~0.6 ms each), so what surrounds them matters: workers can be started
// before discovery has listed the files, files go to a worker in batches (batches.ts) and come back
// in batches as one string (transfer.ts) of counts, not of evidence text (scan.ts judgeFile), and
// the main thread scans files itself until a worker is ready.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { HeaderClassifier } from '../classify/classifier.js';
import { judgeFile, scanPath, type EvidenceOptions, type FileEvidence } from '../scan.js';
import type { FileReport } from '../types.js';
import { refill } from './batches.js';
import { decodeResults } from './transfer.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker.js';
import { compiledModule } from '../paths.js';

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** Below these a scan stays on the main thread: starting a worker costs more than it saves. */
export const MIN_FILES_PER_WORKER = 2;
export const MIN_PARALLEL_BYTES = 1024 * 1024;

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

function workerUrl(): URL {
  return compiledModule('parallel/worker');
}

export interface PoolEvents {
  start?: (display: string) => void;
  done?: (report: FileReport) => void;
}

/**
 * What the main thread does besides classifying headers and building reports: `starting` scans files
 * until the first worker is ready (then leaves them to the workers), `always` keeps taking files
 * between the workers' messages, `never` only for tests of the workers alone. Whatever the choice,
 * the main thread scans what is left when no worker can start.
 */
export type MainShare = 'never' | 'starting' | 'always';

interface Lane {
  worker: Worker;
  /** Loaded and listening. */
  ready: boolean;
  /** Terminated, or died. */
  closed: boolean;
  /** Files sent and not yet reported. */
  held: Set<number>;
}

/**
 * `jobs` scan workers, started when the pool is made (they take 0.1–0.3 s to load, which can pass
 * while discovery lists the files), used for one scan, then closed.
 */
export class ScanPool {
  private readonly lanes = new Set<Lane>();
  private readonly exits: Promise<unknown>[] = [];
  private crashes = 0;
  private readonly options: EvidenceOptions;
  /** The scan, once scan() is called. */
  private job: Job | undefined;
  private closed = false;
  /** Wakes scan() when something happened (a worker is ready, reported, died). */
  private poke: () => void = () => {};

  constructor(private readonly jobs: number, options: EvidenceOptions) {
    // Only what can be cloned to a worker (the caller may pass the full ScanOptions with its classifier).
    this.options = { sample: options.sample, allRows: options.allRows, encoding: options.encoding, limits: options.limits };
    for (let i = 0; i < jobs; i++) this.spawn();
  }

  /**
   * Scans the files; `events.done` is called as each file finishes (for progress). Reports come back
   * in no particular order. The files of a worker that dies are scanned on the main thread. Closes
   * the pool.
   */
  async scan(files: PoolFile[], classifier: HeaderClassifier, events: PoolEvents = {}, share: MainShare = 'starting'): Promise<FileReport[]> {
    if (this.job || this.closed) throw new Error('a ScanPool scans once');
    const job = new Job(files, this.options, classifier, events);
    this.job = job;
    try {
      for (const lane of this.lanes) this.feed(lane);
      for (;;) {
        const live = [...this.lanes];
        const mainScans = share === 'always' || (share === 'starting' && !live.some((l) => l.ready)) || live.length === 0;
        if (job.next < files.length && mainScans) {
          await job.scanHere(job.next++);
          // Reading a file never leaves the microtask queue: without this turn of the event loop no
          // worker's message (not even "ready") would be seen until this thread had scanned everything.
          await nextTurn();
          continue;
        }
        // Workers with nothing left to do are closed as soon as possible (memory, a core).
        if (job.next >= files.length) for (const lane of live) if (lane.held.size === 0) this.stop(lane);
        if (job.next >= files.length && this.lanes.size === 0) break;
        await new Promise<void>((resolve) => (this.poke = resolve));
      }
      return await job.end();
    } finally {
      this.close();
      await Promise.all(this.exits);
    }
  }

  /** Stops every worker (after a scan, or instead of one). */
  close(): void {
    this.closed = true;
    for (const lane of [...this.lanes]) this.stop(lane);
  }

  private stop(lane: Lane): void {
    if (lane.closed) return;
    lane.closed = true;
    this.lanes.delete(lane);
    this.exits.push(lane.worker.terminate());
  }

  private spawn(): void {
    const worker = new Worker(workerUrl(), { workerData: { options: this.options } satisfies WorkerSetup });
    const lane: Lane = { worker, ready: false, closed: false, held: new Set() };
    this.lanes.add(lane);
    worker.on('message', (message: FromWorker) => {
      if (lane.closed) return;
      if (message.type === 'ready') {
        lane.ready = true;
        this.feed(lane);
      } else {
        const results = decodeResults(message.results);
        for (const { id } of results) lane.held.delete(id);
        // More work first, so the worker is not idle while these reports are built.
        this.feed(lane);
        this.job?.finish(results);
      }
      this.poke();
    });
    const died = () => {
      if (lane.closed) return;
      // A worker can die for reasons that are not the file's (it could not start on a loaded
      // machine): its files are scanned again on the main thread, which reports a real read error
      // as any single-threaded scan would.
      this.job?.retry.push(...lane.held);
      lane.held.clear();
      this.stop(lane);
      // Another worker in its place; one that keeps dying leaves the files to the main thread.
      if (!this.closed && ++this.crashes <= 3 * this.jobs) this.spawn();
      this.poke();
    };
    worker.on('error', died);
    // An exit that was not asked for (terminate() closes the lane first) is a death too.
    worker.on('exit', died);
  }

  /** Sends a ready worker more files when it is running low. */
  private feed(lane: Lane): void {
    const job = this.job;
    if (!job || !lane.ready || lane.closed) return;
    const n = refill(lane.held.size, job.files.length - job.next, this.lanes.size);
    if (n === 0) return;
    const batch = [];
    for (let i = 0; i < n; i++) {
      const id = job.next++;
      lane.held.add(id);
      job.events.start?.(job.files[id].display);
      batch.push({ id, path: job.files[id].path });
    }
    lane.worker.postMessage({ type: 'scan', files: batch } satisfies ToWorker);
  }
}

/** One scan's files, reports and bookkeeping. */
class Job {
  next = 0;
  /** Files of workers that died, scanned again on the main thread at the end. */
  readonly retry: number[] = [];
  private readonly reports: FileReport[] = [];
  /** Reports being built from workers' evidence (header evidence is asynchronous). */
  private readonly finishing = new Set<Promise<void>>();

  constructor(
    readonly files: PoolFile[],
    private readonly options: EvidenceOptions,
    private readonly classifier: HeaderClassifier,
    readonly events: PoolEvents,
  ) {}

  /** Workers' evidence → the reports a single-threaded scan would have made. */
  finish(results: { id: number; evidence: FileEvidence }[]): void {
    for (const { id, evidence } of results) {
      const done = this.finishOne(id, evidence);
      this.finishing.add(done);
      void done.finally(() => this.finishing.delete(done));
    }
  }

  private async finishOne(id: number, evidence: FileEvidence): Promise<void> {
    // Headers are memoised per distinct header: cheap after the first file with these headers.
    this.add(await judgeFile(this.files[id].display, evidence, this.classifier));
  }

  /** Scans one file on the main thread, by the same functions as a single-threaded scan. */
  async scanHere(id: number): Promise<void> {
    this.events.start?.(this.files[id].display);
    this.add({ ...(await scanPath(this.files[id].path, { ...this.options, classifier: this.classifier })), path: this.files[id].display });
  }

  private add(report: FileReport): void {
    this.reports.push(report);
    this.events.done?.(report);
  }

  /** Every report, once those being built and the retried files are done. */
  async end(): Promise<FileReport[]> {
    while (this.finishing.size > 0) await Promise.all([...this.finishing]);
    for (const id of this.retry.sort((a, b) => a - b)) await this.scanHere(id);
    return this.reports;
  }
}

/** Scans files in `jobs` workers started for them (ScanPool.scan). */
export async function scanInWorkers(
  files: PoolFile[],
  options: EvidenceOptions,
  classifier: HeaderClassifier,
  jobs: number,
  events: PoolEvents = {},
  share: MainShare = 'starting',
): Promise<FileReport[]> {
  return new ScanPool(Math.min(jobs, files.length), options).scan(files, classifier, events, share);
}

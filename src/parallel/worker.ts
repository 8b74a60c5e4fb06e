// A scan worker: reads files and profiles their values (the CPU-heavy part of a scan), asking the
// main thread for each table's header subcategories, which the main thread's classifier (and, when
// needed, its one kuromoji) computes. Nothing here loads kuromoji (~330 MB per worker).
import { parentPort } from 'node:worker_threads';
import { openFile } from '../read/source.js';
import { readEvidence, describeError, type EvidenceOptions, type FileEvidence } from '../scan.js';
import type { FieldSource } from '../read/types.js';

export type ToWorker =
  | { type: 'scan'; id: number; path: string; options: EvidenceOptions }
  | { type: 'hints'; id: number; table: number; subcategories: (string | null | undefined)[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fields'; id: number; table: number; fields: FieldSource[]; headerless: boolean }
  | { type: 'done'; id: number; evidence: FileEvidence };

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

/** Pending hint requests by file id and table index. */
const waiting = new Map<string, (subcategories: (string | null | undefined)[]) => void>();

port.on('message', (message: ToWorker) => {
  if (message.type === 'hints') {
    const key = `${message.id}:${message.table}`;
    waiting.get(key)?.(message.subcategories);
    waiting.delete(key);
    return;
  }
  void scan(message.id, message.path, message.options).then((evidence) => port.postMessage({ type: 'done', id: message.id, evidence } satisfies FromWorker));
});

// Loaded and listening: the pool hands out files from now on.
port.postMessage({ type: 'ready' } satisfies FromWorker);

async function scan(id: number, path: string, options: EvidenceOptions): Promise<FileEvidence> {
  let table = 0;
  try {
    const source = await openFile(path);
    return await readEvidence(source, options, (fields, headerless) => {
      const index = table++;
      const answer = new Promise<(string | null | undefined)[]>((resolve) => waiting.set(`${id}:${index}`, resolve));
      port!.postMessage({ type: 'fields', id, table: index, fields, headerless } satisfies FromWorker);
      return answer;
    });
  } catch (error) {
    return { tables: [], warnings: [], error: describeError(error) };
  }
}

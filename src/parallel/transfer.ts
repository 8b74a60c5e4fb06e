// Workers send their evidence to the main thread as one JSON string per message. postMessage's
// structured clone of the same objects cost a worker ~0.3 ms per small file on Node 20 (a third of
// what reading the file costs: every object is checked for transferable parts), a string ~5 µs; the
// JSON.stringify and JSON.parse around it cost ~40 µs each, and the main thread has time to spare.
import type { FileEvidence } from '../scan.js';

export interface WorkerResult {
  id: number;
  evidence: FileEvidence;
}

export function encodeResults(results: readonly WorkerResult[]): string {
  return JSON.stringify(results);
}

/**
 * The results as the worker had them. JSON has no undefined: a field without a value tally (a
 * header-only scan, a DDL column) comes back as null and is turned back into undefined. Every other
 * undefined is an optional property, which JSON leaves out and the reports never tell apart.
 */
export function decodeResults(text: string): WorkerResult[] {
  const results = JSON.parse(text) as WorkerResult[];
  for (const { evidence } of results) {
    for (const table of evidence.tables) {
      const tallies = table.tallies;
      for (let i = 0; i < tallies.length; i++) if (tallies[i] === null) tallies[i] = undefined;
    }
  }
  return results;
}

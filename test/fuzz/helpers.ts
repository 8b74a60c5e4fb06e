// Shared by the fuzz tests: scan bytes in memory through the real pipeline and check the property
// "returns a FileReport, never throws, never hangs". Runs per property: FUZZ_RUNS (default 60).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { makeClassifier } from '../../src/commands/context.js';
import { bufferSource } from '../../src/read/source.js';
import { DEFAULT_LIMITS, ReadError, type Limits } from '../../src/read/types.js';
import { scanSource, type ScanOptions } from '../../src/scan.js';
import type { FileReport } from '../../src/types.js';

export const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 60) || 60);
/** One scan of a few KiB must finish well within this; a hang fails the property. */
export const SCAN_TIMEOUT_MS = 10_000;
/** vitest's timeout for a whole property: generous, scaled by the number of runs. */
export const testTimeout = (perRunMs = 200) => 30_000 + RUNS * perRunMs;

export const classifier = makeClassifier();

export const scanOptions = (limits: Partial<Limits> = {}, sample = 50): ScanOptions => ({
  classifier,
  sample,
  allRows: false,
  limits: { ...DEFAULT_LIMITS, ...limits },
});

export class Hang extends Error {}

export function withTimeout<T>(promise: Promise<T>, ms = SCAN_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Hang(`no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Scans `bytes` named `name` (the extension picks the reader) and checks the property. Making the
 * in-memory source may refuse corrupt gzip with a ReadError, as openFile does for a file.
 */
export async function scanBytes(name: string, bytes: Uint8Array, options: ScanOptions = scanOptions()): Promise<FileReport> {
  let source;
  try {
    source = bufferSource(name, name, Buffer.from(bytes));
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return { path: name, tables: [], category: 'unknown', warnings: [], error: (error as Error).message };
  }
  const started = Date.now();
  const report = await withTimeout(scanSource(source, options));
  expect(Date.now() - started).toBeLessThan(SCAN_TIMEOUT_MS);
  checkReport(report, name);
  return report;
}

export function checkReport(report: FileReport, name: string): void {
  expect(report).toBeTypeOf('object');
  expect(report.path).toBe(name);
  expect(Array.isArray(report.tables)).toBe(true);
  expect(Array.isArray(report.warnings)).toBe(true);
  if (report.error !== undefined) {
    expect(report.error).toBeTypeOf('string');
    // One line, no stack trace.
    expect(report.error).not.toMatch(/\n|\s{4}at /);
  }
  for (const table of report.tables) for (const field of table.fields) expect(field.category).toBeTypeOf('string');
}

const root = new URL('../../samples/', import.meta.url).pathname;
const DATA = /\.(csv|tsv|tab|psv|txt|md|markdown|csv\.gz|tsv\.gz|sql|ddl|json|jsonl|ndjson|xlsx|parquet)$/i;

/** Every valid sample file under samples/ (not the generator scripts), as name → bytes. */
export function sampleFiles(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (DATA.test(entry)) out.push({ name: path.slice(root.length), bytes: readFileSync(path) });
    }
  };
  walk(root);
  return out;
}

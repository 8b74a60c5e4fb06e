// --jobs: workers read and profile, the main thread classifies; the report must be byte-identical to
// a single-threaded scan. The worker runs from dist/ (npm test builds first).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClassifier } from '../../../src/commands/context.js';
import { scanInputs } from '../../../src/commands/scan.js';
import { formatReport } from '../../../src/formatters/index.js';
import { bufferIO } from '../../../src/io.js';
import { scanInWorkers, worthWorkers } from '../../../src/parallel/pool.js';
import { DEFAULT_LIMITS } from '../../../src/read/types.js';
import { buildReport } from '../../../src/report/summarize.js';
import type { ScanOptions } from '../../../src/scan.js';
import type { FileReport } from '../../../src/types.js';

const root = join(import.meta.dirname, '../../..');
const sorted = (files: FileReport[]) => [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
const render = async (files: FileReport[]) => (await formatReport(buildReport('test', sorted(files), []), 'json', { lang: 'en', color: false, encoding: 'utf-8', toolVersion: 'test' })).toString();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe('--jobs', () => {
  it('gives byte-identical reports with two workers and with one thread, over every sample format', async () => {
    const options: ScanOptions = { classifier: makeClassifier(), sample: 200, allRows: false, limits: DEFAULT_LIMITS };
    const io = bufferIO({ cwd: root });
    const single = await scanInputs(['samples'], options, io, undefined, undefined, { jobs: 1 });
    expect(single.length).toBeGreaterThan(10);
    const files = walk(join(root, 'samples'))
      .map((path) => ({ path, display: relative(root, path) }))
      .filter((f) => single.some((r) => r.path === f.display));
    expect(files.length).toBe(single.length);
    // The workers alone (the main thread would otherwise scan files while they start)…
    const done: string[] = [];
    const parallel = await scanInWorkers(files, options, makeClassifier(), 2, { done: (r) => done.push(r.path) }, 'never');
    expect(done.length).toBe(files.length);
    expect(await render(parallel)).toBe(await render(single));
    // …and shared with the main thread, which scans files until a worker is ready.
    const started: string[] = [];
    const shared = await scanInWorkers(files, options, makeClassifier(), 2, { start: (p) => started.push(p) });
    expect([...started].sort()).toEqual(files.map((f) => f.display).sort());
    expect(await render(shared)).toBe(await render(single));
  });

  it('reports unreadable files as errors, like a single-threaded scan', async () => {
    const options: ScanOptions = { classifier: makeClassifier(), sample: 10, allRows: false, limits: DEFAULT_LIMITS };
    const reports = await scanInWorkers([{ path: join(root, 'no-such-file.csv'), display: 'no-such-file.csv' }], options, options.classifier, 2);
    expect(reports).toEqual([{ path: 'no-such-file.csv', tables: [], category: 'unknown', warnings: [], error: 'no such file or directory' }]);
  });

  it('keeps small scans on the main thread', async () => {
    const few = [{ path: join(root, 'package.json'), display: 'package.json' }];
    expect(await worthWorkers(few, 2)).toBe(false);
    expect(await worthWorkers(Array(100).fill(few[0]), 1)).toBe(false);
    expect(await worthWorkers(Array(10).fill(few[0]), 2)).toBe(false); // 10 small files: under 1 MiB
  });
});

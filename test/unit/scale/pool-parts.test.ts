// The pieces that make --jobs pay off over many small files: batching (batches.ts), the string
// transfer of value tallies (transfer.ts), workers started before discovery (ScanPool, mayHoldMany). The worker runs from dist/ (npm test builds first).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { makeClassifier } from '../../../src/commands/context.js';
import { scanInputs } from '../../../src/commands/scan.js';
import { mayHoldMany } from '../../../src/discover/index.js';
import { HELD, MIN_BATCH, refill } from '../../../src/parallel/batches.js';
import { ScanPool } from '../../../src/parallel/pool.js';
import { decodeResults, encodeResults } from '../../../src/parallel/transfer.js';
import { openFile } from '../../../src/read/source.js';
import { DEFAULT_LIMITS } from '../../../src/read/types.js';
import { bufferIO } from '../../../src/io.js';
import { readEvidence, type ScanOptions } from '../../../src/scan.js';

const root = join(import.meta.dirname, '../../..');
const byPath = <T extends { path: string }>(list: T[]) => [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

describe('refill', () => {
  it('fills an empty worker, then tops it up only in batches', () => {
    expect(refill(0, 10_000, 2)).toBe(HELD);
    expect(refill(HELD, 10_000, 2)).toBe(0);
    expect(refill(HELD - MIN_BATCH + 1, 10_000, 2)).toBe(0);
    expect(refill(HELD - MIN_BATCH, 10_000, 2)).toBe(MIN_BATCH);
  });

  it('spreads the last files over the consumers and never sends more than are left', () => {
    expect(refill(0, 20, 2)).toBe(10);
    expect(refill(0, 3, 2)).toBe(2);
    expect(refill(0, 1, 3)).toBe(1);
    expect(refill(0, 0, 2)).toBe(0);
    expect(refill(20, 5, 2)).toBe(3);
  });
});

describe('transfer', () => {
  it('gives back the evidence a worker made, field without a value tally included', async () => {
    const options = { sample: 200, allRows: false, limits: DEFAULT_LIMITS };
    const files = ['samples/inputs/eucjp-members.csv', 'samples/inputs/customers.json', 'samples/inputs/ddl-mysql.sql', 'samples/inputs/headerless.csv'].map((f) => join(root, f));
    const results = [];
    for (const [id, path] of files.entries()) {
      results.push({ id, evidence: await readEvidence(await openFile(path), options) });
    }
    results.push({ id: 9, evidence: { tables: [], warnings: [], error: 'empty file' } });
    // A DDL has no values: its tallies are a list of undefined, which JSON cannot carry as such.
    expect(results.some((r) => r.evidence.tables.some((t) => t.tallies.includes(undefined)))).toBe(true);
    const decoded = decodeResults(encodeResults(results));
    expect(decoded).toEqual(results);
    // …and no field without a tally turned into null (judgeFile tells them apart by truthiness only,
    // but a report must never depend on how its evidence travelled).
    const missing = (list: typeof results) => list.map((r) => r.evidence.tables.map((t) => t.tallies.map((v) => v === undefined)));
    expect(missing(decoded)).toEqual(missing(results));
  });
});

describe('workers started before discovery', () => {
  it('mayHoldMany: a directory or a glob, not a file or a missing path', () => {
    expect(mayHoldMany(['samples'], root)).toBe(true);
    expect(mayHoldMany(['samples/*.csv'], root)).toBe(true);
    expect(mayHoldMany(['package.json', 'no-such-thing'], root)).toBe(false);
  });

  it('a pool that waited for its files scans them like one thread', async () => {
    const options: ScanOptions = { classifier: makeClassifier(), sample: 200, allRows: false, limits: DEFAULT_LIMITS };
    const single = await scanInputs(['samples'], options, bufferIO({ cwd: root }), undefined, undefined, { jobs: 1 });
    const pool = new ScanPool(2, options);
    await sleep(50); // the workers may or may not be ready: either way the result is the same
    const files = single.map((r) => ({ path: join(root, r.path), display: r.path }));
    const reports = await pool.scan(files, options.classifier, {}, 'always');
    expect(byPath(reports)).toEqual(single);
    await expect(pool.scan(files, options.classifier)).rejects.toThrow(/once/);
  });

  it('a pool closed unused lets the process go on; --jobs 2 over a tiny directory uses none', async () => {
    const options: ScanOptions = { classifier: makeClassifier(), sample: 10, allRows: false, limits: DEFAULT_LIMITS };
    new ScanPool(2, options).close();
    const dir = mkdtempSync(join(tmpdir(), 'kojin-pool-'));
    writeFileSync(join(dir, 'a.csv'), '氏名,電話番号\n山田 太郎,03-1234-5678\n');
    writeFileSync(join(dir, 'b.csv'), 'id,amount\n1,100\n');
    const io = bufferIO({ cwd: dir });
    const two = await scanInputs(['.'], options, io, undefined, undefined, { jobs: 2 });
    const one = await scanInputs(['.'], options, io, undefined, undefined, { jobs: 1 });
    expect(two).toEqual(one);
    expect(two.map((r) => relative('.', r.path))).toEqual(['a.csv', 'b.csv']);
  });
});

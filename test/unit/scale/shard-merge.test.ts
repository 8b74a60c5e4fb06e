import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli.js';
import { mergeReports } from '../../../src/commands/merge.js';
import { bufferIO } from '../../../src/io.js';
import { normalisePath, parseShard, shardOf } from '../../../src/parallel/shard.js';

const root = join(import.meta.dirname, '../../..');

describe('--shard', () => {
  it('parses K/N and refuses anything else', () => {
    expect(parseShard('1/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard('4/4')).toEqual({ index: 3, count: 4 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/2', '1/2/3', '']) expect(() => parseShard(bad), bad).toThrow(/--shard/);
  });

  it('is stable across path spellings and spreads files', () => {
    expect(normalisePath('./a\\b/c.csv')).toBe('a/b/c.csv');
    expect(shardOf('a/b/c.csv', 7)).toBe(shardOf('./a\\b/c.csv', 7));
    expect(shardOf('ｶﾅ/x.csv'.normalize('NFD'), 5)).toBe(shardOf('ｶﾅ/x.csv'.normalize('NFC'), 5));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(`dir/file${i}.csv`, 4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });

  it('is a usage error (exit 2) from the CLI', async () => {
    const io = bufferIO({ cwd: root });
    expect(await run(['scan', '--shard', '3/2', 'samples/values'], io)).toBe(2);
    expect(io.err()).toMatch(/--shard: expected K\/N/);
  });
});

describe('kojin merge', () => {
  it('merges the shards of a scan into the report of the whole scan, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-merge-'));
    const shards: string[] = [];
    for (const k of [1, 2, 3]) {
      const io = bufferIO({ cwd: root });
      expect(await run(['scan', '--shard', `${k}/3`, '--jobs', '1', '--fail-on', 'my_number', '-f', 'json', 'samples'], io)).toBeLessThan(2);
      writeFileSync(join(dir, `s${k}.json`), io.out());
      shards.push(join(dir, `s${k}.json`));
    }
    const whole = bufferIO({ cwd: root });
    const wholeExit = await run(['scan', '--jobs', '1', '--fail-on', 'my_number', '-f', 'json', 'samples'], whole);
    const merged = bufferIO({ cwd: root });
    const mergedExit = await run(['merge', '-f', 'json', ...shards], merged);
    expect(merged.out()).toBe(whole.out());
    expect(mergedExit).toBe(wholeExit);
    expect(mergedExit).toBe(1); // samples hold undeclared My Numbers
    // Any format; --fail-on recomputes the failures from the merged fields.
    const table = bufferIO({ cwd: root });
    expect(await run(['merge', '--fail-on', 'sensitive', ...shards], table)).toBe(1);
    expect(table.out()).toMatch(/Summary/);
    const none = bufferIO({ cwd: root });
    expect(await run(['merge', '--fail-on', 'unknown', '-f', 'markdown', shards[0]], none)).toBeLessThan(2);
  });

  it('exits 2 when a merged file had an error, and refuses what is not a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-merge-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ version: '1', files: [{ path: 'x.csv', tables: [], category: 'unknown', warnings: [], error: 'no such file or directory' }], summary: { failures: [] } }));
    const io = bufferIO({ cwd: dir });
    expect(await run(['merge', '-f', 'json', 'broken.json'], io)).toBe(2);
    expect(JSON.parse(io.out()).summary.filesWithErrors).toBe(1);
    writeFileSync(join(dir, 'not.json'), '{"hello":1}');
    const bad = bufferIO({ cwd: dir });
    expect(await run(['merge', 'not.json'], bad)).toBe(2);
    expect(bad.err()).toMatch(/not a kojin JSON report/);
    const missing = bufferIO({ cwd: dir });
    expect(await run(['merge', 'nope.json'], missing)).toBe(2);
    expect(readFileSync(broken, 'utf8')).toContain('x.csv');
  });

  it('keeps the first of duplicate files and drops failures of files not kept', () => {
    const file = (path: string, category: 'my_number' | 'none') => ({ path, tables: [{ kind: 'data' as const, rowsSampled: 0, fields: [{ name: 'f', index: 0, category, subcategory: null, confidence: 1, reasons: [] }] }], category, warnings: [] });
    const dup: string[] = [];
    const { files, failures } = mergeReports(
      [
        { files: [file('b.csv', 'my_number')], summary: { failures: [{ path: 'b.csv', field: 'f', category: 'my_number', subcategory: null, fingerprint: 'fb' }] } },
        { files: [file('a.csv', 'none'), file('b.csv', 'none')], summary: { failures: [{ path: 'z.csv', field: 'f', category: 'my_number', subcategory: null, fingerprint: 'fz' }] } },
      ],
      undefined,
      (p) => dup.push(p),
    );
    expect(files.map((f) => `${f.path}:${f.category}`)).toEqual(['a.csv:none', 'b.csv:my_number']);
    expect(failures.map((f) => f.fingerprint)).toEqual(['fb']);
    expect(dup).toEqual(['b.csv']);
  });
});

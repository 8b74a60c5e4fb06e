// Deterministic: the same files, created in two different orders (and at different times), give
// byte-identical json, table and sarif reports; --jobs 1 and --jobs 2 agree. The report carries
// no timestamps.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, spawnMany } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'kojin-determinism-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? listFiles(join(dir, e)) : [join(dir, e)]));
}

function copyInOrder(files: string[], to: string, mtime: number) {
  for (const file of files) {
    const target = join(to, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    utimesSync(target, mtime, mtime);
  }
}

describe('deterministic output', () => {
  it('two copies made in opposite orders give identical json, table and sarif; --jobs 1 = --jobs 2', async () => {
    const files = listFiles(join(ROOT, 'samples')).sort();
    copyInOrder(files, join(work, 'a'), 1_000_000_000);
    copyInOrder([...files].reverse(), join(work, 'b'), 1_700_000_000);
    const formats = ['json', 'table', 'sarif'];
    const runs = formats.map((f) => ['scan', 'samples', '--format', f, '--jobs', '1']);
    const [a, b] = await Promise.all([spawnMany([...runs, ['scan', 'samples', '--format', 'json', '--jobs', '2']], { cwd: join(work, 'a'), work }), spawnMany(runs, { cwd: join(work, 'b'), work })]);
    formats.forEach((format, i) => {
      expect(a.runs[i].code, format).toBe(0);
      expect(a.runs[i].stdout.equals(b.runs[i].stdout), `${format} differs between creation orders`).toBe(true);
    });
    expect(a.runs[3].code).toBe(0);
    // The first json run is --jobs 1.
    expect(a.runs[3].stdout.equals(a.runs[0].stdout), '--jobs 2 differs from one thread').toBe(true);
    // No timestamps: no ISO date-time and no current year-month-day in the report.
    const json = a.runs[0].stdout.toString('utf8');
    expect(json).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(json).not.toContain(new Date().toISOString().slice(0, 10));
  }, 300_000);

  it('an --all-rows CSV of 16 MiB or more, read in byte ranges by two threads, gives one thread’s report', async () => {
    // Past RANGE_DEFAULTS.minBytes, with more distinct values per column than the distinct sampler
    // keeps (10,000), so its levels and the ranges' starting levels come into play.
    const rows = ['id,氏名,電話番号,生年月日,メール,性別'];
    let bytes = 0;
    for (let i = 0; bytes < 17 * 1024 * 1024; i++) {
      const row = `E${i},${['山田', '佐藤', '鈴木'][i % 3]} ${['太郎', '花子'][i % 2]},03-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')},19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10},u${i}@example.jp,${['男', '女'][i % 2]}`;
      rows.push(row);
      bytes += Buffer.byteLength(row) + 1;
    }
    const dir = join(work, 'large');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'large.csv'), rows.join('\n') + '\n');
    const { runs } = await spawnMany(
      [
        ['scan', 'large.csv', '--all-rows', '--format', 'json', '--jobs', '1'],
        ['scan', 'large.csv', '--all-rows', '--format', 'json', '--jobs', '2'],
      ],
      { cwd: dir, work },
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const report = JSON.parse(runs[0].stdout.toString('utf8'));
    expect(report.files[0].tables[0].rowsSampled).toBe(rows.length - 1);
    expect(runs[1].stdout.equals(runs[0].stdout), 'byte ranges differ from one thread').toBe(true);
  }, 300_000);
});

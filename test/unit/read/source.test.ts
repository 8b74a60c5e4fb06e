import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { csvReader } from '../../../src/read/csv.js';
import { bufferSource, describeFsError, MAX_STDIN_BYTES, openFile, readStdin } from '../../../src/read/source.js';
import { readAll } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kojin-source-'));
afterAll(() => execFileSync('rm', ['-rf', dir]));

describe('openFile', () => {
  it('streams .gz decompressed, named without .gz', async () => {
    const path = join(dir, 'a.csv.gz');
    writeFileSync(path, gzipSync(Buffer.from('氏名,電話\n山田,03\n')));
    const source = await openFile(path);
    expect(source.formatName).toBe(path.slice(0, -3));
    expect(source.head.toString()).toBe('氏名,電話\n山田,03\n');
    const result = await readAll(csvReader, source);
    expect(result.tables[0].rows).toEqual([['山田', '03']]);
  });

  it('refuses a .gz that is not gzip, and a corrupt one', async () => {
    writeFileSync(join(dir, 'b.csv.gz'), 'plain');
    await expect(openFile(join(dir, 'b.csv.gz'))).rejects.toThrow('named .gz but is not gzip data');
    writeFileSync(join(dir, 'c.csv.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff]));
    await expect(openFile(join(dir, 'c.csv.gz'))).rejects.toThrow('corrupt gzip data');
  });

  it('gives one-line reasons for a missing file, a directory and a FIFO (never opened)', async () => {
    await expect(openFile(join(dir, 'missing.csv'))).rejects.toThrow('no such file or directory');
    await expect(openFile(dir)).rejects.toThrow('is a directory');
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(openFile(fifo)).rejects.toThrow('is not a regular file (a FIFO, socket or device); not read');
  });

  it('reports permission denied', async () => {
    const path = join(dir, 'secret.csv');
    writeFileSync(path, 'a,b\n');
    chmodSync(path, 0o000);
    if (process.getuid?.() === 0) {
      // root reads anything: check the mapping instead.
      expect(describeFsError(Object.assign(new Error(), { code: 'EACCES' }))).toBe('permission denied');
    } else {
      await expect(openFile(path)).rejects.toThrow('permission denied');
    }
  });
});

describe('readStdin', () => {
  it('reads standard input as the given format', async () => {
    const source = await readStdin('csv', Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')]));
    expect(source).toMatchObject({ path: '-', formatName: 'stdin.csv', complete: true });
    expect(csvReader.accepts(source)).toBe(true);
    expect((await readAll(csvReader, source)).tables[0].rows).toEqual([['1', '2']]);
    expect((await readStdin('.tsv', Readable.from([Buffer.from('x')]))).formatName).toBe('stdin.tsv');
  });

  it('gunzips piped gzip named by format', async () => {
    const source = await readStdin('csv.gz', Readable.from([gzipSync(Buffer.from('a,b\n1,2\n'))]));
    expect(source.formatName).toBe('stdin.csv'); // readers pick the format by its extension
  });

  it('refuses more than the cap', async () => {
    const chunk = Buffer.alloc(64 * 1024 * 1024);
    const big = Readable.from((function* () {
      for (let i = 0; i <= MAX_STDIN_BYTES / chunk.length; i++) yield chunk;
    })());
    await expect(readStdin('csv', big)).rejects.toThrow('standard input is larger than 256 MiB; save it to a file and scan the file');
  });

  it('bufferSource keeps the head to 64 KiB', () => {
    const source = bufferSource('-', 'x.csv', Buffer.alloc(100 * 1024, 0x41));
    expect(source.head.length).toBe(64 * 1024);
  });
});

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTokenizer, packagedDicPath, unpackedDir } from '../../../src/tokenize/kuromoji-load.js';

const temp = mkdtempSync(join(tmpdir(), 'kojin-kuromoji-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const surfaces = (t: Awaited<ReturnType<typeof buildTokenizer>>) => t.tokenize('来店動機と座右の銘').map((x) => `${x.surface_form}/${x.pos}/${x.reading}`);

describe('kuromoji with its dictionary kept unpacked in the cache', () => {
  it('writes the unpacked copy on the first load, with the same tokens, and never reads a copy made from other packaged files', async () => {
    // A private copy of the packaged files, so the test can take them away.
    const dicPath = join(temp, 'dict') + '/';
    const cacheDir = join(temp, 'cache');
    mkdirSync(dicPath);
    for (const f of readdirSync(packagedDicPath())) copyFileSync(join(packagedDicPath(), f), join(dicPath, f));
    const expected = surfaces(await buildTokenizer(packagedDicPath()));

    expect(surfaces(await buildTokenizer(dicPath, cacheDir))).toEqual(expected);
    const unpacked = unpackedDir(cacheDir, dicPath)!;
    expect(existsSync(join(unpacked, 'complete'))).toBe(true);
    expect(readdirSync(unpacked).filter((f) => f.endsWith('.dat'))).toHaveLength(12);

    // Emptied packaged files change the total size, so the copy is looked for under another name
    // and the load fails on the broken files instead of reading a copy of other files.
    for (const f of readdirSync(dicPath)) writeFileSync(join(dicPath, f), '');
    expect(await buildTokenizer(dicPath, cacheDir).catch((e: Error) => e)).toBeInstanceOf(Error);
  });

  it('reads the unpacked copy without touching the packaged files', async () => {
    const dicPath = join(temp, 'dict2') + '/';
    const cacheDir = join(temp, 'cache2');
    mkdirSync(dicPath);
    for (const f of readdirSync(packagedDicPath())) copyFileSync(join(packagedDicPath(), f), join(dicPath, f));
    const first = surfaces(await buildTokenizer(dicPath, cacheDir));
    // Same names and sizes, but contents no gunzip accepts: only the copy can serve this load.
    for (const f of readdirSync(dicPath)) {
      const size = statSync(join(dicPath, f)).size;
      writeFileSync(join(dicPath, f), Buffer.alloc(size, 0x20));
    }
    expect(surfaces(await buildTokenizer(dicPath, cacheDir))).toEqual(first);
  });

  it('falls back to the packaged file when a file of the copy is missing, and works when the cache cannot be written', async () => {
    const cacheDir = join(temp, 'cache3');
    const expected = surfaces(await buildTokenizer(packagedDicPath(), cacheDir));
    unlinkSync(join(unpackedDir(cacheDir, packagedDicPath())!, 'cc.dat'));
    expect(surfaces(await buildTokenizer(packagedDicPath(), cacheDir))).toEqual(expected);
    // A file where the cache directory should be: nothing can be written there.
    const blocked = join(temp, 'blocked');
    writeFileSync(blocked, '');
    expect(surfaces(await buildTokenizer(packagedDicPath(), join(blocked, 'kojin')))).toEqual(expected);
  });
});

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedLoad, dictionaryCacheDir, dictionaryKey } from '../../../src/dictionary/cache.js';
import { buildDictionary } from '../../../src/dictionary/index.js';
import { builtinDictionaryFiles, loadDictionaries } from '../../../src/dictionary/load.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kojin-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dictionary cache', () => {
  it('lives under XDG_CACHE_HOME or ~/.cache, and can be switched off', () => {
    expect(dictionaryCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe(join('/x', 'kojin'));
    expect(dictionaryCacheDir({ HOME: '/h' })).toBe(join('/h', '.cache', 'kojin'));
    expect(dictionaryCacheDir({})).toBeUndefined();
    expect(dictionaryCacheDir({ HOME: '/h', KOJIN_NO_CACHE: '1' })).toBeUndefined();
  });

  it('returns the same entries from the cache as from the YAML, and writes one file', () => {
    const dir = join(tempDir(), 'kojin');
    const first = buildDictionary({ cacheDir: dir });
    expect(readdirSync(dir).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    const second = buildDictionary({ cacheDir: dir });
    expect(second.entries).toEqual(first.entries);
    expect(second.entries).toEqual(loadDictionaries().entries);
  });

  it('keys on the contents of the files and the disabled ids', () => {
    const files = builtinDictionaryFiles();
    const extra = join(tempDir(), 'extra.csv');
    writeFileSync(extra, 'term,category,subcategory\n社員番号,personal,employee_id\n');
    const a = dictionaryKey([...files, extra]);
    writeFileSync(extra, 'term,category,subcategory\n社員コード,personal,employee_id\n');
    expect(dictionaryKey([...files, extra])).not.toBe(a);
    expect(dictionaryKey(files, ['x.y'])).not.toBe(dictionaryKey(files));
    expect(dictionaryKey([join(tempDir(), 'missing.yaml')])).toBeUndefined();
  });

  it('ignores a corrupt cache file and replaces it', () => {
    const dir = tempDir();
    const key = dictionaryKey(builtinDictionaryFiles())!;
    writeFileSync(join(dir, `dictionary-${key}.json`), '{"format":1,"entr');
    let loads = 0;
    const result = cachedLoad(dir, key, () => (loads++, loadDictionaries()));
    expect(loads).toBe(1);
    expect(result.entries.length).toBeGreaterThan(0);
    cachedLoad(dir, key, () => (loads++, loadDictionaries()));
    expect(loads).toBe(1);
  });

  it('never throws or writes when the directory is not writable, and never caches problems', () => {
    // A regular file where the directory should be: mkdir fails even for root (chmod would not stop root).
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), '');
    const key = dictionaryKey(builtinDictionaryFiles())!;
    expect(() => cachedLoad(join(dir, 'blocker', 'kojin'), key, () => loadDictionaries())).not.toThrow();
    expect(readdirSync(dir)).toEqual(['blocker']);
    const ok = tempDir();
    cachedLoad(ok, 'k', () => ({ entries: [], problems: [{ origin: 'x', message: 'bad' }] }));
    expect(readdirSync(ok)).toEqual([]);
  });
});

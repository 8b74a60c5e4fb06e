// A cache of the loaded, validated dictionary entries as JSON. Parsing the YAML dictionaries costs
// ~0.4 s of a cold start (measured in bench/README.md); reading the same entries from JSON costs a few
// milliseconds. The file is keyed by a hash of every dictionary file's path and contents (and the
// disabled ids), written atomically (temp file + rename), and ignored on any error: a cache that
// cannot be read or written only costs the YAML parse.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexKeys, type IndexedKey } from './compile.js';
import type { LoadResult } from './load.js';
import type { DictionaryEntry } from './schema.js';

/** Bump when the shape of DictionaryEntry or of the cache file changes. */
const CACHE_FORMAT = 2;

/** The compiled code that turns surfaces into keys: a change to it must invalidate cached keys. */
const KEY_CODE = ['../tokenize/normalize', '../tokenize/romaji', './compile'].map((f) => {
  // dist/ holds .js; tests run the .ts sources.
  const js = fileURLToPath(new URL(`${f}.js`, import.meta.url));
  return existsSync(js) ? js : js.replace(/\.js$/, '.ts');
});
const PREFIX = 'dictionary-';

/** `$XDG_CACHE_HOME/kojin`, else `~/.cache/kojin`; undefined (no cache) when neither is known or KOJIN_NO_CACHE is set. */
export function dictionaryCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.KOJIN_NO_CACHE !== undefined && env.KOJIN_NO_CACHE !== '' && env.KOJIN_NO_CACHE !== '0') return undefined;
  const base = env.XDG_CACHE_HOME ? env.XDG_CACHE_HOME : env.HOME ? join(env.HOME, '.cache') : undefined;
  return base ? join(base, 'kojin') : undefined;
}

/** The cache key: every file's path and bytes, in order, and the disabled ids. Undefined when a file cannot be read. */
export function dictionaryKey(files: string[], disable: string[] = []): string | undefined {
  const hash = createHash('sha256').update(`kojin-dictionary-cache/${CACHE_FORMAT}\0`);
  try {
    for (const file of [...files, ...KEY_CODE]) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  } catch {
    return undefined; // the loader reports the unreadable file
  }
  hash.update(JSON.stringify([...disable].sort()));
  return hash.digest('hex').slice(0, 32);
}

export interface CachedLoad extends LoadResult {
  /** The entries' indexed keys, when they came from (or went to) the cache. */
  keys?: IndexedKey[];
}

/** Entries (and their keys) from the cache when it holds this key; otherwise load() them and store them (only when valid). */
export function cachedLoad(dir: string | undefined, key: string | undefined, load: () => LoadResult): CachedLoad {
  if (!dir || !key) return load();
  const file = join(dir, `${PREFIX}${key}.json`);
  const hit = readCache(file);
  if (hit) return { ...hit, problems: [] };
  const result = load();
  if (result.problems.length > 0) return result;
  const keys = indexKeys(result.entries);
  writeCache(dir, file, result.entries, keys);
  return { ...result, keys };
}

function readCache(file: string): { entries: DictionaryEntry[]; keys: IndexedKey[] } | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; entries?: unknown; keys?: unknown };
    if (data.format !== CACHE_FORMAT || !Array.isArray(data.entries) || !Array.isArray(data.keys)) return undefined;
    return { entries: data.entries as DictionaryEntry[], keys: data.keys as IndexedKey[] };
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, file: string, entries: DictionaryEntry[], keys: IndexedKey[]): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, JSON.stringify({ format: CACHE_FORMAT, entries, keys }), { flag: 'wx' });
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      /* never written */
    }
    return;
  }
  // Older keys are dead weight once a new one is written: remove them, best effort.
  try {
    for (const name of readdirSync(dir)) {
      if (name.startsWith(PREFIX) && name.endsWith('.json') && join(dir, name) !== file) unlinkSync(join(dir, name));
    }
  } catch {
    /* ignored */
  }
}

// A cache of the loaded, validated dictionary entries and their compiled trie, as JSON. Parsing the
// YAML dictionaries costs ~0.4 s of a cold start and building the trie ~25 ms (measured in
// bench/README.md); reading both from the cache costs a few milliseconds. The file is keyed by a
// hash of every dictionary file's path and contents (and the disabled ids), written atomically (temp
// file + rename), and ignored on any error: a cache that cannot be read or written only costs the
// YAML parse. The trie's arrays are stored in this machine's byte order: the cache is never shared.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTrie, indexKeys, type TrieData } from './compile.js';
import type { LoadResult } from './load.js';
import type { DictionaryEntry } from './schema.js';
import { runningModuleFile } from '../paths.js';

/** Bump when the shape of DictionaryEntry or of the cache file changes. */
const CACHE_FORMAT = 4;

/** The compiled code that turns surfaces into keys: a change to it must invalidate the cached trie. */
const KEY_CODE = ['tokenize/normalize', 'tokenize/romaji', 'dictionary/compile'].map(runningModuleFile);
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
  /** The entries' trie, when it came from (or went to) the cache. */
  trie?: TrieData;
}

/** Entries (and their trie) from the cache when it holds this key; otherwise load() them and store them (only when valid). */
export function cachedLoad(dir: string | undefined, key: string | undefined, load: () => LoadResult): CachedLoad {
  if (!dir || !key) return load();
  const file = join(dir, `${PREFIX}${key}.json`);
  const hit = readCache(file);
  if (hit) return { ...hit, problems: [] };
  const result = load();
  if (result.problems.length > 0) return result;
  const trie = buildTrie(result.entries, indexKeys(result.entries));
  writeCache(dir, file, result.entries, trie);
  return { ...result, trie };
}

/** The trie's arrays as base64 of their bytes: JSON.parse reads one string per array, not 14,000 numbers. */
const ARRAYS = { first: Int32Array, labels: Uint16Array, hitFirst: Int32Array, hitEntry: Int32Array, hitTail: Uint8Array } as const;
type ArrayName = keyof typeof ARRAYS;

function readCache(file: string): { entries: DictionaryEntry[]; trie: TrieData } | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; entries?: unknown; trie?: Record<ArrayName, string> & { hitSurface: string[] } };
    if (data.format !== CACHE_FORMAT || !Array.isArray(data.entries) || !data.trie || !Array.isArray(data.trie.hitSurface)) return undefined;
    const arrays = {} as { [K in ArrayName]: InstanceType<(typeof ARRAYS)[K]> };
    for (const name of Object.keys(ARRAYS) as ArrayName[]) {
      const bytes = Buffer.from(data.trie[name], 'base64');
      const Type = ARRAYS[name];
      if (bytes.length % Type.BYTES_PER_ELEMENT !== 0) return undefined;
      // Copied into a fresh, aligned array (a Buffer may sit at any offset of a shared pool).
      const array = new Type(bytes.length / Type.BYTES_PER_ELEMENT);
      new Uint8Array(array.buffer).set(bytes);
      (arrays as Record<ArrayName, unknown>)[name] = array;
    }
    const trie: TrieData = { ...arrays, hitSurface: data.trie.hitSurface };
    if (!consistent(trie, data.entries.length)) return undefined;
    return { entries: data.entries as DictionaryEntry[], trie };
  } catch {
    return undefined;
  }
}

/** A cache file that parses but does not describe a trie over these entries is no cache. */
function consistent(t: TrieData, entries: number): boolean {
  const nodes = t.first.length - 1;
  if (nodes < 1 || t.labels.length !== nodes - 1 || t.first[nodes] !== t.labels.length || t.hitFirst.length !== nodes + 1) return false;
  const hits = t.hitEntry.length;
  if (t.hitTail.length !== hits || t.hitSurface.length !== hits || t.hitFirst[nodes] !== hits) return false;
  for (let n = 0; n < nodes; n++) if (t.first[n] > t.first[n + 1] || t.hitFirst[n] > t.hitFirst[n + 1]) return false;
  for (let h = 0; h < hits; h++) if (t.hitEntry[h] < 0 || t.hitEntry[h] >= entries) return false;
  return true;
}

function writeCache(dir: string, file: string, entries: DictionaryEntry[], trie: TrieData): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const arrays = Object.fromEntries((Object.keys(ARRAYS) as ArrayName[]).map((name) => [name, Buffer.from(trie[name].buffer, trie[name].byteOffset, trie[name].byteLength).toString('base64')]));
    writeFileSync(temp, JSON.stringify({ format: CACHE_FORMAT, entries, trie: { ...arrays, hitSurface: trie.hitSurface } }), { flag: 'wx' });
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

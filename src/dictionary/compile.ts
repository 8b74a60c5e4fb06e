// Compiling entries into a character trie over normalised surface keys, so a header is segmented
// against every known term in one pass (longest and fewest matches win).
import { romajiVariants } from '../tokenize/romaji.js';
import { surfaceKey } from '../tokenize/normalize.js';
import { surfacesOf, type DictionaryEntry } from './schema.js';

export interface TrieNode {
  /** Children by UTF-16 code unit (numbers: a one-character string per step would be garbage). */
  next: Map<number, TrieNode>;
  /** Entries whose surface ends here, with the surface that put them here. */
  hits: { entry: DictionaryEntry; surface: string; tail: boolean }[];
}

export interface CompiledDictionary {
  root: TrieNode;
  entries: DictionaryEntry[];
  byId: Map<string, DictionaryEntry>;
  /** Normalised exclude keys per entry id. */
  excludes: Map<string, string[]>;
}

/** Readings shorter than this would collide with ordinary words (名 = ナ), so they are not indexed. */
const MIN_READING_CHARS = 3;
/** Generated romaji shorter than this collides with English (sei, mei). */
const MIN_ROMAJI_CHARS = 5;

/**
 * One indexed surface: [matching key, entry index, surface as written, tail]. A tail surface is an
 * abbreviation or romaji, which may end a legacy romaji word whose beginning the dictionaries do
 * not know (hhknnmkj = hhkn + nm + kj; zrnbyoumei = zrn + byoumei).
 */
export type IndexedKey = [key: string, entry: number, surface: string, tail: boolean];

/**
 * The normalised keys of every entry's surfaces. This is most of the cost of compiling (NFKC,
 * romaji generation), so the dictionary cache keeps it alongside the entries.
 */
export function indexKeys(entries: DictionaryEntry[]): IndexedKey[] {
  const keys: IndexedKey[] = [];
  entries.forEach((entry, index) => {
    const romaji = romajiSurfaces(entry);
    const tails = new Set([...(entry.aliases?.abbr ?? []), ...(entry.aliases?.romaji ?? []), ...romaji].map(surfaceKey));
    for (const surface of indexedSurfaces(entry, romaji)) {
      const key = surfaceKey(surface);
      if (key) keys.push([key, index, surface, tails.has(key)]);
    }
  });
  return keys;
}

export function compile(entries: DictionaryEntry[], keys: IndexedKey[] = indexKeys(entries)): CompiledDictionary {
  const root: TrieNode = { next: new Map(), hits: [] };
  const byId = new Map<string, DictionaryEntry>();
  const excludes = new Map<string, string[]>();
  for (const entry of entries) {
    byId.set(entry.id, entry);
    if (entry.exclude?.length) excludes.set(entry.id, entry.exclude.map(surfaceKey).filter(Boolean));
  }
  for (const [key, index, surface, tail] of keys) insert(root, key, entries[index], surface, tail);
  return { root, entries, byId, excludes };
}

/**
 * The surfaces an entry is indexed under: its own, its readings (legacy systems write fields in
 * half-width kana: ｷﾎﾝｷｭｳ for 基本給), and romaji made from the readings.
 */
export function indexedSurfaces(entry: DictionaryEntry, romaji = romajiSurfaces(entry)): string[] {
  const surfaces = new Set(surfacesOf(entry));
  for (const reading of [entry.reading, ...(entry.readings ?? [])]) if (reading && [...reading].length >= MIN_READING_CHARS) surfaces.add(reading);
  for (const r of romaji) surfaces.add(r);
  return [...surfaces];
}

/**
 * Romaji spellings generated from the entry's katakana forms (its reading and katakana aliases) and
 * from the readings of its other kanji spellings.
 */
function romajiSurfaces(entry: DictionaryEntry): string[] {
  const katakana = [entry.reading, ...surfacesOf(entry), ...(entry.readings ?? [])].filter((s): s is string => !!s && KATAKANA_ONLY.test(s) && [...s].length >= MIN_READING_CHARS);
  const out = new Set<string>();
  for (const kana of katakana) for (const romaji of romajiVariants(kana)) if (romaji.length >= MIN_ROMAJI_CHARS) out.add(romaji);
  return [...out];
}

const KATAKANA_ONLY = /^[\u30A1-\u30FA\u30FC]+$/u;

function insert(root: TrieNode, key: string, entry: DictionaryEntry, surface: string, tail: boolean) {
  let node = root;
  // Code units, as segment() walks them: a surrogate pair is two steps in both places.
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    let child = node.next.get(ch);
    if (!child) {
      child = { next: new Map(), hits: [] };
      node.next.set(ch, child);
    }
    node = child;
  }
  // Two entries on the same surface: the stronger weight is tried first.
  if (!node.hits.some((h) => h.entry.id === entry.id)) {
    node.hits.push({ entry, surface, tail });
    node.hits.sort((a, b) => b.entry.weight - a.entry.weight);
  }
}

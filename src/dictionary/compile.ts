// Compiling entries into a character trie over normalised surface keys, so a header is segmented
// against every known term in one pass (longest and fewest matches win).
import { romajiVariants } from '../tokenize/romaji.js';
import { surfaceKey } from '../tokenize/normalize.js';
import { surfacesOf, type DictionaryEntry } from './schema.js';

/** A dictionary surface that ends at a trie node. */
export interface Hit {
  entry: DictionaryEntry;
  /** The surface as written in the dictionary. */
  surface: string;
  /** An abbreviation or romaji surface, which may end a legacy romaji word (see IndexedKey). */
  tail: boolean;
}

/**
 * The trie over normalised surface keys, flattened into arrays: every header is walked through it
 * character by character, so a step is a few array loads instead of a Map lookup, and the arrays
 * go to the dictionary cache as they are (a cold start does not rebuild ~14,000 nodes). Nodes are
 * numbered breadth-first with each node's children in label order, so the children of node n are
 * the consecutive nodes reached by edges first[n] .. first[n + 1] - 1, and edge e leads to node e + 1.
 */
export interface Trie {
  /** Node n's edges: first[n] .. first[n + 1] - 1 (length: nodes + 1). Node 0 is the root. */
  first: Int32Array;
  /** Each edge's UTF-16 code unit, ascending within a node. */
  labels: Uint16Array;
  /** The root's child for each code unit (0: none; the root is no one's child): the first step is one load. */
  rootChild: Int32Array;
  /** Node n's hits: hits[hitFirst[n] .. hitFirst[n + 1] - 1], the stronger weight first. */
  hitFirst: Int32Array;
  hits: Hit[];
  /** 1 where the hit's entry has an exclude list or a context: segmentation need not load the entry otherwise. */
  hitChecks: Uint8Array;
}

/** A trie as the cache stores it: hits by entry index. */
export interface TrieData {
  first: Int32Array;
  labels: Uint16Array;
  hitFirst: Int32Array;
  hitEntry: Int32Array;
  hitTail: Uint8Array;
  hitSurface: string[];
}

export interface CompiledDictionary {
  trie: Trie;
  entries: DictionaryEntry[];
  byId: Map<string, DictionaryEntry>;
  /** Normalised exclude keys per entry id. */
  excludes: Map<string, string[]>;
  /** Every kind (sensitive, sensitive/medical) that some entry's context names: what a file's fields are counted by. */
  contextKinds: Set<string>;
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

/** Compiles entries, with the trie built from their keys or taken as the cache stored it. */
export function compile(loaded: DictionaryEntry[], keys: IndexedKey[] | TrieData = indexKeys(loaded)): CompiledDictionary {
  const entries = loaded.map(withEveryField);
  const byId = new Map<string, DictionaryEntry>();
  const excludes = new Map<string, string[]>();
  const contextKinds = new Set<string>();
  for (const entry of entries) {
    byId.set(entry.id, entry);
    if (entry.exclude?.length) excludes.set(entry.id, entry.exclude.map(surfaceKey).filter(Boolean));
    for (const kind of entry.context ?? []) contextKinds.add(kind);
  }
  const trie = expandTrie(Array.isArray(keys) ? buildTrie(entries, keys) : keys, entries);
  return { trie, entries, byId, excludes, contextKinds };
}

/**
 * The entry with every field of DictionaryEntry present, in one order (undefined where the entry
 * has none). Entries are read from YAML with whichever optional fields they use, which gave them
 * some thirty hidden classes; classification reads their fields for every word of every header,
 * and a property read that meets that many classes is a slow, megamorphic one. Undefined fields
 * are invisible to JSON and to the code, which only ever tests them for a value.
 */
function withEveryField(e: DictionaryEntry): DictionaryEntry {
  const out: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS) out[field] = e[field];
  return out as unknown as DictionaryEntry;
}

/** Every field of DictionaryEntry, in one order; tsc fails here when the interface gains a field. */
const ENTRY_FIELDS = Object.keys({
  id: 1,
  term: 1,
  reading: 1,
  aliases: 1,
  category: 1,
  subcategory: 1,
  weight: 1,
  head: 1,
  role: 1,
  idSubcategory: 1,
  ownedSubcategory: 1,
  inheritsFrom: 1,
  orgOwned: 1,
  context: 1,
  exclude: 1,
  examples: 1,
  readings: 1,
  origin: 1,
} satisfies Record<keyof DictionaryEntry, 1>) as (keyof DictionaryEntry)[];

/** The child of `node` by code unit `c`, or -1. */
export function childOf(trie: Trie, node: number, c: number): number {
  if (node === 0) return trie.rootChild[c] || -1;
  const { labels } = trie;
  let lo = trie.first[node];
  let hi = trie.first[node + 1];
  // Most nodes have one or two children: a scan; the few wide ones, a binary search.
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) if (labels[lo] === c) return lo + 1;
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const l = labels[mid];
    if (l === c) return mid + 1;
    if (l < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

interface BuildNode {
  next: Map<number, BuildNode>;
  hits: { entry: number; surface: string; tail: boolean }[];
}

/** Builds the trie from the indexed keys (a Map per node), then flattens it breadth-first. */
export function buildTrie(entries: DictionaryEntry[], keys: IndexedKey[]): TrieData {
  const root: BuildNode = { next: new Map(), hits: [] };
  for (const [key, index, surface, tail] of keys) insert(root, key, entries, index, surface, tail);
  const order: BuildNode[] = [root];
  const labels: number[] = [];
  const first: number[] = [];
  for (let n = 0; n < order.length; n++) {
    first.push(labels.length);
    for (const [label, child] of [...order[n].next].sort((a, b) => a[0] - b[0])) {
      labels.push(label);
      order.push(child);
    }
  }
  first.push(labels.length);
  const hitFirst = new Int32Array(order.length + 1);
  const hitEntry: number[] = [];
  const hitTail: number[] = [];
  const hitSurface: string[] = [];
  order.forEach((node, n) => {
    hitFirst[n] = hitEntry.length;
    for (const hit of node.hits) {
      hitEntry.push(hit.entry);
      hitTail.push(hit.tail ? 1 : 0);
      hitSurface.push(hit.surface);
    }
  });
  hitFirst[order.length] = hitEntry.length;
  return { first: Int32Array.from(first), labels: Uint16Array.from(labels), hitFirst, hitEntry: Int32Array.from(hitEntry), hitTail: Uint8Array.from(hitTail), hitSurface };
}

function expandTrie(data: TrieData, entries: DictionaryEntry[]): Trie {
  const rootChild = new Int32Array(0x10000);
  for (let e = data.first[0]; e < data.first[1]; e++) rootChild[data.labels[e]] = e + 1;
  const hits: Hit[] = new Array(data.hitEntry.length);
  const hitChecks = new Uint8Array(hits.length);
  for (let h = 0; h < hits.length; h++) {
    const entry = entries[data.hitEntry[h]];
    hits[h] = { entry, surface: data.hitSurface[h], tail: data.hitTail[h] === 1 };
    if (entry.exclude?.length || entry.context?.length) hitChecks[h] = 1;
  }
  return { first: data.first, labels: data.labels, rootChild, hitFirst: data.hitFirst, hits, hitChecks };
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

function insert(root: BuildNode, key: string, entries: DictionaryEntry[], index: number, surface: string, tail: boolean) {
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
  if (!node.hits.some((h) => entries[h.entry].id === entries[index].id)) {
    node.hits.push({ entry: index, surface, tail });
    node.hits.sort((a, b) => entries[b.entry].weight - entries[a.entry].weight);
  }
}

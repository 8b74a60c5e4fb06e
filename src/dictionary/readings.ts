// Readings of the dictionaries' kanji spellings. Legacy field names spell Japanese words in romaji
// (syujyutu for 手術, honseki for 本籍), and an entry lists a reading for its term only; the other
// kanji spellings get theirs from `dictionaries/readings.tsv`, which `scripts/readings.mjs` writes
// with kuromoji once, so kojin itself never loads kuromoji to index its dictionaries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DictionaryEntry } from './schema.js';
import { surfacesOf } from './schema.js';

export const READINGS_FILE = 'readings.tsv';

/** Lines `surface<TAB>reading`; an empty reading means none is safe to use (unknown or shared). */
export function parseReadings(text: string): Map<string, string> {
  const readings = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [surface, reading = ''] = line.split('\t');
    readings.set(surface, reading.trim());
  }
  return readings;
}

export function readReadings(dir: string): Map<string, string> {
  try {
    return parseReadings(readFileSync(join(dir, READINGS_FILE), 'utf8'));
  } catch {
    return new Map(); // without the file only the entries' own readings are indexed
  }
}

/** Whether a spelling needs a reading to be written in romaji: it holds kanji. */
export const hasKanji = (surface: string) => /\p{Script=Han}/u.test(surface);

/** Entries with `readings` set from the map for their kanji spellings (entries are copied, not changed). */
export function withReadings(entries: DictionaryEntry[], readings: Map<string, string>): DictionaryEntry[] {
  if (readings.size === 0) return entries;
  return entries.map((entry) => {
    const found = [...new Set(surfacesOf(entry).filter(hasKanji).map((s) => readings.get(s)).filter((r): r is string => !!r && r !== entry.reading))];
    return found.length ? { ...entry, readings: found } : entry;
  });
}

// Reading dictionaries from YAML or CSV files into validated entries. I/O lives here only.
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createRequire } from 'node:module';

// yaml and csv-parse are loaded only when a dictionary is parsed (not when the compiled cache is used).
const yaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');
const csvSync = () => createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
import { readReadings, withReadings } from './readings.js';
import { toEntry, validateEntry, type DictionaryEntry, type EntryProblem } from './schema.js';
import { packageFile } from '../paths.js';

export interface LoadResult {
  entries: DictionaryEntry[];
  problems: EntryProblem[];
}

/** The dictionaries that ship with kojin. */
export function builtinDictionaryDir(): string {
  return packageFile('dictionaries');
}

export function builtinDictionaryFiles(dir = builtinDictionaryDir()): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export function loadDictionaryFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { entries: [], problems: [{ origin: path, message: `cannot read dictionary: ${(error as NodeJS.ErrnoException).code ?? 'error'}` }] };
  }
  return extname(path).toLowerCase() === '.csv' ? parseCsvDictionary(text, path) : parseYamlDictionary(text, path);
}

/** A YAML dictionary: a list of entries (or `entries:` holding the list). */
export function parseYamlDictionary(text: string, name: string): LoadResult {
  const { isMap, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    return { entries: [], problems: [{ origin: `${name}:${line}`, message: `invalid YAML: ${error.code}` }] };
  }
  let seq: unknown = doc.contents;
  if (isMap(seq)) seq = seq.get('entries', true);
  if (!isSeq(seq)) return { entries: [], problems: [{ origin: name, message: 'a dictionary must be a list of entries' }] };
  const entries: DictionaryEntry[] = [];
  const problems: EntryProblem[] = [];
  for (const node of seq.items) {
    const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    const origin = `${name}:${lineCounter.linePos(offset).line}`;
    const raw = (node as { toJSON(): unknown }).toJSON();
    const found = validateEntry(raw, origin);
    if (found.length > 0) problems.push(...found);
    else entries.push(toEntry(raw as Record<string, unknown>, origin));
  }
  return { entries, problems };
}

/**
 * A CSV dictionary for spreadsheet users. Columns: term, reading, category, subcategory, weight,
 * aliases, exclude (lists separated by |), and optionally id, head, role, context (a list too).
 */
export function parseCsvDictionary(text: string, name: string): LoadResult {
  let rows: Record<string, string>[];
  try {
    rows = csvSync().parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { entries: [], problems: [{ origin: name, message: `invalid CSV: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const entries: DictionaryEntry[] = [];
  const problems: EntryProblem[] = [];
  const list = (value?: string) => (value ? value.split('|').map((s) => s.trim()).filter(Boolean) : undefined);
  rows.forEach((row, index) => {
    const origin = `${name}:${index + 2}`;
    const raw: Record<string, unknown> = {
      id: row.id || `user.${row.category}.${index + 1}`,
      term: row.term,
      category: row.category,
      subcategory: row.subcategory,
    };
    if (row.reading) raw.reading = row.reading;
    if (row.weight) raw.weight = Number(row.weight);
    if (row.head) raw.head = row.head;
    if (row.role) raw.role = row.role;
    const aliases = list(row.aliases);
    if (aliases) raw.aliases = { ja: aliases };
    const exclude = list(row.exclude);
    if (exclude) raw.exclude = exclude;
    const context = list(row.context);
    if (context) raw.context = context;
    const found = validateEntry(raw, origin);
    if (found.length > 0) problems.push(...found);
    else entries.push(toEntry(raw, origin));
  });
  return { entries, problems };
}

/** Loads the built-in dictionaries plus user ones, then drops disabled ids. User entries win on id. */
export function loadDictionaries(options: { extra?: string[]; disable?: string[]; builtinFiles?: string[] } = {}): LoadResult {
  const files = [...(options.builtinFiles ?? builtinDictionaryFiles()), ...(options.extra ?? [])];
  const byId = new Map<string, DictionaryEntry>();
  const problems: EntryProblem[] = [];
  for (const file of files) {
    const result = loadDictionaryFile(file);
    problems.push(...result.problems);
    for (const entry of result.entries) byId.set(entry.id, entry);
  }
  const disabled = new Set(options.disable ?? []);
  const entries = [...byId.values()].filter((e) => !disabled.has(e.id));
  return { entries: withReadings(entries, readReadings(builtinDictionaryDir())), problems };
}

// One call that turns dictionary files into the compiled form the classifier uses.
import { compile, type CompiledDictionary } from './compile.js';
import { cachedLoad, dictionaryKey } from './cache.js';
import { join } from 'node:path';
import { builtinDictionaryDir, builtinDictionaryFiles, loadDictionaries } from './load.js';
import { READINGS_FILE } from './readings.js';
import type { EntryProblem } from './schema.js';

export class DictionaryError extends Error {
  constructor(readonly problems: EntryProblem[]) {
    super(problems.map((p) => `${p.origin}${p.id ? ` (${p.id})` : ''}: ${p.message}`).join('\n'));
    this.name = 'DictionaryError';
  }
}

export interface DictionaryOptions {
  /** User dictionaries (YAML or CSV) added after the built-in ones. */
  extra?: string[];
  /** Built-in entry ids to switch off. */
  disable?: string[];
  /** A directory to cache the parsed entries in (see cache.ts); none when undefined. */
  cacheDir?: string;
}

/** Loads and compiles; any invalid entry is an error, since a silently skipped entry hides findings. */
export function buildDictionary(options: DictionaryOptions = {}): CompiledDictionary {
  const key = options.cacheDir ? dictionaryKey([...builtinDictionaryFiles(), join(builtinDictionaryDir(), READINGS_FILE), ...(options.extra ?? [])], options.disable) : undefined;
  const { entries, problems, trie } = cachedLoad(options.cacheDir, key, () => loadDictionaries(options));
  if (problems.length > 0) throw new DictionaryError(problems);
  return compile(entries, trie);
}

// One call that turns dictionary files into the compiled form the classifier uses.
import { compile, type CompiledDictionary } from './compile.js';
import { loadDictionaries } from './load.js';
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
}

/** Loads and compiles; any invalid entry is an error, since a silently skipped entry hides findings. */
export function buildDictionary(options: DictionaryOptions = {}): CompiledDictionary {
  const { entries, problems } = loadDictionaries(options);
  if (problems.length > 0) throw new DictionaryError(problems);
  return compile(entries);
}

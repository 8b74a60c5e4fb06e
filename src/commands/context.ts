// What every command that classifies needs: the compiled dictionaries and a classifier that loads
// kuromoji only if a header needs it.
import { HeaderClassifier } from '../classify/classifier.js';
import { dictionaryCacheDir } from '../dictionary/cache.js';
import { buildDictionary, DictionaryError } from '../dictionary/index.js';
import { UsageError } from '../io.js';
import { MorphTokenizer } from '../tokenize/tokenizer.js';

/** With `env`, parsed dictionaries are cached in the user's cache dir (see dictionary/cache.ts). */
export function makeClassifier(options: { dictionaries?: string[]; disable?: string[]; env?: NodeJS.ProcessEnv } = {}): HeaderClassifier {
  try {
    const cacheDir = options.env ? dictionaryCacheDir(options.env) : undefined;
    return new HeaderClassifier(buildDictionary({ extra: options.dictionaries, disable: options.disable, cacheDir }), new MorphTokenizer(undefined, cacheDir));
  } catch (error) {
    if (error instanceof DictionaryError) throw new UsageError(`invalid dictionary: ${error.problems.length} problem(s); run "kojin dict check" on it. First: ${error.message.split('\n')[0]}`);
    throw error;
  }
}

// What every command that classifies needs: the compiled dictionaries and a classifier that loads
// kuromoji only if a header needs it.
import { HeaderClassifier } from '../classify/classifier.js';
import { buildDictionary, DictionaryError } from '../dictionary/index.js';
import { UsageError } from '../io.js';
import { MorphTokenizer } from '../tokenize/tokenizer.js';

export function makeClassifier(options: { dictionaries?: string[]; disable?: string[] } = {}): HeaderClassifier {
  try {
    return new HeaderClassifier(buildDictionary({ extra: options.dictionaries, disable: options.disable }), new MorphTokenizer());
  } catch (error) {
    if (error instanceof DictionaryError) throw new UsageError(`invalid dictionary: ${error.problems.length} problem(s); run "kojin dict check" on it. First: ${error.message.split('\n')[0]}`);
    throw error;
  }
}

// `kojin dict check <file...>`: validate dictionaries and run their examples against the built-in
// dictionaries plus the checked ones.
import { contextOf } from '../classify/context.js';
import { HeaderClassifier } from '../classify/classifier.js';
import { compile } from '../dictionary/compile.js';
import { loadDictionaries, loadDictionaryFile } from '../dictionary/load.js';
import type { DictionaryEntry } from '../dictionary/schema.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { MorphTokenizer } from '../tokenize/tokenizer.js';

export interface ExampleFailure {
  entry: DictionaryEntry;
  header: string;
  expected: 'match' | 'nomatch';
  got: string;
}

export async function dictCheckCommand(files: string[], io: CliIO): Promise<number> {
  if (files.length === 0) throw new UsageError('dict check: give one or more dictionary files (YAML or CSV)');
  let problems = 0;
  for (const file of files) {
    const result = loadDictionaryFile(file);
    for (const p of result.problems) io.stderr(`${p.origin}${p.id ? ` (${p.id})` : ''}: ${p.message}\n`);
    problems += result.problems.length;
  }
  if (problems > 0) {
    io.stderr(`kojin: ${problems} problem(s) in ${files.length} file(s)\n`);
    return 2;
  }
  const { entries } = loadDictionaries({ extra: files });
  const checked = new Set(files.flatMap((f) => loadDictionaryFile(f).entries.map((e) => e.id)));
  const failures = await checkExamples(entries, (e) => checked.has(e.id));
  for (const f of failures) io.stderr(`${f.entry.origin} (${f.entry.id}): example "${f.header}" should ${f.expected === 'match' ? '' : 'not '}classify through this entry as ${f.entry.category}; got ${f.got}\n`);
  const total = entries.filter((e) => checked.has(e.id)).length;
  io.stdout(`${total} entr${total === 1 ? 'y' : 'ies'} valid; ${failures.length} example(s) failed\n`);
  return failures.length > 0 ? 1 : 0;
}

/**
 * Runs entries' examples. For an entry that names what a field is (a fixed head with a category),
 * `match` means the header classifies as the entry's category with the entry among its matched
 * words, and `nomatch` that it does not. For structural entries (roles, neutral heads, neutral
 * words), which decide through other words, `match` means the entry takes part at all. An entry
 * with a context is tried as in a file that holds the fields its context names.
 */
export async function checkExamples(entries: DictionaryEntry[], select: (e: DictionaryEntry) => boolean = () => true): Promise<ExampleFailure[]> {
  const classifier = new HeaderClassifier(compile(entries), new MorphTokenizer());
  const failures: ExampleFailure[] = [];
  for (const entry of entries.filter(select)) {
    const structural = entry.role !== undefined || entry.head === 'inherit' || entry.category === 'unknown';
    const context = entry.context ? contextOf(entry.context) : undefined;
    const holds = async (header: string) => {
      const r = await classifier.classify(header, context);
      const through = mentions(r, entry.id);
      return { ok: structural ? through : through && r.category === entry.category, got: `${r.category}/${r.subcategory ?? '-'}${through ? '' : ' without this entry'}` };
    };
    for (const header of entry.examples?.match ?? []) {
      const { ok, got } = await holds(header);
      if (!ok) failures.push({ entry, header, expected: 'match', got });
    }
    for (const header of entry.examples?.nomatch ?? []) {
      const { ok, got } = await holds(header);
      if (ok) failures.push({ entry, header, expected: 'nomatch', got });
    }
  }
  return failures;
}

function mentions(result: { reasons: { entry?: string }[]; parts?: { reasons: { entry?: string }[] }[] }, id: string): boolean {
  return result.reasons.some((r) => r.entry === id) || (result.parts ?? []).some((p) => mentions(p, id));
}


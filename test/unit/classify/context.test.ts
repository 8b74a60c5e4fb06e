// Entries with a context: a word read one way only in a file that holds other fields of a kind.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeaderClassifier } from '../../../src/classify/classifier.js';
import { changedInContext, contextReason, fileContext, MIN_CONTEXT_FIELDS } from '../../../src/classify/context.js';
import { checkExamples } from '../../../src/commands/dict.js';
import { buildDictionary } from '../../../src/dictionary/index.js';
import { loadDictionaries, parseCsvDictionary, parseYamlDictionary } from '../../../src/dictionary/load.js';
import { classifyInFiles } from '../../../src/evaluate.js';
import { DEFAULT_LIMITS } from '../../../src/read/types.js';
import { scanPath } from '../../../src/scan.js';
import { MorphTokenizer } from '../../../src/tokenize/tokenizer.js';
import type { Category } from '../../../src/types.js';

// A made-up word, so these tests hold whatever the built-in dictionaries say.
const USER_DICTIONARY = `
- id: user.zorblat_in_medical_file
  term: zorblat
  category: sensitive
  subcategory: medical
  weight: 0.95
  context: [sensitive/medical]
  examples: {match: [zorblat_date], nomatch: [store_name]}
`;

let dir: string;
let classifier: HeaderClassifier;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kojin-context-'));
  writeFileSync(join(dir, 'user.yaml'), USER_DICTIONARY);
  classifier = new HeaderClassifier(buildDictionary({ extra: [join(dir, 'user.yaml')] }), new MorphTokenizer());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const field = (category: Category, subcategory: string | null) => ({ category, subcategory });

describe('fileContext', () => {
  const kinds = new Set(['sensitive/medical', 'personal']);

  it('holds the kinds that at least MIN_CONTEXT_FIELDS fields have, by category or category/subcategory', () => {
    expect(MIN_CONTEXT_FIELDS).toBe(2);
    const context = fileContext([field('sensitive', 'medical'), field('sensitive', 'medical'), field('personal', 'name'), field('none', 'date')], kinds);
    expect(context?.key).toBe('sensitive/medical');
    expect([...(context?.kinds ?? [])]).toEqual(['sensitive/medical']);
    expect(context?.counts.get('sensitive/medical')).toBe(2);
  });

  it('is undefined below the threshold, and counts only the kinds some entry asks for', () => {
    expect(fileContext([field('sensitive', 'medical'), field('personal', 'name')], kinds)).toBeUndefined();
    expect(fileContext([field('sensitive', 'medical'), field('sensitive', 'medical')], new Set())).toBeUndefined();
    expect(fileContext([field('sensitive', 'criminal'), field('sensitive', 'criminal')], kinds)).toBeUndefined();
  });

  it('names a set of kinds the same way whatever the order of the fields', () => {
    const a = fileContext([field('personal', 'name'), field('sensitive', 'medical'), field('personal', 'contact'), field('sensitive', 'medical')], kinds);
    const b = fileContext([field('sensitive', 'medical'), field('personal', 'contact'), field('sensitive', 'medical'), field('personal', 'name')], kinds);
    expect(a?.key).toBe('personal,sensitive/medical');
    expect(b?.key).toBe(a?.key);
  });

  it('gives a reason that names the kinds and counts, in both languages', () => {
    const context = fileContext([field('sensitive', 'medical'), field('sensitive', 'medical'), field('sensitive', 'medical')], kinds)!;
    const reason = contextReason(context);
    expect(reason.rule).toBe('context');
    expect(reason.tokens).toEqual(['sensitive/medical ×3']);
    expect(changedInContext(field('none', 'date'), field('sensitive', 'medical'))).toBe(true);
    expect(changedInContext(field('none', 'date'), field('none', 'date'))).toBe(false);
  });
});

describe('a contextual entry', () => {
  const medical = { key: 'sensitive/medical', kinds: new Set(['sensitive/medical']) };

  it('does not apply without its context, and applies with it', async () => {
    const plain = await classifier.classify('zorblat_date');
    expect(plain.category).not.toBe('sensitive');
    expect(plain.reasons.some((r) => r.entry === 'user.zorblat_in_medical_file')).toBe(false);
    const read = await classifier.classify('zorblat_date', medical);
    expect(read.category).toBe('sensitive');
    expect(read.reasons.some((r) => r.entry === 'user.zorblat_in_medical_file')).toBe(true);
    // Another context does not switch it on, and the plain result is cached apart from it.
    expect((await classifier.classify('zorblat_date', { key: 'personal', kinds: new Set(['personal']) })).category).toBe(plain.category);
    expect(await classifier.classify('zorblat_date')).toBe(plain);
  });

  it('is chosen over a plain entry of the same word only in its context', async () => {
    // "cause" is a reason word; the built-in medical-file entry reads it as the cause of a death.
    const builtIn = new HeaderClassifier(buildDictionary(), new MorphTokenizer());
    expect((await builtIn.classify('cause_concept_id')).category).toBe('none');
    expect((await builtIn.classify('cause_concept_id', medical)).category).toBe('sensitive');
  });

  it('is read in a scanned file with enough fields of its kind, and only there', async () => {
    writeFileSync(join(dir, 'clinic.csv'), 'patient_name,email,diagnosis,prescription,zorblat_date\nP1,x,y,z,2024-01-01\n');
    writeFileSync(join(dir, 'shop.csv'), 'store_name,diagnosis,zorblat_date\nS1,x,2024-01-01\n');
    const options = { classifier, sample: 10, allRows: false, limits: DEFAULT_LIMITS };
    const clinic = (await scanPath(join(dir, 'clinic.csv'), options)).tables[0].fields;
    const zorblat = clinic.find((f) => f.name === 'zorblat_date')!;
    expect(zorblat.category).toBe('sensitive');
    expect(zorblat.reasons[0].rule).toBe('context');
    // The reason names the kind its entry asked for, not every kind the file has (personal ×2 too).
    expect(zorblat.reasons[0].tokens).toEqual(['sensitive/medical ×2']);
    // The fields that made the context are unchanged, and carry no context reason.
    expect(clinic.filter((f) => f.reasons.some((r) => r.rule === 'context')).map((f) => f.name)).toEqual(['zorblat_date']);
    // One medical field is not enough.
    const shop = (await scanPath(join(dir, 'shop.csv'), options)).tables[0].fields;
    expect(shop.find((f) => f.name === 'zorblat_date')!.category).not.toBe('sensitive');
  });

  it('is shown by explain: what the header is in a file of its kind', async () => {
    const { renderExplanation } = await import('../../../src/commands/explain.js');
    const e = await classifier.explain('zorblat_date');
    expect(e.result.category).not.toBe('sensitive');
    expect(e.inContext?.kinds).toEqual(['sensitive/medical']);
    expect(e.inContext?.result.category).toBe('sensitive');
    expect(renderExplanation(e)).toContain('In a file that also has at least 2 sensitive/medical fields: sensitive/medical');
    // A header no contextual entry touches has no such line.
    expect((await classifier.explain('氏名')).inContext).toBeUndefined();
  });

  it('is read with the other rows of its source when a corpus is measured', async () => {
    const rows = [
      { header: 'diagnosis', category: 'sensitive' as const, subcategory: 'medical', source: 'a.sql' },
      { header: 'prescription', category: 'sensitive' as const, subcategory: 'medical', source: 'a.sql' },
      { header: 'zorblat_date', category: 'sensitive' as const, subcategory: 'medical', source: 'a.sql' },
      { header: 'zorblat_date', category: 'none' as const, subcategory: 'date', source: 'b.sql' },
      { header: 'diagnosis', category: 'sensitive' as const, subcategory: 'medical', source: 'b.sql' },
      { header: 'zorblat_date', category: 'none' as const, subcategory: 'date' },
    ];
    const results = await classifyInFiles(rows, classifier);
    expect(results.map((r) => r.category === 'sensitive')).toEqual([true, true, true, false, true, false]);
  });
});

describe('dictionaries with a context', () => {
  it('accept context in YAML and in a CSV column, and reject kinds that are not categories', () => {
    expect(parseYamlDictionary(USER_DICTIONARY, 'u.yaml').entries[0].context).toEqual(['sensitive/medical']);
    const csv = parseCsvDictionary('term,category,subcategory,context\nzorblat,sensitive,medical,sensitive/medical|personal\n', 'u.csv');
    expect(csv.problems).toEqual([]);
    expect(csv.entries[0].context).toEqual(['sensitive/medical', 'personal']);
    const bad = parseYamlDictionary(USER_DICTIONARY.replace('[sensitive/medical]', '[medical]'), 'u.yaml');
    expect(bad.problems.map((p) => p.message)).toEqual(['context must be a non-empty list of categories or category/subcategory pairs (sensitive/medical)']);
  });

  it('run their examples as in a file of that kind', async () => {
    const { entries } = loadDictionaries({ extra: [join(dir, 'user.yaml')] });
    expect(await checkExamples(entries, (e) => e.id === 'user.zorblat_in_medical_file')).toEqual([]);
    // Every built-in contextual entry's examples hold too (dictionaries.test.ts runs them all).
    expect(entries.filter((e) => e.context && e.id.startsWith('user.')).length).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkExamples } from '../../../src/commands/dict.js';
import { compile, indexedSurfaces } from '../../../src/dictionary/compile.js';
import { builtinDictionaryDir, builtinDictionaryFiles, loadDictionaries, parseCsvDictionary, parseYamlDictionary } from '../../../src/dictionary/load.js';
import { hasKanji, parseReadings, readReadings, withReadings } from '../../../src/dictionary/readings.js';
import { surfacesOf } from '../../../src/dictionary/schema.js';
import { surfaceKey } from '../../../src/tokenize/normalize.js';

const { entries, problems } = loadDictionaries();

describe('built-in dictionaries', () => {
  it('load without problems', () => {
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThan(30);
  });

  it('give every entry a category, subcategory and at least one alias or reading', () => {
    for (const e of entries) {
      expect(e.category, e.id).toBeTruthy();
      expect(e.subcategory, e.id).toBeTruthy();
    }
  });

  it('never index one surface under two entries (an ambiguity the segmenter would settle silently)', () => {
    // An entry with a context is meant to share its words with a plain one: it is another reading
    // of them in one kind of file (src/classify/context.ts), chosen openly, so it is left out here.
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries.filter((entry) => !entry.context)) {
      for (const surface of indexedSurfaces(e)) {
        const key = surfaceKey(surface);
        const prev = owner.get(key);
        if (prev && prev !== e.id) clashes.push(`${key}: ${prev} / ${e.id}`);
        else owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('have a line in readings.tsv for every kanji spelling, and none for spellings since removed (npm run readings)', () => {
    const listed = [...readReadings(builtinDictionaryDir()).keys()].sort();
    const spelled = [...new Set(loadDictionaries().entries.flatMap((e) => surfacesOf(e)).filter(hasKanji))].sort();
    expect(listed).toEqual(spelled);
  });

  it('index the romaji of a kanji alias from its listed reading, and nothing without one', () => {
    const entry = { id: 't.surgery', term: '手術歴', aliases: { ja: ['手術'] }, category: 'sensitive' as const, subcategory: 'medical', weight: 0.9 };
    expect(indexedSurfaces(entry)).not.toContain('syujyutu');
    const [withReading] = withReadings([entry], parseReadings('手術\tシュジュツ\n手術歴\t\n'));
    expect(indexedSurfaces(withReading)).toEqual(expect.arrayContaining(['shujutsu', 'syuzyutu', 'syujyutu']));
  });

  it('cover every subcategory of the taxonomy', () => {
    const taxonomy = {
      my_number: ['individual_number'],
      sensitive: ['race', 'creed', 'social_status', 'medical', 'health_checkup', 'disability', 'criminal', 'union', 'family_origin', 'domicile', 'sex_life', 'biometric', 'genetic'],
      personal: ['name', 'address', 'postal_code', 'birth_date', 'age', 'gender', 'contact', 'gov_id', 'resident_id', 'customer_id', 'employee_id', 'student_id', 'member_id', 'financial_account', 'financial_profile', 'employment', 'education', 'family', 'online_id', 'credential', 'location', 'image', 'communication', 'nationality'],
      none: ['code', 'period', 'date', 'amount', 'flag', 'corporate', 'record_meta'],
    };
    const have = new Set(entries.map((e) => `${e.category}/${e.subcategory}`));
    const missing = Object.entries(taxonomy).flatMap(([c, subs]) => subs.map((s) => `${c}/${s}`)).filter((k) => !have.has(k));
    expect(missing).toEqual([]);
  });

  it("pass every entry's own examples", async () => {
    const failures = await checkExamples(entries);
    expect(failures.map((f) => `${f.entry.id}: "${f.header}" should ${f.expected} (got ${f.got})`)).toEqual([]);
  });

  it('are data files, one per category plus non-personal and lexicon', () => {
    const names = builtinDictionaryFiles().map((f) => f.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['my-number.yaml', 'sensitive.yaml', 'personal.yaml', 'non-personal.yaml']));
    for (const file of builtinDictionaryFiles()) expect(readFileSync(file, 'utf8')).toMatch(/^#/);
  });
});

describe('dictionary loading', () => {
  it('names the line and entry of a problem', () => {
    const result = parseYamlDictionary('- id: ok.one\n  term: 氏名\n  category: personal\n  subcategory: name\n- id: bad\n  term: x\n  category: secret\n  subcategory: y\n', 'user.yaml');
    expect(result.entries.map((e) => e.id)).toEqual(['ok.one']);
    expect(result.problems).toEqual([{ origin: 'user.yaml:5', id: 'bad', message: expect.stringContaining('category must be one of') }]);
  });

  it('reports invalid YAML with its line', () => {
    const result = parseYamlDictionary('- id: a\n  term: [unclosed\n', 'broken.yaml');
    expect(result.problems[0].origin).toMatch(/^broken\.yaml:\d+$/);
    expect(result.problems[0].message).toMatch(/invalid YAML/);
  });

  it('reads CSV dictionaries for spreadsheet users', () => {
    const csv = 'term,reading,category,subcategory,weight,aliases,exclude\n社内ID,シャナイアイディー,personal,employee_id,0.9,shanai id|staff key,\n';
    const result = parseCsvDictionary(csv, 'user.csv');
    expect(result.problems).toEqual([]);
    expect(result.entries[0]).toMatchObject({ term: '社内ID', category: 'personal', subcategory: 'employee_id', aliases: { ja: ['shanai id', 'staff key'] } });
  });

  it('lets a user dictionary add a term and a disabled id switch a built-in off', async () => {
    const user = parseYamlDictionary('- id: user.shain_key\n  term: 社員キー\n  category: personal\n  subcategory: employee_id\n', 'u.yaml').entries;
    const withUser = compile([...entries, ...user]);
    const { HeaderClassifier } = await import('../../../src/classify/classifier.js');
    expect((await new HeaderClassifier(withUser).classify('社員キー')).category).toBe('personal');
    const without = compile(entries.filter((e) => e.id !== 'personal.gender'));
    expect((await new HeaderClassifier(without).classify('性別')).category).toBe('unknown');
  });
});

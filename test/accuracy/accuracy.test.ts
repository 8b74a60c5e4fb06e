// Accuracy on the labelled corpora in test/fixtures/corpus. The figures are printed on every run;
// the README quotes them. Run alone with:  npx vitest run test/accuracy
//
// - headers-dev.tsv: the 325 headers of ../shared/corpus.
// - headers.tsv: the headers gathered from public material (audited against the taxonomy; see
//   its README), more than 3,000.
// The foundation issue's floors must hold on each and on both together. The dictionaries issue's
// targets (sensitive and personal recall ≥ 0.95 …) must hold on the gathered corpus and on both
// together (the gathered one grew from the 325, so both is the corpus at its widest); the
// 325 alone are printed. Rows of one source are read as one file (src/evaluate.ts classifyInFiles).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HeaderClassifier } from '../../src/classify/classifier.js';
import { buildDictionary } from '../../src/dictionary/index.js';
import { evaluate, formatMetrics, parseCorpus, type LabelledHeader, type Metrics } from '../../src/evaluate.js';
import { MorphTokenizer } from '../../src/tokenize/tokenizer.js';

const DEV = 'test/fixtures/corpus/headers-dev.tsv';
const GATHERED = 'test/fixtures/corpus/headers.tsv';
const HOLDOUT = 'test/fixtures/corpus/holdout.tsv';

let classifier: HeaderClassifier;
beforeAll(() => {
  classifier = new HeaderClassifier(buildDictionary(), new MorphTokenizer());
});

const corpus = (path: string) => parseCorpus(readFileSync(path, 'utf8'));

async function measure(name: string, items: LabelledHeader[]): Promise<Metrics> {
  const metrics = await evaluate(items, classifier);
  console.log(formatMetrics(name, metrics));
  return metrics;
}

function expectFoundationFloors(m: Metrics): void {
  expect(m.recall.my_number).toBe(1);
  expect(m.precision.my_number).toBeGreaterThanOrEqual(0.98);
  expect(m.recall.sensitive).toBeGreaterThanOrEqual(0.9);
  expect(m.recall.personal).toBeGreaterThanOrEqual(0.9);
  expect(m.noneFlagged).toBeLessThanOrEqual(0.05);
}

describe('accuracy on labelled real-world headers', () => {
  it('has a gathered corpus of real headers in every script and casing, a third of them non-personal', () => {
    const items = corpus(GATHERED);
    expect(new Set(items.map((i) => i.header)).size).toBeGreaterThanOrEqual(2000);
    expect(items.filter((i) => i.category === 'none').length / items.length).toBeGreaterThanOrEqual(1 / 3);
    const some = (test: RegExp) => items.filter((i) => test.test(i.header)).length;
    expect(some(/[\u4E00-\u9FFF]/u), 'kanji').toBeGreaterThan(100);
    expect(some(/^[a-z0-9_]+$/), 'snake_case / lower').toBeGreaterThan(100);
    expect(some(/^[A-Z0-9_-]+$/), 'UPPER').toBeGreaterThan(50);
    expect(some(/[a-z][A-Z]/), 'camelCase').toBeGreaterThan(20);
    expect(some(/[\uFF01-\uFF5E]/u), 'full-width Latin').toBeGreaterThan(20);
    expect(some(/[\uFF65-\uFF9F]/u), 'half-width katakana').toBeGreaterThan(50);
  });

  it('holds the foundation floors on the development corpus', async () => {
    const items = corpus(DEV);
    expect(items.length).toBe(325);
    expectFoundationFloors(await measure(DEV, items));
  });

  it('holds the foundation floors on the gathered corpus and on both together', async () => {
    expectFoundationFloors(await measure(GATHERED, corpus(GATHERED)));
    expectFoundationFloors(await measure('both corpora', [...corpus(DEV), ...corpus(GATHERED)]));
  });

  it('holds the dictionaries issue’s targets on the gathered corpus and on both corpora together', async () => {
    for (const [name, items] of [
      [GATHERED, corpus(GATHERED)],
      ['both corpora', [...corpus(DEV), ...corpus(GATHERED)]],
    ] as const) {
      const m = await measure(name, items);
      expect(m.recall.my_number, name).toBe(1);
      expect(m.precision.my_number, name).toBeGreaterThanOrEqual(0.99);
      expect(m.recall.sensitive, name).toBeGreaterThanOrEqual(0.95);
      expect(m.precision.sensitive, name).toBeGreaterThanOrEqual(0.9);
      expect(m.recall.personal, name).toBeGreaterThanOrEqual(0.95);
      expect(m.precision.personal, name).toBeGreaterThanOrEqual(0.93);
      expect(m.noneFlagged, name).toBeLessThanOrEqual(0.03);
      expect(m.unknownRate, name).toBeLessThan(0.05);
    }
  });

  it('prints the held-out set apart and holds it at today’s level (it is never tuned on: HOLDOUT.md)', async () => {
    const items = corpus(HOLDOUT);
    expect(items.length).toBeGreaterThanOrEqual(400);
    // Held out: no header of it is in the corpora the dictionaries were grown from.
    const known = new Set([...corpus(DEV), ...corpus(GATHERED)].map((i) => i.header));
    expect(items.filter((i) => known.has(i.header))).toEqual([]);
    const m = await measure(`${HOLDOUT} (held out)`, items);
    // Floors at the level measured when it was gathered (2026-11-22), so it cannot slip back
    // unnoticed; they are far below the targets, which it does not meet.
    expect(m.recall.sensitive).toBeGreaterThanOrEqual(0.45);
    expect(m.recall.personal).toBeGreaterThanOrEqual(0.8);
    expect(m.noneFlagged).toBeLessThanOrEqual(0.08);
  });
});

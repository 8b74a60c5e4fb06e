// Accuracy floors on the labelled corpora in test/fixtures/corpus. The figures are printed so a run
// shows where the classifier stands; the README quotes them with this command:
//   npx vitest run test/accuracy
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HeaderClassifier } from '../../src/classify/classifier.js';
import { buildDictionary } from '../../src/dictionary/index.js';
import { evaluate, formatMetrics, parseCorpus, type Metrics } from '../../src/evaluate.js';
import { MorphTokenizer } from '../../src/tokenize/tokenizer.js';

const DEV = 'test/fixtures/corpus/headers-dev.tsv';
const MAIN = 'test/fixtures/corpus/headers.tsv';

let classifier: HeaderClassifier;
beforeAll(() => {
  classifier = new HeaderClassifier(buildDictionary(), new MorphTokenizer());
});

async function measureFile(path: string): Promise<Metrics> {
  const items = parseCorpus(readFileSync(path, 'utf8'));
  const metrics = await evaluate(items, classifier);
  console.log(formatMetrics(path, metrics));
  return metrics;
}

describe('accuracy on the labelled corpora', () => {
  it('meets the foundation floors on the combined corpus (≥ 500 headers)', async () => {
    const items = [DEV, MAIN].filter(existsSync).flatMap((p) => parseCorpus(readFileSync(p, 'utf8')));
    expect(items.length).toBeGreaterThanOrEqual(500);
    const nonPersonal = items.filter((i) => i.category === 'none').length;
    expect(nonPersonal / items.length).toBeGreaterThanOrEqual(1 / 3);
    const m = await evaluate(items, classifier);
    console.log(formatMetrics('combined corpus', m));
    expect(m.recall.my_number).toBe(1);
    expect(m.precision.my_number).toBeGreaterThanOrEqual(0.98);
    expect(m.recall.sensitive).toBeGreaterThanOrEqual(0.9);
    expect(m.recall.personal).toBeGreaterThanOrEqual(0.9);
    expect(m.noneFlagged).toBeLessThanOrEqual(0.05);
  });

  it('prints the figures of each corpus', async () => {
    for (const path of [DEV, MAIN].filter(existsSync)) {
      const m = await measureFile(path);
      expect(m.total).toBeGreaterThan(0);
    }
  });
});

// Start-up: when the dictionaries segment every header, kuromoji (~0.7 s, ~360 MB) is never loaded.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeaderClassifier } from '../../../src/classify/classifier.js';
import { buildDictionary } from '../../../src/dictionary/index.js';
import { DEFAULT_LIMITS } from '../../../src/read/types.js';
import { scanPath } from '../../../src/scan.js';
import { MorphTokenizer } from '../../../src/tokenize/tokenizer.js';

describe('kuromoji stays unloaded', () => {
  it('when scanning samples/values/*.csv', async () => {
    const dir = join(import.meta.dirname, '../../../samples/values');
    const files = readdirSync(dir).filter((n) => n.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(3);
    const morph = new MorphTokenizer();
    const classifier = new HeaderClassifier(buildDictionary(), morph);
    for (const file of files) {
      const report = await scanPath(join(dir, file), { classifier, sample: 200, allRows: false, limits: DEFAULT_LIMITS });
      expect(report.error, file).toBeUndefined();
      expect(report.tables[0].fields.length, file).toBeGreaterThan(0);
    }
    expect(morph.loaded).toBe(false);
  });
});

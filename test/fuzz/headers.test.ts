// Property: any header string — combining marks, lone surrogates, RTL and bidi controls, emoji
// sequences, control characters, 10,000-character headers — is normalised and classified without
// throwing, and reaches the classifier through the CSV and JSON readers as a field name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/tokenize/normalize.js';
import { classifier, RUNS, scanBytes, testTimeout, withTimeout } from './helpers.js';

const ODD = [
  '\u0301', '\u0308', '\u3099', '\u309A', // combining marks (acute, diaeresis, dakuten, handakuten)
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // lone surrogates
  '\u202E', '\u202D', '\u200F', '\u200E', '\u2067', '\u2069', // bidi controls
  'مرحبا', 'שלום', // RTL text
  '👩‍👩‍👧‍👦', '🇯🇵', '👍🏽', '\uFE0F', '\u200D', // emoji and joiners
  '\uFEFF', '\u0000', '\u0007', '\u00A0', '\u3000', '\t', '\n', '"', ',',
  '氏名', 'マイナンバー', '個人番号', 'ﾏｲﾅﾝﾊﾞｰ', 'ＭｙＮｕｍｂｅｒ', '①', '㈱', '髙', '𠮷', '_', '-', '(', ')', '（', '）',
];

const header = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((p) => p.join('')),
);

const long = fc.constantFrom(...ODD).map((piece) => piece.repeat(Math.ceil(10_000 / piece.length)).slice(0, 10_000));

const params = { numRuns: RUNS };

describe('fuzz: header normaliser and classifier', () => {
  it('normalize never throws', () => {
    fc.assert(fc.property(header, (h) => void normalize(h)), params);
  });

  it('classify resolves with a category for any header', async () => {
    await fc.assert(
      fc.asyncProperty(header, async (h) => {
        const result = await withTimeout(classifier.classify(h));
        expect(['my_number', 'sensitive', 'personal', 'none', 'unknown']).toContain(result.category);
      }),
      params,
    );
  }, testTimeout());

  it('10,000-character headers are classified within the time bound', async () => {
    await fc.assert(
      fc.asyncProperty(long, async (h) => {
        normalize(h);
        await withTimeout(classifier.classify(h));
      }),
      { numRuns: Math.min(RUNS, 20) },
    );
  }, testTimeout(1000));

  it('headers reach the classifier through the CSV (UTF-8 and UTF-16) and JSON readers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(header, { minLength: 1, maxLength: 6 }), fc.constantFrom('csv8', 'csv16', 'json'), async (headers, how) => {
        const quoted = headers.map((h) => `"${h.replace(/"/g, '""')}"`).join(',');
        const csv = `${quoted}\n${headers.map((_, i) => `v${i}`).join(',')}\n`;
        if (how === 'json') await scanBytes('x.json', Buffer.from(JSON.stringify([Object.fromEntries(headers.map((h, i) => [h, i]))])));
        else await scanBytes('x.csv', how === 'csv8' ? Buffer.from(csv) : Buffer.from(`\uFEFF${csv}`, 'utf16le'));
      }),
      params,
    );
  }, testTimeout());

  it('a 10,000-character header in a CSV file', async () => {
    await fc.assert(fc.asyncProperty(long, async (h) => void (await scanBytes('x.csv', Buffer.from(`"${h.replace(/"/g, '""')}",b\n1,2\n`)))), { numRuns: Math.min(RUNS, 10) });
  }, testTimeout(1000));
});

describe('regressions found by fuzzing', () => {
  it('a lone surrogate no longer makes kuromoji throw (TypeError in DoubleArray.commonPrefixSearch)', async () => {
    for (const h of ['\uDBFF', '氏名\uD800', '\uDC00の番号', 'a\uDFFFb']) {
      const result = await classifier.classify(h);
      expect(result.category).toBeTypeOf('string');
    }
    // JSON escapes reach the classifier as lone surrogates (a UTF-16 file refuses them as invalid text).
    const report = await scanBytes('x.json', Buffer.from('[{"\\udbff\\udbff": 1, "氏名": "a"}]'));
    expect(report.error).toBeUndefined();
    expect(report.tables[0].fields.map((f) => f.name)).toContain('\uDBFF\uDBFF');
  });

  it('10,000 combining marks, RTL letters or lone surrogates classify in linear time (was quadratic in kuromoji: ~50 s)', async () => {
    for (const piece of ['\u0301', 'مرحبا', '\uDBFF', '👍🏽']) {
      const started = Date.now();
      await withTimeout(classifier.classify(piece.repeat(10_000 / piece.length)));
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  }, 60_000);
});

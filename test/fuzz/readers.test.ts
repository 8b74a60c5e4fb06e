// Property: whatever bytes a reader is given — random, truncated or mutated copies of the valid
// samples, or text built from each format's own tokens — scanning returns a FileReport (perhaps
// with .error), never throws or rejects, and finishes within SCAN_TIMEOUT_MS.
// FUZZ_RUNS sets the runs per property (default 60; `npm run fuzz` runs 20,000).
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'vitest';
import { RUNS, sampleFiles, scanBytes, scanOptions, testTimeout } from './helpers.js';

/** Reader families and the names that reach them. */
const FAMILIES = {
  delimited: ['x.csv', 'x.tsv', 'x.tab', 'x.psv', 'x.txt', 'x.csv.gz'],
  layout: ['x.txt', 'x.md', 'x.markdown'],
  json: ['x.json', 'x.jsonl', 'x.ndjson'],
  ddl: ['x.sql', 'x.ddl'],
  xlsx: ['x.xlsx', 'x.xlsm', 'x.xls'],
  parquet: ['x.parquet'],
} as const;
type Family = keyof typeof FAMILIES;

const familyOf = (name: string): Family => {
  const n = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(json|jsonl|ndjson)$/.test(n)) return 'json';
  if (/\.(sql|ddl)$/.test(n)) return 'ddl';
  if (/\.(xlsx|xlsm|xls)$/.test(n)) return 'xlsx';
  if (n.endsWith('.parquet')) return 'parquet';
  if (/\.(md|markdown)$/.test(n) || (n.endsWith('.txt') && n.includes('layout'))) return 'layout';
  return 'delimited';
};

const samples = sampleFiles();
const params = { numRuns: RUNS };

/** A copy of `bytes` cut short, with bytes flipped, inserted, deleted or duplicated. */
const mutated = (bytes: Buffer) =>
  fc
    .record({
      cut: fc.option(fc.nat({ max: bytes.length }), { nil: undefined }),
      edits: fc.array(
        fc.record({
          at: fc.nat({ max: Math.max(0, bytes.length - 1) }),
          op: fc.constantFrom('flip', 'set', 'insert', 'delete', 'repeat'),
          byte: fc.integer({ min: 0, max: 255 }),
          len: fc.integer({ min: 1, max: 64 }),
        }),
        { maxLength: 8 },
      ),
    })
    .map(({ cut, edits }) => {
      let out = Buffer.from(bytes);
      for (const e of edits) {
        const at = Math.min(e.at, Math.max(0, out.length - 1));
        if (e.op === 'flip' && out.length) out[at] ^= 1 << (e.byte % 8);
        else if (e.op === 'set' && out.length) out[at] = e.byte;
        else if (e.op === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.alloc(e.len, e.byte), out.subarray(at)]);
        else if (e.op === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + e.len)]);
        else if (e.op === 'repeat') out = Buffer.concat([out.subarray(0, at + e.len), out.subarray(at)]);
      }
      return cut === undefined ? out : out.subarray(0, Math.min(cut, out.length));
    });

describe('fuzz: random bytes under every reader', () => {
  for (const [family, names] of Object.entries(FAMILIES)) {
    it(`${family}: random bytes`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), fc.uint8Array({ maxLength: 4096 }), async (name, bytes) => {
          await scanBytes(name, name.endsWith('.gz') && bytes.length % 2 === 0 ? gzipSync(bytes) : bytes);
        }),
        params,
      );
    }, testTimeout());
  }
});

describe('fuzz: truncated and mutated copies of the samples', () => {
  const byFamily = new Map<Family, { name: string; bytes: Buffer }[]>();
  for (const s of samples) byFamily.set(familyOf(s.name), [...(byFamily.get(familyOf(s.name)) ?? []), s]);
  for (const [family, files] of byFamily) {
    it(`${family}: ${files.length} samples, cut and mutated`, async () => {
      const arb = fc.constantFrom(...files).chain((s) => fc.tuple(fc.constant(s.name), mutated(s.bytes)));
      await fc.assert(
        fc.asyncProperty(arb, fc.boolean(), async ([name, bytes], headersOnly) => {
          await scanBytes(name, bytes, scanOptions({}, headersOnly ? 0 : 50));
        }),
        params,
      );
    }, testTimeout(family === 'xlsx' ? 400 : 200));
  }
  it('gzip: mutated compressed bytes of a .csv.gz', async () => {
    const gz = samples.find((s) => s.name.endsWith('.csv.gz'))!;
    await fc.assert(fc.asyncProperty(mutated(gz.bytes), async (bytes) => void (await scanBytes('x.csv.gz', bytes))), params);
  }, testTimeout());
});

/** Text made of a format's own tokens, so the fuzzer reaches deep parser states quickly. */
const tokenText = (tokens: string[], maxLength = 200) => fc.array(fc.constantFrom(...tokens), { maxLength }).map((t) => t.join(''));

const CSV_TOKENS = ['"', '""', ',', ';', '|', '\t', '\n', '\r\n', '\r', "'", ' ', 'a', '氏名', '123456789012', '2020/01/01', '※', '（円）', '#', '\uFEFF', 'ｱ', '="1"', '\\'];
const MD_TOKENS = ['|', '---', ':--', '\n', ' ', '項目名', '桁数', '備考', 'X(10)', '9(5)', 'N', '#', '```', '<br>', '\\|', 'name', 'type'];
const SQL_TOKENS = ['CREATE TABLE ', 'INSERT INTO ', ' VALUES ', 'COMMENT ', "COMMENT ON COLUMN ", ' IS ', '(', ')', ',', ';', "'", "''", '"', '`', '[', ']', ' ', '\n', '--', '/*', '*/', 't', 'c', '氏名', 'VARCHAR(10)', 'NUMBER(12)', 'NOT NULL', 'PRIMARY KEY', '1', 'NULL', 'E\'', '$$', '.'];
const JSON_TOKENS = ['{', '}', '[', ']', ':', ',', '"', '"a"', '"氏名"', '1', '-1e999', 'true', 'null', '\n', ' ', '\\', '\\u', '\\ud800', '"\\"', '0.', '{"a":[', ']}'];

describe('fuzz: text built from each format\'s tokens', () => {
  const cases: [string, string[], string[]][] = [
    ['delimited', ['x.csv', 'x.tsv', 'x.txt', 'x.psv'], CSV_TOKENS],
    ['layout', ['x.md', 'x.txt'], MD_TOKENS],
    ['ddl', ['x.sql'], SQL_TOKENS],
    ['json', ['x.json', 'x.jsonl'], JSON_TOKENS],
  ];
  for (const [family, names, tokens] of cases) {
    it(`${family}: token soup`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), tokenText(tokens), fc.constantFrom('utf8', 'utf16le', 'latin1') as fc.Arbitrary<BufferEncoding>, async (name, text, enc) => {
          await scanBytes(name, Buffer.from(enc === 'utf16le' ? `\uFEFF${text}` : text, enc));
        }),
        params,
      );
    }, testTimeout());
  }
  it('json: any JSON value, as .json and as one .jsonl line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 8 }), fc.constantFrom('x.json', 'x.jsonl'), async (json, name) => {
        await scanBytes(name, Buffer.from(json));
      }),
      params,
    );
  }, testTimeout());
});

// A fingerprint of header classification, to show that a performance change changes no result:
// `node bench/result-hash.mjs [dist-dir] [--out file]` classifies a large generated set of headers
// (every dictionary term, reading and alias, alone and with owner prefixes, suffixes, bracket
// qualifiers, composite lists and Japanese residue that sends the header to kuromoji, plus the
// labelled corpora) and prints the count and the SHA-256 of every result's JSON (category,
// subcategory, confidence, reasons with their text, parts), and of `explain()` for every 97th
// header. Run it against two builds (e.g. a `git archive` of the starting commit, built with tsc)
// and compare the hashes; `--out` writes one line per header for a diff when they differ.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt === -1 ? undefined : args.splice(outAt, 2)[1];
const dist = resolve(args[0] ?? new URL('../dist', import.meta.url).pathname);
const load = (p) => import(pathToFileURL(`${dist}/${p}`).href);
const { buildDictionary } = await load('dictionary/index.js');
const { HeaderClassifier } = await load('classify/classifier.js');
const { MorphTokenizer } = await load('tokenize/tokenizer.js');
const dictionary = buildDictionary();
const classifier = new HeaderClassifier(dictionary, new MorphTokenizer());

const words = new Set();
for (const e of dictionary.entries) {
  for (const w of [e.term, e.reading, ...(e.readings ?? []), ...Object.values(e.aliases ?? {}).flat()]) if (w) words.add(w);
}
const corpus = [];
for (const file of ['headers-dev.tsv', 'headers.tsv', 'audit.tsv']) {
  const lines = readFileSync(new URL(`../test/fixtures/corpus/${file}`, import.meta.url), 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) if (line) corpus.push(line.split('\t')[0]);
}
const terms = [...words];
const prefixes = ['', '顧客', '会社', '旧', 'customer_', 'is_', '配偶者の', 'hhkn'];
const suffixes = ['', '（任意）', '_cd', '番号', 's', 'の好きな食べ物', 'Date'];
const headers = [...corpus];
const seen = new Set(headers);
const add = (h) => {
  if (!seen.has(h)) (seen.add(h), headers.push(h));
};
for (const t of terms) for (const p of prefixes) for (const s of suffixes) add(`${p}${t}${s}`);
// Composites and qualifiers: neighbouring terms in brackets.
for (let i = 0; i + 2 < terms.length; i++) {
  add(`${terms[i]}（${terms[i + 1]}、${terms[i + 2]}）`);
  add(`${terms[i]} (${terms[i + 1]})`);
  add(`[${terms[i + 2]}] ${terms[i]}`);
}

const all = createHash('sha256');
const explained = createHash('sha256');
const fd = out ? openSync(out, 'w') : undefined;
for (let i = 0; i < headers.length; i++) {
  const json = JSON.stringify(await classifier.classify(headers[i]));
  all.update(json + '\n');
  if (fd !== undefined) writeSync(fd, json + '\n');
  if (i % 97 === 0) explained.update(JSON.stringify(await classifier.explain(headers[i])) + '\n');
}
if (fd !== undefined) closeSync(fd);
process.stdout.write(JSON.stringify({ headers: headers.length, results: all.digest('hex'), explanations: explained.digest('hex') }) + '\n');

#!/usr/bin/env node
// Prints accuracy figures for the labelled corpora: node scripts/accuracy.mjs [--errors] [files...]
import { readFileSync } from 'node:fs';
import { buildDictionary, HeaderClassifier } from '../dist/index.js';
import { evaluate, formatMetrics, parseCorpus } from '../dist/evaluate.js';
import { MorphTokenizer } from '../dist/tokenize/tokenizer.js';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const files = args.filter((a) => !a.startsWith('--'));
const corpora = files.length ? files : ['test/fixtures/corpus/headers-dev.tsv', 'test/fixtures/corpus/headers.tsv'];
const classifier = new HeaderClassifier(buildDictionary(), new MorphTokenizer());
const all = [];
for (const file of corpora) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  const items = parseCorpus(text);
  all.push(...items);
  const metrics = await evaluate(items, classifier);
  console.log(formatMetrics(file, metrics));
  if (showErrors) for (const e of metrics.errors) console.log(`  ✗ ${e.header}\texpected ${e.expected}\tgot ${e.got}`);
}
// The corpora together, as the accuracy test also measures them.
if (!files.length) console.log(formatMetrics('both corpora', await evaluate(all, classifier)));
// The held-out set, apart: it measures how kojin generalises and is never tuned on (HOLDOUT.md).
const HOLDOUT = 'test/fixtures/corpus/holdout.tsv';
if (!files.length) {
  try {
    console.log(formatMetrics(`${HOLDOUT} (held out)`, await evaluate(parseCorpus(readFileSync(HOLDOUT, 'utf8')), classifier)));
  } catch {
    // no held-out set in this checkout
  }
}

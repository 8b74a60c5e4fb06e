// Baselines for bench/run.mjs, each run as its own process: a raw byte count with
// fs.createReadStream, and a plain csv-parse pass (the same options kojin's reader uses).
//   node bench/baseline.mjs raw <file>
//   node bench/baseline.mjs csv-parse <file>
//   node bench/baseline.mjs kuromoji        (kuromoji's own load: build the IPADIC tokenizer, tokenize once)
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse';

const [mode, file] = process.argv.slice(2);
let records = 0;
let bytes = 0;
if (mode === 'raw') {
  for await (const chunk of createReadStream(file)) bytes += chunk.length;
} else if (mode === 'csv-parse') {
  const parser = createReadStream(file).pipe(parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }));
  for await (const _ of parser) records++;
} else if (mode === 'kuromoji') {
  const require = createRequire(import.meta.url);
  const kuromoji = require('kuromoji');
  const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict') + '/';
  const tokenizer = await new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((e, t) => (e ? reject(e) : resolve(t))));
  records = tokenizer.tokenize('来店動機').length;
} else {
  throw new Error(`unknown baseline ${mode}`);
}
process.stdout.write(JSON.stringify({ bytes, records }) + '\n');

// `kojin classify`: header strings from arguments or standard input (one per line).
import { createInterface } from 'node:readline';
import { formatClassify } from '../formatters/index.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import type { Category } from '../types.js';
import { VERSION } from '../version.js';
import { makeClassifier } from './context.js';
import { parseFailOn, parseLang, useColor } from './options.js';

export interface ClassifyCommandOptions {
  stdin?: boolean;
  format?: string;
  failOn?: string;
  color?: boolean;
  lang?: string;
  dictionary?: string[];
}

export async function classifyCommand(headers: string[], options: ClassifyCommandOptions, io: CliIO): Promise<number> {
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format: classify prints table or json, got "${format}"`);
  const failOn: Category[] = parseFailOn(options.failOn) ?? [];
  const all = [...headers, ...(options.stdin ? await readLines(io) : [])];
  if (all.length === 0) throw new UsageError('classify: give header strings as arguments, or --stdin with one per line');
  const classifier = makeClassifier({ dictionaries: options.dictionary });
  const results = await classifier.classifyMany(all);
  io.stdout(await formatClassify(results, format, { lang: parseLang(options.lang, io.env), color: useColor(options.color, io), toolVersion: VERSION }));
  return results.some((r) => failOn.includes(r.category)) ? 1 : 0;
}

async function readLines(io: CliIO): Promise<string[]> {
  if (!io.stdin) return [];
  const lines: string[] = [];
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    const header = line.replace(/^\uFEFF/, '');
    if (header.trim() !== '') lines.push(header);
  }
  return lines;
}

// `kojin scan`: discover → read and classify each file → gate → format.
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { discover } from '../discover/index.js';
import { formatReport, isFormatName, FORMAT_NAMES, type FormatName } from '../formatters/index.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { SUPPORTED_EXTENSIONS } from '../read/index.js';
import { bufferSource } from '../read/source.js';
import { DEFAULT_LIMITS, type Limits } from '../read/types.js';
import { exitCode, findFailures } from '../report/gate.js';
import { buildReport } from '../report/summarize.js';
import { scanPath, scanSource, type ScanOptions } from '../scan.js';
import type { Category, FileReport } from '../types.js';
import { VERSION } from '../version.js';
import { makeClassifier } from './context.js';
import { parseCount, parseFailOn, parseLang, useColor } from './options.js';

/** Rows sampled per table by default: see README "Evidence from values" for why. */
export const DEFAULT_SAMPLE = 200;

export interface ScanCommandOptions {
  format?: string;
  failOn?: string;
  color?: boolean;
  lang?: string;
  sample?: string;
  allRows?: boolean;
  encoding?: string;
  output?: string;
  dictionary?: string[];
  stdinFormat?: string;
  maxLineBytes?: string;
  maxColumns?: string;
  maxUnpackedMb?: string;
  maxJsonDepth?: string;
}

export async function scanCommand(inputs: string[], options: ScanCommandOptions, io: CliIO): Promise<number> {
  const format = options.format ?? 'table';
  if (!isFormatName(format)) throw new UsageError(`--format: expected one of ${FORMAT_NAMES.join(', ')}, got "${format}"`);
  if (inputs.length === 0) throw new UsageError('scan: give at least one path, glob or - for standard input');
  const failOn: Category[] = parseFailOn(options.failOn) ?? (io.env.CI === 'true' ? ['my_number'] : []);
  const lang = parseLang(options.lang, io.env);
  const csvEncoding = options.encoding?.toLowerCase().replace('-', '_') === 'shift_jis' && format === 'csv' ? 'shift_jis' : 'utf-8';
  const scanOptions: ScanOptions = {
    classifier: makeClassifier({ dictionaries: options.dictionary }),
    sample: parseCount('--sample', options.sample, DEFAULT_SAMPLE),
    allRows: options.allRows === true,
    // For the csv format --encoding names the output encoding; otherwise it forces the input's.
    encoding: format === 'csv' ? undefined : options.encoding,
    limits: parseLimits(options),
  };

  const files = await scanInputs(inputs, scanOptions, io, options.stdinFormat);
  for (const file of files) if (file.error) io.stderr(`kojin: ${file.path}: ${file.error}\n`);
  const failures = findFailures(files, { failOn });
  const report = buildReport(VERSION, files, failures);
  const rendered = formatReport(report, format as FormatName, {
    lang,
    color: options.output ? false : useColor(options.color, io),
    encoding: csvEncoding,
    toolVersion: VERSION,
  });
  if (options.output) {
    await fs.writeFile(resolve(io.cwd, options.output), rendered);
    io.stderr(`kojin: report written to ${options.output}\n`);
  } else io.stdout(rendered);
  for (const failure of failures) {
    io.stderr(`kojin: FAIL ${failure.path}${failure.table ? ` [${failure.table}]` : ''}: field "${failure.field}" is ${failure.category}; declare it with a purpose in kojin.config.yaml or remove it\n`);
  }
  return exitCode(files, failures);
}

async function scanInputs(inputs: string[], options: ScanOptions, io: CliIO, stdinFormat?: string): Promise<FileReport[]> {
  const paths = inputs.filter((i) => i !== '-');
  const discovered = await discover(paths, { cwd: io.cwd, extensions: SUPPORTED_EXTENSIONS });
  const reports: FileReport[] = discovered.problems.map((p) => ({ path: p.input, tables: [], category: 'unknown', warnings: [], error: p.message }));
  for (const file of discovered.files) reports.push(await scanPath(resolveInput(io.cwd, file), options).then((r) => ({ ...r, path: file })));
  if (inputs.includes('-')) reports.push(await scanStdin(io, options, stdinFormat));
  return reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function scanStdin(io: CliIO, options: ScanOptions, stdinFormat = 'csv'): Promise<FileReport> {
  if (!io.stdin) return { path: '-', tables: [], category: 'unknown', warnings: [], error: 'no standard input' };
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return scanSource(bufferSource('-', `stdin.${stdinFormat}`, Buffer.concat(chunks)), options);
}

const resolveInput = (cwd: string, file: string) => resolve(cwd, file);

function parseLimits(options: ScanCommandOptions): Limits {
  return {
    maxLineBytes: parseCount('--max-line-bytes', options.maxLineBytes, DEFAULT_LIMITS.maxLineBytes, 1),
    maxColumns: parseCount('--max-columns', options.maxColumns, DEFAULT_LIMITS.maxColumns, 1),
    maxUnpackedBytes: parseCount('--max-unpacked-mb', options.maxUnpackedMb, DEFAULT_LIMITS.maxUnpackedBytes / 1024 / 1024, 1) * 1024 * 1024,
    maxJsonDepth: parseCount('--max-json-depth', options.maxJsonDepth, DEFAULT_LIMITS.maxJsonDepth, 1),
  };
}

// `kojin merge`: combines JSON reports (`kojin scan --format json`, e.g. one per `--shard K/N`) into
// one report in any format, with one exit code: 2 if any file had an error, 1 if there are failures,
// else 0. Files are sorted by path; the summary is recomputed; failures are the shards' own (each
// shard's gate already applied declarations and baselines), deduplicated, or recomputed from the
// merged fields with --fail-on.
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { isFormatName, FORMAT_NAMES } from '../formatters/index.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { exitCode, findFailures } from '../report/gate.js';
import { buildReport } from '../report/summarize.js';
import type { Failure, FileReport } from '../types.js';
import { VERSION } from '../version.js';
import { parseFailOn, parseLang } from './options.js';
import { writeReport } from './output.js';

export interface MergeCommandOptions {
  format?: string;
  failOn?: string;
  color?: boolean;
  lang?: string;
  encoding?: string;
  output?: string;
}

interface JsonReport {
  files: (FileReport & { fields?: unknown })[];
  summary?: { failures?: Failure[] };
}

export async function mergeCommand(inputs: string[], options: MergeCommandOptions, io: CliIO): Promise<number> {
  const format = options.format ?? 'table';
  if (!isFormatName(format)) throw new UsageError(`--format: expected one of ${FORMAT_NAMES.join(', ')}, got "${format}"`);
  if (inputs.length === 0) throw new UsageError('merge: give at least one JSON report (from kojin scan --format json)');
  const failOn = parseFailOn(options.failOn);
  const lang = parseLang(options.lang, io.env);
  const reports = await Promise.all(inputs.map((input) => readReport(resolve(io.cwd, input), input)));
  const { files, failures } = mergeReports(reports, failOn, (path) => io.stderr(`kojin: warning: ${path} appears in more than one report; the first is kept\n`));
  await writeReport(buildReport(VERSION, files, failures), { format, lang, color: options.color, encoding: options.encoding, output: options.output }, io);
  for (const file of files) if (file.error) io.stderr(`kojin: ${file.path}: ${file.error}\n`);
  return exitCode(files, failures);
}

/** Files sorted by path (the first of duplicates kept); failures unioned by fingerprint, or recomputed. */
export function mergeReports(reports: JsonReport[], failOn: FileReport['category'][] | undefined, duplicate: (path: string) => void = () => {}): { files: FileReport[]; failures: Failure[] } {
  const byPath = new Map<string, FileReport>();
  const shardFailures = new Map<string, Failure>();
  for (const report of reports) {
    for (const { fields: _flat, ...file } of report.files) {
      if (byPath.has(file.path)) duplicate(file.path);
      else byPath.set(file.path, file);
    }
    for (const failure of report.summary?.failures ?? []) if (!shardFailures.has(failure.fingerprint)) shardFailures.set(failure.fingerprint, failure);
  }
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (failOn) return { files, failures: findFailures(files, { failOn }) };
  // Only failures of files in the merged report, in the order findFailures gives (file, table, field).
  const order = new Map<string, number>();
  let n = 0;
  for (const file of files) for (const table of file.tables) for (const field of table.fields) order.set(failureKey(file.path, table.name, field.name), n++);
  const failures = [...shardFailures.values()]
    .filter((f) => order.has(failureKey(f.path, f.table, f.field)))
    .sort((a, b) => order.get(failureKey(a.path, a.table, a.field))! - order.get(failureKey(b.path, b.table, b.field))!);
  return { files, failures };
}

const failureKey = (path: string, table: string | undefined, field: string) => JSON.stringify([path, table ?? null, field]);

async function readReport(path: string, shown: string): Promise<JsonReport> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`merge: ${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`merge: ${shown}: not JSON; give reports written by kojin scan --format json`);
  }
  const files = (data as { files?: unknown })?.files;
  const valid =
    Array.isArray(files) &&
    files.every((f) => f !== null && typeof f === 'object' && typeof (f as FileReport).path === 'string' && Array.isArray((f as FileReport).tables));
  if (!valid) throw new UsageError(`merge: ${shown}: not a kojin JSON report (no files[] with path and tables)`);
  return data as JsonReport;
}

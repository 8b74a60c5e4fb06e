// `kojin scan`: discover → read and classify each file → gate → format.
import { promises as fs } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { discover, mayHoldMany } from '../discover/index.js';
import { isFormatName, FORMAT_NAMES, type FormatName } from '../formatters/index.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { SUPPORTED_EXTENSIONS } from '../read/index.js';
import { readStdin } from '../read/source.js';
import { DEFAULT_LIMITS, type Limits } from '../read/types.js';
import { DEFAULT_BASELINE_FILE, baselineCategories, buildBaseline, filterByBaseline, readBaseline, writeBaseline } from '../policy/baseline.js';
import { CONFIG_NAMES, displayPath, loadConfig, makeIgnorePredicate, type KojinConfig } from '../policy/config.js';
import { applyDeclarations, declarationSnippet, declarationWarnings } from '../policy/declarations.js';
import { exitCode, findFailures } from '../report/gate.js';
import { buildReport } from '../report/summarize.js';
import { defaultJobs, ScanPool, worthWorkers } from '../parallel/pool.js';
import { inShard, parseShard, type Shard } from '../parallel/shard.js';
import { Progress, progressWanted } from '../progress.js';
import { describeError, scanPath, scanSource, type ScanOptions } from '../scan.js';
import { HELPER_AFTER_BATCHES } from '../parallel/columns.js';
import { RANGE_DEFAULTS } from '../parallel/ranges.js';
import type { Category, FileReport } from '../types.js';
import { VERSION } from '../version.js';
import { makeClassifier } from './context.js';
import { parseCount, parseFailOn, parseLang } from './options.js';
import { writeReport } from './output.js';

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
  /** A config file instead of the one found walking up from the working directory. */
  config?: string;
  /** Stale declarations are errors (exit 2), not warnings. */
  strict?: boolean;
  /** Fail only on findings not in this baseline file. */
  baseline?: string;
  /** Write the current findings as a baseline and exit 0. */
  writeBaseline?: string;
  /** Worker threads (default: the number of cores). */
  jobs?: string;
  /** K/N: scan only this machine's share of the files. */
  shard?: string;
}

export async function scanCommand(inputs: string[], options: ScanCommandOptions, io: CliIO): Promise<number> {
  const format = options.format ?? 'table';
  if (!isFormatName(format)) throw new UsageError(`--format: expected one of ${FORMAT_NAMES.join(', ')}, got "${format}"`);
  if (inputs.length === 0) throw new UsageError('scan: give at least one path, glob or - for standard input');
  const config = loadConfig(io.cwd, options.config);
  // --fail-on > config failOn > CI=true ? [my_number] : [].
  const failOn: Category[] = parseFailOn(options.failOn) ?? config?.failOn ?? (io.env.CI === 'true' ? ['my_number'] : []);
  const baselineFile = options.writeBaseline === undefined && options.baseline !== undefined ? resolve(io.cwd, options.baseline) : undefined;
  const accepted = baselineFile ? await readBaseline(baselineFile, io.cwd) : undefined;
  const lang = parseLang(options.lang, io.env);
  const scanOptions: ScanOptions = {
    classifier: makeClassifier({ dictionaries: [...(config?.dictionaries ?? []), ...(options.dictionary ?? [])], disable: config?.disable, env: io.env }),
    sample: parseCount('--sample', options.sample, config?.sample ?? DEFAULT_SAMPLE),
    allRows: options.allRows === true,
    // For the csv format --encoding names the output encoding; otherwise it forces the input's.
    encoding: format === 'csv' ? undefined : options.encoding,
    limits: parseLimits(options),
  };

  const run: ScanRun = {
    jobs: parseCount('--jobs', options.jobs, defaultJobs(), 1),
    columnHelper: options.jobs !== undefined,
    shard: parseShard(options.shard),
    ...(progressWanted(io, format, options.output !== undefined) ? { progress: new Progress((text) => io.stderr(text), { columns: io.env.COLUMNS ? Number(io.env.COLUMNS) : undefined }) } : {}),
  };
  let files = await scanInputs(inputs, scanOptions, io, options.stdinFormat, ignorePredicate(io, config, [baselineFile, options.writeBaseline]), run);
  for (const file of files) if (file.error) io.stderr(`kojin: ${file.path}: ${file.error}\n`);
  const policy = applyPolicy(files, config, io, options.strict === true);
  files = policy.files;
  let failures = findFailures(files, { failOn });
  if (options.writeBaseline !== undefined) {
    const file = resolve(io.cwd, options.writeBaseline);
    const categories = baselineCategories(failOn);
    const baseline = buildBaseline(files, { categories, cwd: io.cwd, baselineDir: dirname(file) });
    await writeBaseline(file, baseline);
    io.stderr(`kojin: baseline written to ${options.writeBaseline}: ${baseline.findings.length} undeclared finding(s) of ${categories.join(', ')}\n`);
    failures = [];
  } else if (baselineFile && accepted) {
    const filtered = filterByBaseline(failures, accepted, { cwd: io.cwd, baselineDir: dirname(baselineFile) });
    failures = filtered.failures;
    if (filtered.accepted > 0) io.stderr(`kojin: ${filtered.accepted} finding(s) accepted by the baseline ${options.baseline}\n`);
  }
  await writeReport(buildReport(VERSION, files, failures), { format: format as FormatName, lang, color: options.color, encoding: options.encoding, output: options.output }, io);
  const configName = config ? displayPath(config.file, io.cwd) : 'kojin.config.yaml (kojin init writes one)';
  for (const failure of failures) {
    const where = `${failure.path}${failure.table !== undefined ? ` [${failure.table}]` : ''}: field ${JSON.stringify(failure.field)} is ${failure.category}${failure.subcategory ? `/${failure.subcategory}` : ''}`;
    const note = policy.notes.get(failure.fingerprint);
    const fix = note
      ? `not covered: ${configName}: ${note}`
      : `not declared; add to ${configName}: ${declarationSnippet(failure, io.cwd, config?.dir ?? io.cwd)}`;
    io.stderr(`kojin: FAIL ${where}, ${fix}\n`);
  }
  return exitCode(files, failures, policy.errors);
}

/** kojin's own files, skipped wherever they are: configs and the default baseline name. */
const KOJIN_FILES = new Set<string>([...CONFIG_NAMES, DEFAULT_BASELINE_FILE]);

/** Config ignore globs and .kojinignore, plus kojin's own files (the config, baselines), never scanned. */
function ignorePredicate(io: CliIO, config: KojinConfig | undefined, baselines: (string | undefined)[]) {
  const rules = makeIgnorePredicate(io.cwd, config);
  const own = new Set([config?.file, ...baselines].filter((f): f is string => f !== undefined).map((f) => resolve(io.cwd, f)));
  // Called for every discovered file: the absolute path only when there are own files to compare.
  return (relativePath: string) =>
    KOJIN_FILES.has(basename(relativePath)) || (own.size > 0 && own.has(resolve(io.cwd, relativePath))) || (rules?.(relativePath) ?? false);
}

/** Declarations → `declared` on covered fields; warnings for stale, incomplete and too-weak ones. */
function applyPolicy(files: FileReport[], config: KojinConfig | undefined, io: CliIO, strict: boolean) {
  if (!config) return { files, notes: new Map<string, string>(), errors: 0 };
  const applied = applyDeclarations(files, config.declarations, { cwd: io.cwd, configDir: config.dir });
  const { stale, other } = declarationWarnings(applied.outcomes, displayPath(config.file, io.cwd));
  for (const line of other) io.stderr(`kojin: warning: ${line}\n`);
  for (const line of stale) io.stderr(`kojin: ${strict ? 'error' : 'warning'}: ${line}\n`);
  return { files: applied.files, notes: applied.notes, errors: strict ? stale.length : 0 };
}

/** How a scan is run: workers, this machine's share of the files, progress. Output never depends on it. */
export interface ScanRun {
  /** Worker threads (1: all on the main thread). */
  jobs?: number;
  /**
   * A file scanned on the main thread may use jobs − 1 helper threads for the columns of a large
   * --all-rows CSV (parallel/columns.ts). Only when --jobs is given: the helper costs ~40% more CPU
   * (every batch is copied to it) and ~30 MB, and on the shared benchmark machine it was faster only
   * when a core was idle (bench/README.md).
   */
  columnHelper?: boolean;
  /** Scan only the files whose shard (hash of the normalised relative path mod count) is index (0-based). */
  shard?: Shard;
  progress?: Progress;
}

export async function scanInputs(
  inputs: string[],
  options: ScanOptions,
  io: CliIO,
  stdinFormat?: string,
  isIgnored?: (relativePath: string) => boolean,
  run: ScanRun = {},
): Promise<FileReport[]> {
  const paths = inputs.filter((i) => i !== '-');
  const jobs = run.jobs ?? 1;
  // Workers take 0.1–0.3 s to load: when a directory or glob may hold many files they start now, and
  // load while discovery lists the files (closed unused if the scan turns out too small for them).
  const pool = jobs >= 2 && mayHoldMany(paths, io.cwd) ? new ScanPool(jobs, options) : undefined;
  try {
    return await scanDiscovered(inputs, options, io, stdinFormat, isIgnored, run, pool);
  } finally {
    pool?.close();
  }
}

async function scanDiscovered(
  inputs: string[],
  options: ScanOptions,
  io: CliIO,
  stdinFormat: string | undefined,
  isIgnored: ((relativePath: string) => boolean) | undefined,
  run: ScanRun,
  pool: ScanPool | undefined,
): Promise<FileReport[]> {
  const paths = inputs.filter((i) => i !== '-');
  const discovered = await discover(paths, { cwd: io.cwd, extensions: SUPPORTED_EXTENSIONS, ...(isIgnored ? { isIgnored } : {}) });
  for (const warning of discovered.warnings) io.stderr(`kojin: ${warning}\n`);
  const mine = (path: string) => !run.shard || inShard(path, run.shard);
  const reports: FileReport[] = discovered.problems.filter((p) => mine(p.input)).map((p) => ({ path: p.input, tables: [], category: 'unknown', warnings: [], error: p.message }));
  const files = discovered.files.filter(mine).map((file) => ({ path: resolveInput(io.cwd, file), display: file }));
  const withStdin = inputs.includes('-') && (!run.shard || run.shard.index === 0);
  const progress = run.progress;
  progress?.start(files.length + (withStdin ? 1 : 0));
  try {
    const jobs = run.jobs ?? 1;
    // Files one at a time on this thread: a large --all-rows CSV (16 MiB or more) is read in byte
    // ranges by jobs − 1 more threads as well (parallel/ranges.ts). Memory stays flat whatever the
    // file's size, at about 1.4× one thread's (bench/README.md). With an explicit --jobs, a smaller
    // --all-rows CSV may also use a second core for its columns.
    const ranged: ScanOptions = jobs > 1 ? { ...options, rangeThreads: { threads: jobs - 1, ...RANGE_DEFAULTS } } : options;
    const single: ScanOptions = run.columnHelper ? { ...ranged, columnThreads: { threads: jobs - 1, after: HELPER_AFTER_BATCHES } } : ranged;
    if (await worthWorkers(files, jobs)) {
      const workers = pool ?? new ScanPool(Math.min(jobs, files.length), options);
      reports.push(...(await workers.scan(files, options.classifier, { start: (p) => progress?.file(p), done: (r) => progress?.finished(r) })));
    } else {
      pool?.close();
      for (const file of files) {
        progress?.file(file.display);
        const report = await scanPath(file.path, single).then((r) => ({ ...r, path: file.display }));
        progress?.finished(report);
        reports.push(report);
      }
    }
    if (withStdin) {
      progress?.file('-');
      const report = await scanStdin(io, single, stdinFormat);
      progress?.finished(report);
      reports.push(report);
    }
  } finally {
    progress?.stop();
  }
  return reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function scanStdin(io: CliIO, options: ScanOptions, stdinFormat = 'csv'): Promise<FileReport> {
  if (!io.stdin) return { path: '-', tables: [], category: 'unknown', warnings: [], error: 'no standard input' };
  let source;
  try {
    source = await readStdin(stdinFormat, io.stdin);
  } catch (error) {
    // Too large, or corrupt gzip: a per-input error like any unreadable file.
    return { path: '-', tables: [], category: 'unknown', warnings: [], error: describeError(error) };
  }
  return scanSource(source, options);
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

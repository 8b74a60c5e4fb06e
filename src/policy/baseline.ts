// Baselines: a file of accepted findings, so a gate can be switched on in a repository that already
// holds personal data and fail only on what is new. Findings are kept by the gate's stable
// fingerprint (path + table + field + category; never a value), with the path made relative to the
// baseline file's directory so the result does not depend on where kojin runs from.
//
// Which findings a baseline records: every undeclared field of my_number, sensitive and personal,
// plus any other category in the effective failOn (e.g. unknown). Recording more than the current
// failOn means that widening failOn later does not turn old, accepted findings into failures.
import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findFailures, fingerprint } from '../report/gate.js';
import { CATEGORIES, type Category, type Failure, type FileReport } from '../types.js';
import { ConfigError, displayPath, inside } from './config.js';

export const BASELINE_VERSION = 1;

/** The name docs and the GitHub Action use; a file of this name is never scanned. */
export const DEFAULT_BASELINE_FILE = 'kojin-baseline.json';

export const DEFAULT_BASELINE_CATEGORIES: readonly Category[] = ['my_number', 'sensitive', 'personal'];

export interface BaselineEntry {
  fingerprint: string;
  path: string;
  table?: string;
  field: string;
  category: Category;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: 'kojin';
  categories: Category[];
  findings: BaselineEntry[];
}

/** The categories a baseline records: the defaults plus whatever failOn adds. */
export function baselineCategories(failOn: readonly Category[]): Category[] {
  const wanted = new Set<Category>([...DEFAULT_BASELINE_CATEGORIES, ...failOn]);
  return CATEGORIES.filter((c) => wanted.has(c));
}

/** `path` (relative to cwd) made relative to the baseline's directory, forward slashes. */
export function baselinePath(path: string, cwd: string, baselineDir: string): string {
  if (path === '-') return path;
  const abs = resolve(cwd, path);
  return inside(baselineDir, abs) ?? abs.split('\\').join('/');
}

/** Builds the baseline for a scan: files must already have their declarations applied. */
export function buildBaseline(files: FileReport[], options: { categories: readonly Category[]; cwd: string; baselineDir: string }): BaselineFile {
  const findings = findFailures(files, { failOn: options.categories }).map((f): BaselineEntry => {
    const path = baselinePath(f.path, options.cwd, options.baselineDir);
    return { fingerprint: fingerprint(path, f.table, f.field, f.category), path, ...(f.table !== undefined ? { table: f.table } : {}), field: f.field, category: f.category };
  });
  const key = (e: BaselineEntry) => [e.path, e.table ?? '', e.field, e.category, e.fingerprint];
  findings.sort((a, b) => compareTuples(key(a), key(b)));
  const unique = findings.filter((e, i) => i === 0 || e.fingerprint !== findings[i - 1].fingerprint);
  return { version: BASELINE_VERSION, tool: 'kojin', categories: [...options.categories], findings: unique };
}

export function serializeBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export async function writeBaseline(file: string, baseline: BaselineFile): Promise<void> {
  try {
    await fs.writeFile(file, serializeBaseline(baseline));
  } catch (error) {
    throw new ConfigError(`--write-baseline: ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Reads a baseline file: the set of accepted fingerprints. Problems are one-line ConfigErrors. */
export async function readBaseline(file: string, cwd: string): Promise<Set<string>> {
  const shown = displayPath(file, cwd);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`--baseline: ${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ConfigError(`--baseline: ${shown}: not JSON; write one with --write-baseline`);
  }
  const b = data as Partial<BaselineFile> | null;
  if (!b || typeof b !== 'object' || b.version !== BASELINE_VERSION) throw new ConfigError(`--baseline: ${shown}: version: expected ${BASELINE_VERSION}`);
  if (!Array.isArray(b.findings)) throw new ConfigError(`--baseline: ${shown}: findings: must be an array`);
  const set = new Set<string>();
  b.findings.forEach((e, i) => {
    if (!e || typeof e !== 'object' || typeof (e as BaselineEntry).fingerprint !== 'string') throw new ConfigError(`--baseline: ${shown}: findings[${i}].fingerprint: must be a string`);
    set.add((e as BaselineEntry).fingerprint);
  });
  return set;
}

/** Failures not accepted by the baseline, and how many it accepted. */
export function filterByBaseline(failures: Failure[], accepted: ReadonlySet<string>, options: { cwd: string; baselineDir: string }): { failures: Failure[]; accepted: number } {
  const kept = failures.filter((f) => !accepted.has(fingerprint(baselinePath(f.path, options.cwd, options.baselineDir), f.table, f.field, f.category)));
  return { failures: kept, accepted: failures.length - kept.length };
}

export const baselineDirOf = (file: string) => dirname(file);

function compareTuples(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

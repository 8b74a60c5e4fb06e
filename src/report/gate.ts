// The gate: which findings fail a scan, and the exit code. Pure.
import { createHash } from 'node:crypto';
import type { Category, Failure, FileReport } from '../types.js';

export const FAIL_ON_CHOICES: readonly Category[] = ['my_number', 'sensitive', 'personal', 'unknown'];

/** A stable identity for a finding: path + table + field + category, never a value. */
export function fingerprint(path: string, table: string | undefined, field: string, category: Category): string {
  return createHash('sha256').update([path.split('\\').join('/'), table ?? '', field, category].join('\u0000')).digest('hex').slice(0, 24);
}

export interface GateOptions {
  failOn: readonly Category[];
  /** Fingerprints already accepted (a baseline). */
  baseline?: ReadonlySet<string>;
}

/** Every undeclared field whose category is in failOn and that no baseline accepts. */
export function findFailures(files: FileReport[], options: GateOptions): Failure[] {
  const failOn = new Set(options.failOn);
  const failures: Failure[] = [];
  for (const file of files)
    for (const table of file.tables)
      for (const field of table.fields) {
        if (!failOn.has(field.category) || field.declared) continue;
        const fp = fingerprint(file.path, table.name, field.name, field.category);
        if (options.baseline?.has(fp)) continue;
        failures.push({ path: file.path, ...(table.name !== undefined ? { table: table.name } : {}), field: field.name, category: field.category, subcategory: field.subcategory, fingerprint: fp });
      }
  return failures;
}

/** 2 when an input could not be read, else 1 when a finding fails the gate, else 0. */
export function exitCode(files: FileReport[], failures: Failure[], usageProblems = 0): number {
  if (usageProblems > 0 || files.some((f) => f.error)) return 2;
  return failures.length > 0 ? 1 : 0;
}

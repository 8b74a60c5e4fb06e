// Declarations: the config's list of fields held for a stated purpose of use (利用目的). A covered
// field keeps its category in the report, gains `declared` (purpose, owner) and no longer fails the
// gate. A declaration covers a field only when
//   - its path glob (relative to the config's directory, forward slashes) matches the file,
//   - its table (if any), field (if any, compared after NFKC + trim) and column (if any, 1-based) match,
//   - its category is at least as strong as the field's (declaring a my_number field as personal
//     does not silence it), and
//   - its purpose is filled in (empty or "TODO…" is incomplete and covers nothing).
// A declaration that matches no field is stale.
import type FastGlob from 'fast-glob';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type picomatchType from 'picomatch';

// Loaded only when there are declarations to match.
const picomatch = ((...args: Parameters<typeof picomatchType>) => (createRequire(import.meta.url)('picomatch') as typeof picomatchType)(...args)) as typeof picomatchType;
import { fingerprint } from '../report/gate.js';
import { CATEGORY_RANK, type Category, type Declaration, type FieldReport, type FileReport } from '../types.js';
import { inside } from './config.js';
import type { PolicyDeclaration } from './schema.js';

export interface DeclarationOutcome {
  /** 0-based position in the config's `declarations`. */
  index: number;
  declaration: PolicyDeclaration;
  /** Fields its path/table/field/column selected. */
  matched: number;
  /** Fields it covers (marked declared). */
  covered: number;
  /** Purpose empty or TODO: covers nothing. */
  incomplete: boolean;
  /** Matched fields stronger than its category (first few). */
  weaker: { path: string; field: string; category: Category }[];
  /** Matches nothing: the file or the field is gone. */
  stale: boolean;
  /** Why it is stale. */
  staleReason?: 'no-file' | 'no-field';
}

export interface ApplyResult {
  /** The same files with `declared` set on covered fields (new objects; the input is not changed). */
  files: FileReport[];
  outcomes: DeclarationOutcome[];
  /**
   * For a field a declaration selected but did not cover: why, keyed by the gate's fingerprint
   * (path + table + field + category), so the gate's failure line can say what to fix.
   */
  notes: Map<string, string>;
}

export interface ApplyOptions {
  /** Directory report paths are relative to. */
  cwd: string;
  /** The config's directory: declaration paths are relative to it. */
  configDir: string;
  /**
   * Whether a glob (relative to configDir) matches a file on disk; used for declarations whose
   * files were not scanned this run (a pre-commit run over a few files), which are not stale.
   */
  existsOnDisk?: (glob: string, configDir: string) => boolean;
}

/** NFKC + trim, so ｍｙ＿ｎｕｍｂｅｒ and " マイナンバー " compare equal to their plain forms. */
export const normalizeName = (s: string) => s.normalize('NFKC').trim();

/** An incomplete purpose: empty, or starting with TODO (as `kojin init` writes it). */
export function isIncompletePurpose(purpose: string | undefined): boolean {
  const p = normalizeName(purpose ?? '');
  return p === '' || /^todo\b/i.test(p);
}

export function applyDeclarations(files: FileReport[], declarations: readonly PolicyDeclaration[], options: ApplyOptions): ApplyResult {
  const matchers = declarations.map((d) => picomatch(d.path.replace(/^\.\//, ''), { dot: true }));
  const outcomes: DeclarationOutcome[] = declarations.map((declaration, index) => ({
    index,
    declaration,
    matched: 0,
    covered: 0,
    incomplete: isIncompletePurpose(declaration.purpose),
    weaker: [],
    stale: false,
  }));
  const fileHits = declarations.map(() => ({ readable: 0, unreadable: 0 }));
  const notes = new Map<string, string>();

  const out = files.map((file) => {
    const rel = file.path === '-' ? undefined : inside(options.configDir, resolve(options.cwd, file.path));
    if (rel === undefined || rel === '') return file;
    const applicable = declarations.map((_, i) => i).filter((i) => matchers[i](rel));
    if (applicable.length === 0) return file;
    for (const i of applicable) fileHits[i][file.error ? 'unreadable' : 'readable']++;
    if (file.error) return file;
    let changed = false;
    const tables = file.tables.map((table) => {
      const fields = table.fields.map((field) => {
        let cover: number | undefined;
        let note: string | undefined;
        for (const i of applicable) {
          const d = declarations[i];
          if (!selects(d, table.name, field)) continue;
          const outcome = outcomes[i];
          outcome.matched++;
          if (CATEGORY_RANK[d.category] < CATEGORY_RANK[field.category]) {
            if (outcome.weaker.length < 3) outcome.weaker.push({ path: file.path, field: field.name, category: field.category });
            note ??= `declarations[${i}] says ${d.category}, which does not cover ${field.category}: set category: ${field.category}`;
            continue;
          }
          if (outcome.incomplete) {
            note ??= `declarations[${i}] has no purpose yet (empty or TODO): fill in purpose (利用目的)`;
            continue;
          }
          if (cover === undefined) {
            cover = i;
            outcome.covered++;
          }
        }
        if (cover === undefined) {
          if (note) notes.set(fingerprint(file.path, table.name, field.name, field.category), note);
          return field;
        }
        changed = true;
        return { ...field, declared: toDeclaration(declarations[cover]) } satisfies FieldReport;
      });
      return { ...table, fields };
    });
    return changed ? { ...file, tables } : file;
  });

  const existsOnDisk = options.existsOnDisk ?? globExists;
  for (const outcome of outcomes) {
    if (outcome.matched > 0) continue;
    const hits = fileHits[outcome.index];
    if (hits.readable > 0) {
      outcome.stale = true;
      outcome.staleReason = 'no-field';
    } else if (hits.unreadable === 0 && !existsOnDisk(outcome.declaration.path, options.configDir)) {
      outcome.stale = true;
      outcome.staleReason = 'no-file';
    }
  }
  return { files: out, outcomes, notes };
}

function selects(d: PolicyDeclaration, table: string | undefined, field: FieldReport): boolean {
  if (d.table !== undefined && normalizeName(d.table) !== normalizeName(table ?? '')) return false;
  if (d.field !== undefined && normalizeName(d.field) !== normalizeName(field.name)) return false;
  if (d.column !== undefined && d.column !== field.index + 1) return false;
  return true;
}

function toDeclaration(d: PolicyDeclaration): Declaration {
  return {
    path: d.path,
    ...(d.field !== undefined ? { field: d.field } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    category: d.category,
    purpose: d.purpose,
    ...(d.owner !== undefined ? { owner: d.owner } : {}),
  };
}

function globExists(glob: string, cwd: string): boolean {
  try {
    // fast-glob is loaded only to tell a stale declaration from one whose files were not scanned.
    return (createRequire(import.meta.url)('fast-glob') as typeof FastGlob).sync(glob.replace(/^\.\//, ''), { cwd, dot: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], suppressErrors: true, followSymbolicLinks: false }).length > 0;
  } catch {
    return false;
  }
}

/** "declarations[2] (path "a/*.csv", field "x")": how warnings name a declaration. */
export function describeDeclaration(outcome: DeclarationOutcome): string {
  const d = outcome.declaration;
  const parts = [`path ${JSON.stringify(d.path)}`];
  if (d.table !== undefined) parts.push(`table ${JSON.stringify(d.table)}`);
  if (d.field !== undefined) parts.push(`field ${JSON.stringify(d.field)}`);
  if (d.column !== undefined) parts.push(`column ${d.column}`);
  return `declarations[${outcome.index}] (${parts.join(', ')})`;
}

/** One line per problem a run should mention: stale, incomplete, too weak. */
export function declarationWarnings(outcomes: readonly DeclarationOutcome[], configName: string): { stale: string[]; other: string[] } {
  const stale: string[] = [];
  const other: string[] = [];
  for (const o of outcomes) {
    const name = `${configName}: ${describeDeclaration(o)}`;
    if (o.stale) stale.push(`${name} matches nothing (${o.staleReason === 'no-file' ? 'no such file' : 'no such field in the matching files'}); update or remove it`);
    else if (o.incomplete) other.push(`${name} is incomplete: purpose (利用目的) is empty or TODO, so it covers nothing`);
    if (o.weaker.length > 0) {
      const w = o.weaker[0];
      other.push(`${name} says ${o.declaration.category} but ${w.path} field ${JSON.stringify(w.field)} is ${w.category}; a weaker category does not cover it`);
    }
  }
  return { stale, other };
}

/** What a declaration for one field looks like: path relative to the config's directory. */
export function declarationFor(filePath: string, table: string | undefined, field: string, cwd: string, configDir: string): { path: string; table?: string; field?: string; column?: number } {
  const path = inside(configDir, resolve(cwd, filePath)) ?? filePath.split('\\').join('/');
  const headerless = /^column (\d+)$/.exec(field);
  return { path, ...(table !== undefined ? { table } : {}), ...(headerless ? { column: Number(headerless[1]) } : { field }) };
}

/** A one-line YAML hint: declarations: - {path: "…", field: "…", category: …, purpose: "<利用目的>", owner: "<team>"} */
export function declarationSnippet(failure: { path: string; table?: string; field: string; category: Category }, cwd: string, configDir: string): string {
  const d = declarationFor(failure.path, failure.table, failure.field, cwd, configDir);
  const parts = [`path: ${JSON.stringify(d.path)}`];
  if (d.table !== undefined) parts.push(`table: ${JSON.stringify(d.table)}`);
  if (d.field !== undefined) parts.push(`field: ${JSON.stringify(d.field)}`);
  if (d.column !== undefined) parts.push(`column: ${d.column}`);
  parts.push(`category: ${failure.category}`, 'purpose: "<利用目的>"', 'owner: "<team>"');
  return `declarations: - {${parts.join(', ')}}`;
}

// `kojin init`: write a commented starter kojin.config.yaml in the working directory. It scans the
// working directory first and lists every My Number field found as a declaration to fill in; the
// purposes it writes start with TODO, which counts as incomplete, so the gate keeps failing until a
// person states the purpose of use (利用目的). It writes that one file and nothing else.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { CONFIG_NAMES, makeIgnorePredicate } from '../policy/config.js';
import { declarationFor } from '../policy/declarations.js';
import { DEFAULT_LIMITS } from '../read/types.js';
import type { FileReport } from '../types.js';
import { makeClassifier } from './context.js';
import { parseCount } from './options.js';
import { DEFAULT_SAMPLE, scanInputs } from './scan.js';

export const INIT_FILE = 'kojin.config.yaml';
export const TODO_PURPOSE = 'TODO: 利用目的';
export const TODO_OWNER = 'TODO: 担当部署';

export interface InitCommandOptions {
  force?: boolean;
  sample?: string;
}

export async function initCommand(options: InitCommandOptions, io: CliIO): Promise<number> {
  const target = join(io.cwd, INIT_FILE);
  if (!options.force) {
    for (const name of CONFIG_NAMES) {
      if (await exists(join(io.cwd, name))) throw new UsageError(`init: ${name} already exists; use --force to overwrite ${INIT_FILE}`);
    }
  }
  const files = await scanInputs(
    ['.'],
    { classifier: makeClassifier(), sample: parseCount('--sample', options.sample, DEFAULT_SAMPLE), allRows: false, limits: DEFAULT_LIMITS },
    io,
    undefined,
    makeIgnorePredicate(io.cwd),
  );
  for (const file of files) if (file.error) io.stderr(`kojin: warning: ${file.path}: ${file.error}\n`);
  const text = starterConfig(files, io.cwd);
  try {
    await fs.writeFile(target, text, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`init: ${INIT_FILE} already exists; use --force to overwrite it`);
    throw new UsageError(`init: cannot write ${INIT_FILE} (${code ?? 'error'})`);
  }
  const count = myNumberFields(files, io.cwd).length;
  io.stdout(
    count > 0
      ? `kojin: wrote ${INIT_FILE} with ${count} My Number field(s) to declare; fill in each purpose (利用目的) and owner, then run kojin scan\n`
      : `kojin: wrote ${INIT_FILE}; no My Number field found\n`,
  );
  return 0;
}

interface Found {
  path: string;
  table?: string;
  field?: string;
  column?: number;
  subcategory: string | null;
}

function myNumberFields(files: FileReport[], cwd: string): Found[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  for (const file of files)
    for (const table of file.tables)
      for (const field of table.fields) {
        if (field.category !== 'my_number') continue;
        const d = declarationFor(file.path, table.name, field.name, cwd, cwd);
        const key = JSON.stringify(d);
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ ...d, subcategory: field.subcategory });
      }
  return found;
}

const q = (s: string) => JSON.stringify(s);

/** The starter config's text: YAML with comments. */
export function starterConfig(files: FileReport[], cwd: string): string {
  const found = myNumberFields(files, cwd);
  const lines = [
    '# kojin configuration. See docs/ci.md ("Use in CI"); the schema is schema/kojin.config.schema.json.',
    '',
    '# Categories whose undeclared fields fail `kojin scan` (exit 1): my_number, sensitive, personal, unknown.',
    '# --fail-on on the command line wins over this; without either, CI=true means [my_number].',
    'failOn:',
    '  - my_number',
    '',
    '# Rows sampled per table for value evidence (0: headers only). --sample wins over this.',
    `# sample: ${DEFAULT_SAMPLE}`,
    '',
    '# Extra dictionaries (YAML or CSV), relative to this file.',
    '# dictionaries:',
    '#   - kojin-dictionary.yaml',
    '',
    '# Built-in dictionary entry ids to switch off.',
    '# disable: []',
    '',
    '# Globs, relative to this file, never scanned (a .kojinignore in gitignore syntax works too).',
    '# ignore:',
    '#   - "test/fixtures/**"',
    '',
    '# Fields held on purpose. A declaration covers a field when its path (a glob relative to this file),',
    '# table, field (or 1-based column) match and its category is at least as strong as the field\'s:',
    '# declaring a my_number field as personal does not cover it. A purpose that is empty or starts with',
    '# TODO is incomplete and covers nothing. A declaration that matches nothing is stale (--strict: error).',
    '# My Number may be used only for social security, tax and disaster response (番号法 art. 9, 19).',
  ];
  if (found.length === 0) {
    lines.push(
      '# Example:',
      '#   - path: "hr/payroll/*.csv"',
      '#     field: "マイナンバー"',
      '#     category: my_number',
      '#     purpose: "源泉徴収票の作成（税）"',
      '#     owner: "人事部 給与課"',
      'declarations: []',
    );
  } else {
    lines.push(`# kojin init found ${found.length} My Number field(s); fill in purpose and owner for each.`, 'declarations:');
    for (const f of found) {
      lines.push(`  - path: ${q(f.path)}`);
      if (f.table !== undefined) lines.push(`    table: ${q(f.table)}`);
      if (f.field !== undefined) lines.push(`    field: ${q(f.field)}`);
      if (f.column !== undefined) lines.push(`    column: ${f.column}`);
      lines.push(`    category: my_number`, `    purpose: ${q(TODO_PURPOSE)}`, `    owner: ${q(TODO_OWNER)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}

// Finding, reading and validating kojin.config.yaml (and its .kojinrc aliases), and the ignore rules
// (config `ignore` globs plus .kojinignore files). Every problem is a one-line ConfigError (exit 2).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, parse as parsePath, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type ignoreFactoryType from 'ignore';
import type picomatchType from 'picomatch';
import { UsageError } from '../io.js';
import type { Category } from '../types.js';
import { configProblems, type PolicyDeclaration, type RawConfig } from './schema.js';

// Loaded on demand: a scan without a config file or .kojinignore needs none of them.
const requireLazily = createRequire(import.meta.url);
const parseYaml = (text: string): unknown => (requireLazily('yaml') as typeof import('yaml')).parse(text);
const picomatch = ((...args: Parameters<typeof picomatchType>) => (requireLazily('picomatch') as typeof picomatchType)(...args)) as typeof picomatchType;
const ignoreFactory = ((...args: Parameters<typeof ignoreFactoryType>) => (requireLazily('ignore') as typeof ignoreFactoryType)(...args)) as typeof ignoreFactoryType;

/** Names looked for in each directory, in this order. */
export const CONFIG_NAMES = ['kojin.config.yaml', '.kojinrc.yaml', '.kojinrc.yml', '.kojinrc.json'] as const;

export const IGNORE_FILE = '.kojinignore';

/** A config problem: one line that names the file and, when there is one, the key path. */
export class ConfigError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface KojinConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Its directory: declaration paths, ignore globs and dictionaries are relative to it. */
  dir: string;
  /** Absolute paths. */
  dictionaries: string[];
  disable: string[];
  ignore: string[];
  failOn?: Category[];
  sample?: number;
  declarations: PolicyDeclaration[];
}

/** Walks up from `start` to the filesystem root; the first directory holding a config name wins. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  const root = parsePath(dir).root;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    if (dir === root) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The config for a run: the --config file when given (it must exist), else the one found walking up
 * from cwd, else undefined.
 */
export function loadConfig(cwd: string, explicit?: string): KojinConfig | undefined {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    if (!isFile(file)) throw new ConfigError(`--config: ${explicit}: no such file`);
    return readConfig(file, cwd);
  }
  const found = findConfig(cwd);
  return found ? readConfig(found, cwd) : undefined;
}

/** Reads, parses and validates one config file. `cwd` only shortens the name shown in errors. */
export function readConfig(file: string, cwd = process.cwd()): KojinConfig {
  const shown = displayPath(file, cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text.replace(/^\uFEFF/, '')) : parseYaml(text);
  } catch (error) {
    const first = String((error as Error)?.message ?? error).split('\n')[0];
    throw new ConfigError(`${shown}: invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${first}`);
  }
  if (data === null || data === undefined) data = {};
  const problems = configProblems(data);
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new ConfigError(`${shown}: ${problems.slice(0, 3).join('; ')}${more}`);
  }
  const raw = data as RawConfig;
  const dir = dirname(file);
  return {
    file,
    dir,
    dictionaries: (raw.dictionaries ?? []).map((d) => resolve(dir, d)),
    disable: raw.disable ?? [],
    ignore: raw.ignore ?? [],
    ...(raw.failOn !== undefined ? { failOn: raw.failOn } : {}),
    ...(raw.sample !== undefined ? { sample: raw.sample } : {}),
    declarations: raw.declarations ?? [],
  };
}

/**
 * A predicate for discover()'s isIgnored: true for a path (relative to cwd, forward slashes) that
 * the config's `ignore` globs or a .kojinignore (in cwd, and in the config's directory) excludes.
 * Globs match the file or any directory above it.
 */
export function makeIgnorePredicate(cwd: string, config?: KojinConfig): ((relativePath: string) => boolean) | undefined {
  const rules: ((abs: string) => boolean)[] = [];
  if (config && config.ignore.length > 0) {
    const match = picomatch(config.ignore, { dot: true });
    const base = config.dir;
    rules.push((abs) => {
      const rel = inside(base, abs);
      return rel !== undefined && withAncestors(rel).some((p) => match(p));
    });
  }
  const ignoreDirs = [...new Set([resolve(cwd), ...(config ? [config.dir] : [])])];
  for (const dir of ignoreDirs) {
    const file = join(dir, IGNORE_FILE);
    if (!isFile(file)) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`${displayPath(file, cwd)}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const ig = ignoreFactory().add(text);
    rules.push((abs) => {
      const rel = inside(dir, abs);
      return rel !== undefined && rel !== '' && ig.ignores(rel);
    });
  }
  if (rules.length === 0) return undefined;
  return (relativePath: string) => {
    const abs = resolve(cwd, relativePath);
    return rules.some((rule) => rule(abs));
  };
}

/** `abs` relative to `base` with forward slashes, or undefined when it lies outside. */
export function inside(base: string, abs: string): string | undefined {
  const rel = relative(base, abs);
  if (rel === '' ) return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function withAncestors(rel: string): string[] {
  const parts = rel.split('/');
  const out: string[] = [];
  for (let i = parts.length; i > 0; i--) out.push(parts.slice(0, i).join('/'));
  return out;
}

export function displayPath(file: string, cwd: string): string {
  const rel = inside(resolve(cwd), file);
  return rel !== undefined && rel !== '' ? rel : file;
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

// Paths and globs → the sorted list of files to scan. Directories are searched recursively for
// supported formats; node_modules and .git are always skipped.
import type FastGlob from 'fast-glob';
import { promises as fs, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix, relative, sep } from 'node:path';

export const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**'];

export interface DiscoverOptions {
  cwd: string;
  /** File extensions (without dot) looked for inside directories. */
  extensions: string[];
  /** Extra ignore globs (config, .kojinignore). */
  ignore?: string[];
  /** A predicate from gitignore-style rules; true means skip. */
  isIgnored?: (relativePath: string) => boolean;
}

export interface Discovered {
  files: string[];
  /** Inputs that matched nothing or do not exist: each becomes a one-line error. */
  problems: { input: string; message: string }[];
  /** Directories that hold no supported file: worth saying, not an error. */
  warnings: string[];
}

// fast-glob is loaded only for globs and directories: scanning named files needs none of it.
const fastGlob = () => createRequire(import.meta.url)('fast-glob') as typeof FastGlob;
/** Characters without which a path cannot be a glob; only then is fast-glob asked. */
const GLOB_CHARS = /[*?[\]{}()!+@]/;
const hasGlob = (p: string) => GLOB_CHARS.test(p) && fastGlob().isDynamicPattern(p);

export async function discover(inputs: string[], options: DiscoverOptions): Promise<Discovered> {
  const files = new Set<string>();
  const problems: Discovered['problems'] = [];
  const warnings: string[] = [];
  const ignore = [...DEFAULT_IGNORES, ...(options.ignore ?? [])];
  const extGlob = options.extensions.length === 1 ? options.extensions[0] : `{${options.extensions.join(',')}}`;
  for (const input of inputs) {
    const pattern = toPosix(input);
    if (hasGlob(input)) {
      const found = await fastGlob()(pattern, { cwd: options.cwd, ignore, onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true });
      if (found.length === 0) problems.push({ input, message: 'no files match this pattern' });
      found.forEach((f) => files.add(f));
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(resolveFrom(options.cwd, input));
    } catch (error) {
      // A missing path or a symlink loop is reported as the file's own error by the reader.
      files.add(input);
      continue;
    }
    if (stat.isDirectory()) {
      const found = await fastGlob()(`${escapeDir(pattern)}/**/*.${extGlob}`, { cwd: options.cwd, ignore, onlyFiles: true, dot: false, followSymbolicLinks: false, caseSensitiveMatch: false, suppressErrors: true });
      if (found.length === 0) warnings.push(`${input}: no supported files in this directory (${options.extensions.join(', ')})`);
      found.forEach((f) => files.add(f));
    } else files.add(input);
  }
  const isIgnored = options.isIgnored;
  const kept = isIgnored ? [...files].filter((f) => !isIgnored(relativeTo(options.cwd, f))) : [...files];
  // Sorted so output never depends on the order the file system lists entries in.
  kept.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: kept, problems, warnings };
}

/**
 * Whether these inputs may name many files (a glob or a directory): worth starting scan workers
 * before discovery has listed them. A path that cannot be statted names at most one file.
 */
export function mayHoldMany(inputs: string[], cwd: string): boolean {
  return inputs.some((input) => {
    if (hasGlob(input)) return true;
    try {
      return statSync(resolveFrom(cwd, input)).isDirectory();
    } catch {
      return false;
    }
  });
}

function resolveFrom(cwd: string, path: string) {
  return posix.isAbsolute(toPosix(path)) ? path : `${cwd}${sep}${path}`;
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/** A plain relative path: no `.` or `..` segment, no doubled or trailing slash, nothing absolute. */
const PLAIN_RELATIVE = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))(?!.*\/\/)(?!.*\/$)./s;

/**
 * A found path relative to cwd, with forward slashes. What fast-glob returns under a relative
 * pattern is already that (path.relative and path.resolve per file cost ~15 µs, 0.15 s of a 10,000-file
 * scan); anything else goes the long way.
 */
function relativeTo(cwd: string, path: string): string {
  const posixPath = toPosix(path);
  return sep === '/' && PLAIN_RELATIVE.test(posixPath) ? posixPath : toPosix(relative(cwd, resolveFrom(cwd, path)));
}
const escapeDir = (p: string) => fastGlob().escapePath(p.replace(/\/+$/, '') || '.');

// Files of the package, found from its root. The same code runs from tsc's output (dist/<dir>/*.js),
// from the start-up bundle (dist/bundle/*.js, scripts/bundle.mjs) and from the sources under test
// (src/<dir>/*.ts), so a path relative to one module's own file would differ between them.
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The package root for a module file: the parent of the nearest enclosing `dist` or `src` directory
 * (nearest, so a package installed under some other `src/` is still found).
 */
export function packageRootOf(moduleFile: string): string {
  let dir = dirname(moduleFile);
  for (;;) {
    const parent = dirname(dir);
    const name = basename(dir);
    if (name === 'dist' || name === 'src') return parent;
    if (parent === dir) throw new Error(`kojin: ${moduleFile} is not inside dist/ or src/`);
    dir = parent;
  }
}

const HERE = fileURLToPath(import.meta.url);
/** True when the TypeScript sources run directly (vitest), not compiled output. */
const FROM_SOURCES = HERE.endsWith('.ts');

export const PACKAGE_ROOT = packageRootOf(HERE);

/** A file shipped with the package (dictionaries/, schema/, package.json). */
export function packageFile(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

/**
 * A module file as tsc compiled it, e.g. compiledModule('parallel/worker') for a worker thread. Tests
 * that run the sources use the compiled workers too (npm test builds first): a worker cannot load .ts.
 */
export function compiledModule(module: string): URL {
  return pathToFileURL(join(PACKAGE_ROOT, 'dist', `${module}.js`));
}

/** A module's file in what is running now: dist/<module>.js, or src/<module>.ts under test. */
export function runningModuleFile(module: string): string {
  return FROM_SOURCES ? join(PACKAGE_ROOT, 'src', `${module}.ts`) : join(PACKAGE_ROOT, 'dist', `${module}.js`);
}

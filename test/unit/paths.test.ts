// The package's own files are found from its root, whether the code runs as tsc's output, as the
// start-up bundle (dist/bundle/) or from the sources: a path relative to a module's own file would
// point elsewhere in each (src/paths.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledModule, PACKAGE_ROOT, packageFile, packageRootOf, runningModuleFile } from '../../src/paths.js';

describe('packageRootOf', () => {
  it('is the parent of the nearest dist/ or src/', () => {
    expect(packageRootOf('/a/kojin/dist/cli.js')).toBe('/a/kojin');
    expect(packageRootOf('/a/kojin/dist/bundle/chunk-X.js')).toBe('/a/kojin');
    expect(packageRootOf('/a/kojin/dist/parallel/worker.js')).toBe('/a/kojin');
    expect(packageRootOf('/a/kojin/src/classify/head.ts')).toBe('/a/kojin');
    // Installed under a directory that is itself called src/.
    expect(packageRootOf('/home/u/src/app/node_modules/kojin/dist/read/csv.js')).toBe('/home/u/src/app/node_modules/kojin');
    expect(() => packageRootOf('/tmp/elsewhere/x.js')).toThrow(/not inside dist\/ or src\//);
  });

  it('finds the files kojin ships and the compiled workers', () => {
    expect(JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).name).toBe('kojin');
    expect(existsSync(packageFile('dictionaries'))).toBe(true);
    expect(existsSync(packageFile('schema', 'kojin.config.schema.json'))).toBe(true);
    // npm test builds first; a worker thread cannot load TypeScript.
    expect(fileURLToPath(compiledModule('parallel/worker'))).toBe(join(PACKAGE_ROOT, 'dist', 'parallel', 'worker.js'));
    expect(existsSync(compiledModule('parallel/worker'))).toBe(true);
    // Under vitest the sources run: the dictionary cache is keyed by them.
    expect(runningModuleFile('tokenize/normalize')).toBe(join(PACKAGE_ROOT, 'src', 'tokenize', 'normalize.ts'));
  });
});

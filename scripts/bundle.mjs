// The start-up bundle: dist/cli.js and every module it imports (not the dependencies), joined by
// esbuild into dist/bundle/, with the commands, readers and formats that are loaded only when used
// kept in chunks of their own (code splitting). Node 20 resolves, reads and links ~80 small ES
// modules for a scan, ~65 ms of a ~0.3 s cold start measured here; the bundle loads in far fewer
// (bench/README.md, "Start-up bundle"). bin/kojin.js runs the bundle; dist/ keeps tsc's output for
// the library entry (dist/index.js) and for worker threads, which load their own modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/cli.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules: kuromoji reads its dictionary files relative to itself.
  packages: 'external',
  logLevel: 'warning',
});

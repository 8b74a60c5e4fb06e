// Nothing is touched: scanning a copy of samples/ in every format, to stdout and with --output
// outside the tree, leaves every file's bytes (sha256) and mtime as they were and adds no file.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, spawnMany } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'kojin-readonly-'));
const tree = join(work, 'tree');
const outside = join(work, 'reports');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        out.set(`${relative(dir, path)}/`, `dir mtime=${stat.mtimeMs}`);
        walk(path);
      } else out.set(relative(dir, path), `${createHash('sha256').update(readFileSync(path)).digest('hex')} mtime=${stat.mtimeMs} mode=${stat.mode}`);
    }
  };
  walk(dir);
  return out;
}

describe('read-only', () => {
  it('scans in every format, with and without --output, change nothing in the scanned tree', async () => {
    cpSync(join(ROOT, 'samples'), join(tree, 'samples'), { recursive: true });
    mkdirSync(outside);
    const before = snapshot(tree);
    const formats = ['table', 'json', 'markdown', 'csv', 'html', 'sarif'];
    const runs = formats.map((f) => ['scan', 'samples', '--format', f]);
    // --output for the formats written as files in practice (the writer is the same for all).
    for (const f of ['json', 'html']) runs.push(['scan', 'samples', '--format', f, '--output', join(outside, `report.${f}`)]);
    const result = await spawnMany(runs, { cwd: tree, work });
    for (const r of result.runs) expect(r.code, `${r.args.join(" ")}: ${r.stderr}`).toBe(0);
    expect(readdirSync(outside).sort()).toEqual(['report.html', 'report.json']);
    const after = snapshot(tree);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, state] of before) expect(after.get(path), path).toBe(state);
  }, 300_000);
});

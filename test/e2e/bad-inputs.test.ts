// Bad inputs (test/fixtures/bad/cases.json): each gives its exit code and one line on stderr,
// "kojin: <path>: <problem>", never a stack trace; a bad file never stops the others being reported.
// Each case runs in-process through run() (what bin/kojin.js calls) to keep `npm test` fast, and
// all of them together in one spawned `node bin/kojin.js scan … --format json`, which is where an
// uncaught exception or unhandled rejection would show. KOJIN_SPAWN_EACH=1 spawns each case too.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCases, buildBadCases, expected, IS_ROOT, type BadCase } from '../support/bad-cases.js';
import { ROOT, runInProcess, spawnCli, STACK_LINE, type CliResult } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kojin-bad-'));
const cases = activeCases();
const argOf = (c: BadCase) => (c.build === 'glob' ? 'nomatch/*.csv' : c.name);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  await buildBadCases(join(dir, 'bad'));
  copyFileSync(join(ROOT, 'samples/inputs/patients.tsv'), join(dir, 'good.tsv'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkCase(c: BadCase, path: string, result: CliResult) {
  const want = expected(c);
  expect(result.code, `${c.name}: exit code`).toBe(want.exit);
  expect(result.stderr).not.toMatch(STACK_LINE);
  const lines = result.stderr.split('\n').filter(Boolean);
  if (want.stderr === '^$') expect(lines).toEqual([]);
  else {
    const mine = lines.filter((l) => l.startsWith(`kojin: ${path}: `));
    expect(mine, `${c.name}: one line naming the file`).toHaveLength(1);
    expect(mine[0].slice(`kojin: ${path}: `.length)).toMatch(new RegExp(want.stderr));
  }
  const report = JSON.parse(result.stdout.toString('utf8'));
  const file = report.files.find((f: { path: string }) => f.path === path);
  if (want.exit === 2) expect(file?.error).toMatch(new RegExp(want.stderr));
  if (c.warning) expect(file.warnings.join('\n')).toMatch(new RegExp(c.warning));
}

describe('bad inputs, one at a time', () => {
  it('the corpus has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const args = ['scan', argOf(c), '--format', 'json', ...(c.args ?? [])];
    const cwd = join(dir, 'bad');
    const result = process.env.KOJIN_SPAWN_EACH === '1' ? await spawnCli(args, { cwd }) : await runInProcess(args, cwd);
    checkCase(c, argOf(c), result);
  });
  it(`an unreadable file: ${IS_ROOT ? 'root reads it anyway (chmod 000 does not stop root), so it is scanned' : 'permission denied'}`, () => {
    expect(expected(cases.find((c) => c.build === 'unreadable')!).exit).toBe(IS_ROOT ? 0 : 2);
  });
});

describe('bad inputs, all in one spawned scan', () => {
  it('reports every case on one stderr line each, no stack trace, and still reports the good file', async () => {
    // Cases with their own flags run alone above; here every other case sits next to a good file.
    const batch = cases.filter((c) => !c.args);
    const result = await spawnCli(['scan', 'good.tsv', ...batch.map((c) => `bad/${argOf(c)}`), '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(STACK_LINE);
    for (const c of batch) {
      const want = expected(c);
      if (want.stderr === '^$') continue;
      const line = result.stderr.split('\n').find((l) => l.startsWith(`kojin: bad/${argOf(c)}: `));
      expect(line, c.name).toBeDefined();
      expect(line!.slice(`kojin: bad/${argOf(c)}: `.length)).toMatch(new RegExp(want.stderr));
    }
    const report = JSON.parse(result.stdout.toString('utf8'));
    const good = report.files.find((f: { path: string }) => f.path === 'good.tsv');
    expect(good.error).toBeUndefined();
    expect(good.tables[0].fields.length).toBeGreaterThan(0);
    expect(report.files.filter((f: { error?: string }) => f.error).length).toBeGreaterThanOrEqual(batch.filter((c) => expected(c).exit === 2).length);
  });
});

// Nothing leaks: no cell value of a scanned file appears in stdout, stderr or the report file, in
// any format (table, json, markdown, csv, html, sarif; English and Japanese).
//
// Cell values are parsed independently of kojin's readers (csv-parse with encoding-japanese /
// TextDecoder, exceljs, JSON.parse, hyparquet, INSERT … VALUES in DDL). Exclusion rule — a value
// is not checked when it
//   1. is also a header (a field name kojin reports; headers are meant to be printed),
//   2. is a pure number shorter than 4 characters (row counts, line numbers, percentages), or
//   3. is shorter than 3 characters (collides with ordinary report text: "A", "男", "是"),
//   4. occurs inside a header name or a file path (a group-row cell such as 配偶者 becomes part of
//      the field name "配偶者 氏名"; payroll-2026-10.csv holds the value 2026-10), or
//   5. is a single lowercase ASCII word ("true", "email", "address"): the reasons are English prose
//      made of such words, or
//   6. occurs in kojin's own code and message catalogue (dist/**/*.js): 見出し in a Japanese note,
//      2000 in the SVG namespace URL of the HTML report.
// Layout definitions (.md, .txt field lists) hold names, not values, and contribute none.
// Every scan runs in one spawned process (test/support/run-many.mjs); its own stdout/stderr is
// checked too, so a library printing a value directly would be caught.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBadCases } from '../support/bad-cases.js';
import { cellValues, filesUnder } from '../support/cell-values.js';
import { ROOT, spawnMany } from '../support/cli.js';

const FORMATS = ['table', 'json', 'markdown', 'csv', 'html', 'sarif'];
const work = mkdtempSync(join(tmpdir(), 'kojin-noleak-'));
const tree = join(work, 'tree');
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface FieldLike { name: string; parts?: FieldLike[] }
function headerNames(report: { files: { tables: { name?: string; fields: FieldLike[] }[] }[] }): Set<string> {
  const names = new Set<string>();
  const add = (f: FieldLike) => { names.add(f.name); f.parts?.forEach(add); };
  for (const file of report.files) for (const table of file.tables) { if (table.name) names.add(table.name); table.fields.forEach(add); }
  return names;
}

describe('no cell value leaks into any output', () => {
  it('samples/ and the bad-input corpus, every format, en and ja, stdout, stderr and --output', async () => {
    cpSync(join(ROOT, 'samples'), join(tree, 'samples'), { recursive: true });
    await buildBadCases(join(tree, 'bad'), (await import('../support/bad-cases.js')).activeCases().filter((c) => !c.build || ['zipBomb', 'deepJson'].includes(c.build)));
    const runs: string[][] = [];
    for (const format of FORMATS) runs.push(['scan', 'samples', 'bad', '--format', format, '--lang', 'en']);
    for (const format of ['table', 'html']) runs.push(['scan', 'samples', 'bad', '--format', format, '--lang', 'ja']);
    runs.push(['scan', 'samples', 'bad', '--format', 'json', '--output', join(work, 'report.json')]);
    const result = await spawnMany(runs, { cwd: tree, work });

    const json = JSON.parse(result.runs[1].stdout.toString('utf8'));
    // Header names are printed by design; take them from both JSON reports, so that a file one run
    // could not read (a loaded machine) does not turn its header names into "values" of the others.
    const headers = new Set([...headerNames(json), ...headerNames(JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')))]);
    const ownText = filesUnder(join(ROOT, 'dist'), /\.js$/).map((f) => readFileSync(f, 'utf8')).join('\n');
    const paths: string[] = json.files.map((f: { path: string }) => f.path);
    const values = new Set<string>();
    for (const file of filesUnder(tree)) {
      let cells: string[];
      try {
        cells = await cellValues(file);
      } catch {
        continue; // a bad case that no parser reads has no cells to look for
      }
      for (const raw of cells) {
        const v = raw.trim();
        if (v.length < 3 || (/^[-+]?\d+(\.\d+)?$/.test(v) && v.length < 4) || /^[a-z-]+$/.test(v)) continue;
        if ([...headers].some((h) => h.includes(v)) || paths.some((p) => p.includes(v)) || ownText.includes(v)) continue;
        values.add(v);
      }
    }
    expect(values.size).toBeGreaterThan(100);

    const outputs: [string, string][] = [
      ['run-many stdout', result.process.stdout.toString('utf8')],
      ['run-many stderr', result.process.stderr],
      ['report.json', readFileSync(join(work, 'report.json'), 'utf8')],
    ];
    for (const r of result.runs) {
      expect([0, 1, 2]).toContain(r.code);
      outputs.push([`${r.args.join(' ')} stdout`, r.stdout.toString('utf8')], [`${r.args.join(' ')} stderr`, r.stderr]);
    }
    // Never print a value: only how many leaked, and where.
    const leaks: string[] = [];
    for (const [where, text] of outputs) {
      let n = 0;
      for (const v of values) {
        const at = text.indexOf(v);
        if (at < 0) continue;
        n++;
        // KOJIN_LEAK_CONTEXT=1 shows where, with the value itself masked.
        if (process.env.KOJIN_LEAK_CONTEXT === '1') console.error(where, JSON.stringify(`${text.slice(Math.max(0, at - 60), at)}<VALUE len=${v.length}>${text.slice(at + v.length, at + v.length + 30)}`));
      }
      if (n > 0) leaks.push(`${where}: ${n} value(s)`);
    }
    expect(leaks).toEqual([]);
  }, 300_000);
});

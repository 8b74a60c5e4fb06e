// Resource limits: each cap refuses a file with a message naming its flag, and raising the flag
// lets the same file through. Runs in-process through run() (what bin/kojin.js calls).
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kojin-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  writeFileSync(join(dir, 'long.csv'), `code,label\n${'x'.repeat(300 * 1024)},y\n`);
  writeFileSync(join(dir, 'long.jsonl'), `{"code": "${'x'.repeat(300 * 1024)}"}\n`);
  writeFileSync(join(dir, 'wide.csv'), `${Array.from({ length: 200 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 200 }, () => 'v').join(',')}\n`);
  writeFileSync(join(dir, 'deep.json'), `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('items');
  sheet.addRow(['code', 'label', 'note']);
  for (let i = 0; i < 20_000; i++) sheet.addRow([`C${i}`, `label ${i}`, 'some text to take up room']);
  await book.xlsx.writeFile(join(dir, 'big.xlsx'));
}, 60_000);

const scan = (file: string, ...flags: string[]) => runInProcess(['scan', file, '--format', 'json', ...flags], dir);

const cases = [
  { flag: '--max-line-bytes', file: 'long.csv', low: '100000', high: '1000000', message: /a record at line 2 is longer than the limit of 100000 bytes \(raise it with --max-line-bytes\)/ },
  { flag: '--max-line-bytes', file: 'long.jsonl', low: '100000', high: '1000000', message: /line 1 is longer than 100000 bytes \(raise it with --max-line-bytes\)/ },
  { flag: '--max-columns', file: 'wide.csv', low: '100', high: '300', message: /line 1 has 200 columns, more than the limit of 100 \(raise it with --max-columns\)/ },
  { flag: '--max-unpacked-mb', file: 'big.xlsx', low: '1', high: '64', message: /unpacked size \d+ MiB exceeds the limit of 1 MiB \(raise it with --max-unpacked-mb\)/ },
  { flag: '--max-json-depth', file: 'deep.json', low: '50', high: '200', message: /nesting deeper than 50 levels \(raise it with --max-json-depth\)/ },
];

describe('resource limits', () => {
  it.each(cases.map((c) => [`${c.flag} (${c.file})`, c] as const))('%s: refused under the cap, read when it is raised', async (_, c) => {
    const refused = await scan(c.file, c.flag, c.low);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(new RegExp(`^kojin: ${c.file.replace('.', '\\.')}: ${c.message.source}$`));
    const read = await scan(c.file, c.flag, c.high);
    expect(read.stderr).toBe('');
    expect([0, 1]).toContain(read.code);
    const file = JSON.parse(read.stdout.toString('utf8')).files[0];
    expect(file.error).toBeUndefined();
    expect(file.tables.length).toBeGreaterThan(0);
  });

  it('the defaults: deep JSON is refused at 64 levels and read with the default elsewhere', async () => {
    const deep = await scan('deep.json');
    expect(deep.stderr).toMatch(/nesting deeper than 64 levels \(raise it with --max-json-depth\)/);
    expect((await scan('wide.csv')).code).not.toBe(2);
    expect((await scan('big.xlsx')).code).not.toBe(2);
  });

  it('every limit flag is declared in kojin scan --help, and bad values are usage errors', async () => {
    const help = await runInProcess(['scan', '--help'], dir);
    for (const flag of ['--max-line-bytes', '--max-columns', '--max-unpacked-mb', '--max-json-depth']) {
      expect(help.stdout.toString()).toContain(flag);
      const bad = await scan('wide.csv', flag, '0');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(flag);
    }
  });
});

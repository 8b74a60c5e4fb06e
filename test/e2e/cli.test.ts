// End-to-end: spawn bin/kojin.js as a user would and check output and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const kojin = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => {
  const r = spawnSync(process.execPath, ['bin/kojin.js', ...args], {
    input: options.input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...options.env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const kojinBytes = (args: string[], input: Buffer) => {
  const r = spawnSync(process.execPath, ['bin/kojin.js', ...args], { input, env: { PATH: process.env.PATH }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
};

describe('kojin classify', () => {
  it('gives my_number for every spelling but 法人番号', () => {
    const r = kojin(['classify', 'マイナンバー', 'kojin_bango', '個人番号（講師）', 'ﾏｲﾅﾝﾊﾞｰ', '法人番号', 'MyNumber', '--format', 'json']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out).results as { header: string; category: string }[];
    expect(results.map((x) => `${x.header}=${x.category}`)).toEqual([
      'マイナンバー=my_number',
      'kojin_bango=my_number',
      '個人番号（講師）=my_number',
      'ﾏｲﾅﾝﾊﾞｰ=my_number',
      '法人番号=none',
      'MyNumber=my_number',
    ]);
  });

  it('reads thousands of headers from stdin in one call, in input order', () => {
    const headers = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `住所${i}` : i % 3 === 1 ? `amount_${i}` : `col${i}`));
    const r = kojin(['classify', '--stdin', '--format', 'json'], { input: headers.join('\n') + '\n' });
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out).results as { header: string; category: string; confidence: number; reasons: unknown[] }[];
    expect(results).toHaveLength(3000);
    expect(results.map((x) => x.header)).toEqual(headers);
    expect(results[0]).toMatchObject({ category: 'personal', subcategory: 'address' });
    expect(results[1]).toMatchObject({ category: 'none', subcategory: 'amount' });
    expect(results[2]).toMatchObject({ category: 'unknown' });
  });

  it('exits 1 when --fail-on matches and 0 otherwise', () => {
    expect(kojin(['classify', '個人番号', '--fail-on', 'my_number']).code).toBe(1);
    expect(kojin(['classify', '金融機関コード', '--fail-on', 'my_number,personal']).code).toBe(0);
  });

  it('prints a readable table, coloured only when asked', () => {
    const plain = kojin(['classify', '氏名', '--no-color']);
    expect(plain.out).toMatch(/氏名\s+personal\s+name/);
    expect(plain.out).not.toMatch(/\x1b\[/);
    const forced = kojin(['classify', '氏名'], { env: { FORCE_COLOR: '1' } });
    expect(forced.out).toMatch(/\x1b\[/);
    const noColor = kojin(['classify', '氏名'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.out).not.toMatch(/\x1b\[/);
  });
});

describe('kojin scan', () => {
  it('scans a directory, prints a report per file and a summary, exit 0 without --fail-on', () => {
    const r = kojin(['scan', 'samples/csv', '--no-color']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('samples/csv/payroll-2026-10.csv');
    expect(r.out).toContain('特定個人情報ファイル');
    expect(r.out).toMatch(/Summary/);
  });

  it('exits 1 with --fail-on my_number when a My Number field is found, and says what to do', () => {
    const r = kojin(['scan', 'samples/csv/payroll-2026-10.csv', '--fail-on', 'my_number', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/マイナンバー.*my_number/);
    expect(JSON.parse(r.out).summary.failures).toHaveLength(1);
  });

  it('fails on a file whose only My Number column is named col7', () => {
    const r = kojin(['scan', 'samples/values/mynumber_col7.csv', '--fail-on', 'my_number', '--format', 'json']);
    expect(r.code).toBe(1);
    const fields = JSON.parse(r.out).files[0].fields as { name: string; category: string; headerHid?: boolean }[];
    expect(fields.filter((f) => f.category === 'my_number').map((f) => f.name)).toEqual(['col7']);
    expect(fields.find((f) => f.name === 'col7')?.headerHid).toBe(true);
  });

  it('defaults to failing on my_number in CI', () => {
    expect(kojin(['scan', 'samples/csv/payroll-2026-10.csv', '--format', 'json'], { env: { CI: 'true' } }).code).toBe(1);
    expect(kojin(['scan', 'samples/csv/products.csv', '--format', 'json'], { env: { CI: 'true' } }).code).toBe(0);
  });

  it('reports an unreadable file in one line, scans the others, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-e2e-'));
    writeFileSync(join(dir, 'good.csv'), '氏名,住所\nA,B\n');
    writeFileSync(join(dir, 'empty.csv'), '');
    const r = kojin(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out);
    expect(report.files.find((f: { path: string }) => f.path.endsWith('empty.csv')).error).toMatch(/empty/);
    expect(report.files.find((f: { path: string }) => f.path.endsWith('good.csv')).category).toBe('personal');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('says so when a path does not exist or a glob matches nothing', () => {
    const missing = kojin(['scan', 'no/such/file.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no\/such\/file\.csv: no such file/);
    const glob = kojin(['scan', 'samples/**/*.nothing']);
    expect(glob.code).toBe(2);
    expect(glob.err).toMatch(/no files match/);
  });

  it('treats bad options as usage errors (exit 2, one line, no stack)', () => {
    for (const args of [['scan', 'samples', '--fail-on', 'everything'], ['scan', 'samples', '--format', 'pdf'], ['scan'], ['frobnicate']]) {
      const r = kojin(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('reads gzip from standard input, and reports corrupt gzip as an unreadable input', () => {
    const gz = kojinBytes(['scan', '-', '--stdin-format', 'csv.gz', '--format', 'json'], gzipSync(Buffer.from('氏名,住所\nA,B\n')));
    expect(gz.code).toBe(0);
    expect(JSON.parse(gz.out).files[0].fields.map((f: { category: string }) => f.category)).toEqual(['personal', 'personal']);
    const bad = kojinBytes(['scan', '-', '--stdin-format', 'csv.gz', '--format', 'json'], Buffer.from('not gzip'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^kojin: -: corrupt gzip data$/m);
  });

  it('reads standard input with -', () => {
    const r = kojin(['scan', '-', '--format', 'json'], { input: 'マイナンバー,氏名\n123456789018,山田\n' });
    expect(JSON.parse(r.out).files[0].tables[0].fields.map((f: { category: string }) => f.category)).toEqual(['my_number', 'personal']);
  });

  it('prints --version and --help', () => {
    expect(kojin(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = kojin(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/scan/);
    expect(help.out).toMatch(/classify/);
  });
});

describe('kojin explain', () => {
  it('shows why 納税者郵便番号, 会社電話番号 and seinenGappi classify as they do', () => {
    const a = kojin(['explain', '納税者郵便番号']);
    expect(a.out).toMatch(/納税者/);
    expect(a.out).toMatch(/Result: personal\/postal_code/);
    const b = kojin(['explain', '会社電話番号']);
    expect(b.out).toMatch(/organisation/);
    expect(b.out).toMatch(/Result: none\//);
    const c = kojin(['explain', 'seinenGappi']);
    expect(c.out).toMatch(/seinen \| gappi/);
    expect(c.out).toMatch(/Result: personal\/birth_date/);
    const json = JSON.parse(kojin(['explain', '--format', 'json', '会社電話番号']).out);
    expect(json.explanations[0].segments.map((s: { entry?: string }) => s.entry)).toEqual(['none.org', 'personal.contact']);
  });
});

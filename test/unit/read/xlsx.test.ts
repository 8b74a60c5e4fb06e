import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, errorOf } from './helpers.js';
import { zip } from '../../support/zip.js';
import { openFile, bufferSource } from '../../../src/read/source.js';
import { xlsxReader } from '../../../src/read/xlsx.js';
import { DEFAULT_LIMITS, ReadError, type ParsedSource, type ReadOptions, type Row, type TableSource } from '../../../src/read/types.js';

const options = (more: Partial<ReadOptions> = {}): ReadOptions => ({ sampleRows: 100, allRows: false, limits: DEFAULT_LIMITS, ...more });
const samplePath = new URL('../../../samples/inputs/employees.xlsx', import.meta.url).pathname;
const fixture = (name: string) => new URL(`../../fixtures/read/${name}`, import.meta.url).pathname;



async function readPath(path: string, more: Partial<ReadOptions> = {}) {
  return collect(await xlsxReader.read(await openFile(path), options(more)));
}

describe('xlsxReader on employees.xlsx', () => {
  it('reads every sheet as a table named after the sheet', async () => {
    const tables = await readPath(samplePath);
    expect(tables.map((t) => [t.table.name, t.table.kind])).toEqual([
      ['社員名簿', 'data'],
      ['給与', 'data'],
      ['項目定義', 'layout'],
    ]);
  });

  it('names fields of a merged two-row header by group and field', async () => {
    const [roster] = await readPath(samplePath);
    expect(roster.table.fields.map((f) => f.name)).toEqual([
      '社員番号', '本人 氏名', '本人 生年月日', '本人 個人番号', '配偶者 氏名', '配偶者 生年月日', '配偶者 個人番号',
    ]);
    expect(roster.table.fields[1].position).toEqual({ line: 2, column: 2 });
    expect(roster.rows).toHaveLength(3);
    expect(roster.rows[0][2]).toBe('1980-01-02'); // a date cell as an ISO date
    expect(roster.rows[1][4]).toBeUndefined();
  });

  it('skips a title row, reads formulas as results and rich text as text', async () => {
    const [, pay] = await readPath(samplePath);
    expect(pay.table.fields.map((f) => f.name)).toEqual(['社員番号', '氏名', '基本給', '通勤手当', '支給額', '振込口座']);
    expect(pay.table.fields[0].position).toEqual({ line: 4, column: 1 });
    expect(pay.rows[0][4]).toBe('312000');
    expect(pay.rows[1][1]).toBe('例示 次郎');
  });

  it('turns a layout-definition sheet into a layout table', async () => {
    const [, , layout] = await readPath(samplePath);
    expect(layout.table.fields.map((f) => f.name)).toEqual(['社員番号', '氏名', '生年月日', '個人番号', '住所', '所属コード']);
  });

  it('reads from memory (stdin / .gz) as well as from a path', async () => {
    const source = bufferSource('-', 'employees.xlsx', readFileSync(samplePath));
    const tables = await collect(await xlsxReader.read(source, options()));
    expect(tables).toHaveLength(3);
  });
});

describe('xlsxReader sampling', () => {
  it('stops after the sample unless allRows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-xlsx-'));
    const path = join(dir, 'big.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = workbook.addWorksheet('data');
    sheet.addRow(['id', '氏名']).commit();
    for (let i = 0; i < 5000; i++) sheet.addRow([i, `name ${i}`]).commit();
    sheet.commit();
    await workbook.commit();
    const [sampled] = await readPath(path, { sampleRows: 10 });
    expect(sampled.rows).toHaveLength(10);
    const [all] = await readPath(path, { allRows: true });
    expect(all.rows).toHaveLength(5000);
    expect(all.rows[4999]).toEqual(['4999', 'name 4999']);
  });
});

describe('xlsxReader on a workbook whose shared strings come before its sheets', () => {
  // shared-strings-first.xlsx is samples/inputs/employees.xlsx with its parts reordered (workbook,
  // styles and shared strings first, then the three sheets): exceljs then reads each sheet as the
  // zip streams. A reader that pauses between sheets, as a scan worker does while the main thread
  // classifies the headers, used to get only the first (src/read/exceljs-load.ts).
  it('gives every sheet to a reader that pauses between them', async () => {
    const parsed = await xlsxReader.read(await openFile(fixture('shared-strings-first.xlsx')), options());
    const names: (string | undefined)[] = [];
    for await (const table of parsed.tables) {
      names.push(table.name);
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (table.rows) for await (const row of table.rows) void row;
    }
    expect(names).toEqual(['社員名簿', '給与', '項目定義']);
  });
});

describe('xlsxReader on Japanese shared strings', () => {
  const JA = ['東京都千代田区千代田一丁目', '山田 太郎', 'ヤマダ タロウ', '北海道札幌市中央区北一条西', '髙橋 﨑子', '𠮷野家'];
  async function japaneseBook(rows: number): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-xlsx-ja-'));
    const path = join(dir, 'ja.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = workbook.addWorksheet('名簿');
    sheet.addRow(['番号', '住所', '氏名']).commit();
    for (let i = 0; i < rows; i++) sheet.addRow([i, `${JA[i % JA.length]}${i}番`, `${JA[(i + 1) % JA.length]}${i}`]).commit();
    sheet.commit();
    await workbook.commit();
    return path;
  }

  it('reads every Japanese cell intact, wherever the inflated chunks split a character', async () => {
    // ~60 KB of shared strings of three- and four-byte characters: several chunk boundaries fall
    // inside a character (exceljs alone turned those into U+FFFD).
    const rows = 3000;
    const [table] = await readPath(await japaneseBook(rows), { allRows: true });
    expect(table.rows).toHaveLength(rows);
    const wrong = table.rows.flatMap((row, i) => (JSON.stringify(row) === JSON.stringify([String(i), `${JA[i % JA.length]}${i}番`, `${JA[(i + 1) % JA.length]}${i}`]) ? [] : [JSON.stringify(row)]));
    expect(wrong).toEqual([]);
  });

  it('writes nothing to the temporary directory while it reads', async () => {
    const path = await japaneseBook(2000);
    const temp = mkdtempSync(join(tmpdir(), 'kojin-xlsx-tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      const parsed = await xlsxReader.read(await openFile(path), options({ allRows: true }));
      for await (const table of parsed.tables) {
        const first = await table.rows[Symbol.asyncIterator]().next();
        expect(first.done).toBe(false);
        expect(readdirSync(temp)).toEqual([]);
      }
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});

describe('xlsxReader errors', () => {
  it('refuses old binary .xls', async () => {
    expect(await errorOf(() => readPath(fixture('old-binary.xls')))).toBe('old binary Excel (.xls) is not supported; save it as .xlsx or CSV');
  });

  it('refuses a password-protected workbook', async () => {
    expect(await errorOf(() => readPath(fixture('encrypted.xlsx')))).toBe('password-protected workbook; remove the password or export CSV');
  });

  it('refuses a corrupt archive', async () => {
    expect(await errorOf(() => readPath(fixture('corrupt.xlsx')))).toBe('corrupt xlsx (not a valid zip archive)');
  });

  it('refuses a zip that is not a workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-xlsx-'));
    const path = join(dir, 'notbook.xlsx');
    writeFileSync(path, zip([{ name: 'hello.txt', data: Buffer.from('hello') }]));
    expect(await errorOf(() => readPath(path))).toBe('not an xlsx workbook');
  });

  it('refuses a zip bomb by its declared unpacked size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-xlsx-'));
    const path = join(dir, 'bomb.xlsx');
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    writeFileSync(path, zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: zeros },
      { name: 'xl/worksheets/sheet2.xml', data: zeros },
    ]));
    const limits = { ...DEFAULT_LIMITS, maxUnpackedBytes: 4 * 1024 * 1024 };
    expect(await errorOf(() => readPath(path, { limits }))).toBe('unpacked size 17 MiB exceeds the limit of 4 MiB (raise it with --max-unpacked-mb)');
  });
});


describe('withMerges', () => {
  it('takes a single group merged over every column as the group row', async () => {
    const { withMerges } = await import('../../../src/read/xlsx.js');
    const { detectHeaderLayout } = await import('../../../src/read/header-row.js');
    const rows = [['本人', '', ''], ['氏名', '住所', '電話番号'], ['a', 'b', 'c']];
    const layout = withMerges(detectHeaderLayout(rows), rows, [{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(layout.names).toEqual(['本人 氏名', '本人 住所', '本人 電話番号']);
  });
});

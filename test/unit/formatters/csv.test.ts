import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../../src/formatters/registry.js';
import { csvCell, csvRows, defuseFormula, toShiftJis } from '../../../src/formatters/csv.js';
import type { ScanReport } from '../../../src/types.js';
import { REPORT } from './fixture.js';

/** A minimal RFC 4180 parser for the tests (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const ja = { lang: 'ja', color: false, toolVersion: 'x' } as const;

describe('csv formatter', () => {
  it('is UTF-8 with a BOM, CRLF line ends, one row per field plus error rows', () => {
    const out = FORMATTERS.csv(REPORT, ja) as string;
    expect(typeof out).toBe('string');
    expect(out.startsWith('\ufeff')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(out.slice(1));
    expect(rows[0]).toEqual(['ファイル', 'シート/テーブル', '項目', '区分', '区分名', '小区分', '確信度', '根拠', '利用目的（宣言）', '責任者']);
    expect(rows).toHaveLength(1 + 10 + 1);
    expect(rows[1]).toEqual([
      'data/employees.csv',
      '',
      '従業員個人番号',
      'my_number',
      '個人番号（特定個人情報）',
      'individual_number',
      '0.97',
      '辞書の語「個人番号」（my_number.individual_number）に一致; 「個人番号」は辞書にないが、「従業員」が持ち主を個人と示す',
      '',
      '',
    ]);
    const declared = rows.find((r) => r[2] === 'kojin_bango')!;
    expect(declared.slice(8)).toEqual(['源泉徴収票の作成（税務）', '経理部']);
    expect(declared[1]).toBe('振替依頼');
    expect(rows.at(-1)![0]).toBe('data/broken.xlsx');
    expect(rows.at(-1)![7]).toMatch(/^エラー: not a zip file/);
    expect(rows.find((r) => r[2].startsWith('<script>'))![2]).toBe('<script>alert("x")</script> | メール');
  });

  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses spreadsheet formulas in untrusted names', () => {
    expect(defuseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(defuseFormula('+1')).toBe("'+1");
    expect(defuseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(defuseFormula('氏名')).toBe('氏名');
    const report: ScanReport = structuredClone(REPORT);
    report.files[0].tables[0].fields[1].name = '=cmd|"/c calc"!A1';
    const rows = csvRows(report, 'en');
    expect(rows[2][2]).toBe('\'=cmd|"/c calc"!A1');
  });

  it('writes Shift_JIS (CP932) bytes when asked', () => {
    const out = FORMATTERS.csv(REPORT, { ...ja, encoding: 'shift_jis' });
    expect(Buffer.isBuffer(out)).toBe(true);
    const bytes = out as Buffer;
    expect(bytes[0]).not.toBe(0xef); // no BOM
    expect(Encoding.detect(bytes)).toBe('SJIS');
    const text = Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS', type: 'string' });
    expect(text).toBe(FORMATTERS.csv(REPORT, ja).toString().slice(1));
    // CP932 extensions and look-alikes
    expect(toShiftJis('①㈱髙﨑～').toString('hex')).toBe('8740878aeee0ed958160');
    expect(toShiftJis('—').toString('hex')).toBe('815c');
    expect(toShiftJis('😀').toString()).toBe('?');
  });
});

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v libreoffice'], { encoding: 'utf8' }).status === 0;
if (!hasLibreOffice) {
  console.warn('csv → xlsx round trip skipped: `libreoffice` is not on PATH (CI installs libreoffice-calc-nogui)');
}

describe.skipIf(!hasLibreOffice)('csv opened by LibreOffice Calc', () => {
  it.each([
    ['utf-8', 76],
    ['shift_jis', 64],
  ] as const)('keeps the Japanese text (%s)', async (encoding, filterCharset) => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-csv-'));
    try {
      const src = join(dir, 'inventory.csv');
      writeFileSync(src, FORMATTERS.csv(REPORT, { ...ja, encoding }));
      // CSV import filter options: separator 44 (,), text delimiter 34 ("), charset (76 UTF-8, 64 Shift_JIS), first line 1
      execFileSync(
        'libreoffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          `--infilter=CSV:44,34,${filterCharset},1`,
          '--convert-to',
          'xlsx',
          '--outdir',
          dir,
          src,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(join(dir, 'inventory.xlsx')) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      const cell = (r: number, c: number): string => String(sheet.getRow(r).getCell(c).text ?? '');
      expect(cell(1, 1)).toBe('ファイル');
      expect(cell(2, 3)).toBe('従業員個人番号');
      expect(cell(2, 5)).toBe('個人番号（特定個人情報）');
      const texts: string[] = [];
      sheet.eachRow((row) => texts.push(String(row.getCell(3).text)));
      expect(texts).toContain('顧客番号（区市コード、税目コード、被保険者番号、相当年度、年度、期別）');
      expect(texts).toContain('<script>alert("x")</script> | メール');
      expect(sheet.rowCount).toBe(12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

// A CSV inventory, one row per field, ready to paste into a 個人情報取扱台帳 (personal information
// ledger). RFC 4180 quoting, CRLF line ends; UTF-8 with BOM by default, or Shift_JIS (CP932) bytes
// when options.encoding is 'shift_jis', so that Excel in a Japanese locale opens it as is.

import { createRequire } from 'node:module';
import type EncodingJapanese from 'encoding-japanese';

// Loaded only for --encoding shift_jis output.
const encodingJapanese = () => createRequire(import.meta.url)('encoding-japanese') as typeof EncodingJapanese;
import { categoryLabel, reasonText, t, type Lang } from '../i18n/index.js';
import type { ScanReport } from '../types.js';
import type { FormatOptions } from './index.js';
import { fieldRows, formatConfidence } from './text.js';

const BOM = '\ufeff';

/** RFC 4180: quote a cell holding a comma, a quote, CR or LF; double the quotes inside. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Cells that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) get a leading
 * apostrophe: header names are untrusted input and the CSV is meant to be opened in Excel.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function headerRow(lang: Lang): string[] {
  return [
    t('file', lang),
    t('sheetOrTable', lang),
    t('field', lang),
    t('category', lang),
    t('categoryLabel', lang),
    t('subcategory', lang),
    t('confidence', lang),
    t('reasons', lang),
    t('declaredPurpose', lang),
    t('owner', lang),
  ];
}

/** The inventory as rows of cells (header row first); composite parts are not rows of their own. */
export function csvRows(report: ScanReport, lang: Lang): string[][] {
  const rows: string[][] = [headerRow(lang)];
  const text = (s: string | undefined): string => defuseFormula(s ?? '');
  for (const file of report.files) {
    if (file.error !== undefined) {
      rows.push([text(file.path), '', '', '', '', '', '', text(`${t('error', lang)}: ${file.error}`), '', '']);
      continue;
    }
    for (const { table, field } of fieldRows(file)) {
      rows.push([
        text(file.path),
        text(table.name),
        text(field.name),
        field.category,
        categoryLabel(field.category, lang),
        field.subcategory ?? '',
        formatConfidence(field.confidence),
        text(field.reasons.map((r) => reasonText(r, lang)).join('; ')),
        text(field.declared?.purpose),
        text(field.declared?.owner),
      ]);
    }
  }
  return rows;
}

/** Characters with no CP932 code whose CP932 look-alike every Japanese reader expects. */
const CP932_SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u2014': '\u2015', // EM DASH → HORIZONTAL BAR (0x815C)
  '\u2016': '\u2225', // DOUBLE VERTICAL LINE → PARALLEL TO (0x8161)
  '\u00a2': '\uffe0', // ¢ → ￠
  '\u00a3': '\uffe1', // £ → ￡
  '\u00ac': '\uffe2', // ¬ → ￢
  '\u00a6': '\uffe4', // ¦ → ￤
};

/** Shift_JIS (CP932) bytes; characters CP932 cannot hold become '?'. */
export function toShiftJis(text: string): Buffer {
  const prepared = text.replace(/[\u2014\u2016\u00a2\u00a3\u00ac\u00a6]/g, (c) => CP932_SUBSTITUTES[c] ?? c);
  const Encoding = encodingJapanese();
  const codes = Encoding.convert(Encoding.stringToCode(prepared), { to: 'SJIS', from: 'UNICODE' });
  return Buffer.from(codes);
}

export function csvText(report: ScanReport, lang: Lang): string {
  return csvRows(report, lang)
    .map((row) => row.map(csvCell).join(','))
    .map((line) => line + '\r\n')
    .join('');
}

export function csv(report: ScanReport, options: FormatOptions): string | Buffer {
  const body = csvText(report, options.lang);
  return options.encoding === 'shift_jis' ? toShiftJis(body) : BOM + body;
}

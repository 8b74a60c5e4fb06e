// Record layout definitions written as tables (CSV, TSV, Markdown, a sheet of a workbook): each row
// describes one field of some other file (項目名, 桁数, 属性, 備考), so the fields to classify are
// the values of the name column, not the header. A 全銀 transfer layout is the typical example.
import type { FieldSource, TableSource } from './types.js';

/** Header texts of the column holding field names, best first (論理名 before 物理名). */
const NAME_HEADERS = [
  '項目名', '項目名称', 'データ項目名', 'データ項目', 'フィールド名', '論理名', '論理項目名', '項目', 'カラム名', '列名',
  'fieldname', 'field', 'itemname', 'item', 'columnname', 'column', 'name', '物理名', '名称',
];
/** Header texts of columns that describe a field's size or type: what makes a table a layout. */
const SHAPE_HEADERS = [
  '桁数', '桁', 'バイト数', 'バイト', 'byte', 'bytes', '属性', '型', 'データ型', '長さ', '文字数', 'サイズ', '精度', '文字種',
  '形式', '開始位置', '位置', '開始', '終了位置', 'length', 'len', 'type', 'datatype', 'size', 'width', 'format', 'offset', 'start', 'pic', 'picture',
];
/** Header texts of a description column, kept as the field's comment. */
const DESCRIPTION_HEADERS = ['備考', '説明', '内容', '摘要', '項目説明', '記載内容', 'description', 'remarks', 'remark', 'note', 'notes', 'comment', 'comments'];

/** Header text as compared: NFKC, lower case, no spaces, no bracketed qualifier (桁数（バイト） → 桁数). */
function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(\[【<][^)\]】>]*[)\]】>]/gu, '')
    .replace(/[\s_\-.・:]/gu, '');
}

function findColumn(names: readonly string[], wanted: readonly string[]): number {
  const normalized = names.map(normalizeHeader);
  for (const word of wanted) {
    const index = normalized.indexOf(word);
    if (index >= 0) return index;
  }
  return -1;
}

export interface LayoutColumns {
  name: number;
  /** The size/type columns. */
  shape: number[];
  description?: number;
}

/**
 * What a size or type cell of a layout looks like: a number (10, 10.2, 5,2), a COBOL picture
 * (9(5), X(10), S9(7)V99), a type code or name (N, C, X, AN, 数字, 漢字, varchar(20), date).
 */
const SHAPE_VALUE = /^(?:\d+(?:[.,]\d+)?(?:\s*(?:桁|バイト|byte|bytes|文字))?|\d+\s*[-~～〜]\s*\d+|s?[9xanvzb](?:\(\d+\))?(?:v?[9xanvzb](?:\(\d+\))?)*|n|c|x|an|k|j|数字|数値|文字|文字列|英数|英数字|英数カナ|カナ|漢字|全角|半角|日付|時刻|日時|(?:n?var)?char2?|varchar2|number|numeric|decimal|int|integer|bigint|smallint|tinyint|text|string|date|datetime|timestamp|time|boolean|bool|float|double|real|binary|blob|clob|packed|zoned|comp-?3)(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?$/iu;

/** The columns of a layout definition header, or null when the header is not one. */
export function layoutColumns(names: readonly string[]): LayoutColumns | null {
  const name = findColumn(names, NAME_HEADERS);
  if (name < 0) return null;
  const shape = names.flatMap((header, i) => (i !== name && SHAPE_HEADERS.includes(normalizeHeader(header)) ? [i] : []));
  if (shape.length === 0) return null;
  const description = findColumn(names, DESCRIPTION_HEADERS);
  return description >= 0 && description !== name ? { name, shape, description } : { name, shape };
}

/**
 * Reads a table as a layout definition when its header has a name column and a size or type
 * column: the fields are the names down the name column, with the description column as comment.
 * @param lines 1-based file line of each row, when known, for field positions
 */
export function asLayoutDefinition(names: string[], rows: string[][], lines?: readonly number[]): TableSource | null {
  const columns = layoutColumns(names);
  if (!columns || !shapesLookRight(rows, columns)) return null;
  const fields: FieldSource[] = [];
  rows.forEach((row, i) => {
    const name = (row[columns.name] ?? '').trim();
    // Blank rows, and the header repeated on a later page of a printed definition, are not fields.
    if (!name || normalizeHeader(name) === normalizeHeader(names[columns.name])) return;
    const comment = columns.description === undefined ? '' : (row[columns.description] ?? '').trim();
    const line = lines?.[i];
    fields.push({
      name,
      ...(comment ? { comment } : {}),
      ...(line ? { position: { line, column: columns.name + 1 } } : {}),
    });
  });
  return { kind: 'layout', fields, rows: noRows(), warnings: [] };
}

/**
 * A data file whose header happens to read name,type,… (a product list) is not a layout: its
 * size/type cells must look like sizes or types in most rows.
 */
function shapesLookRight(rows: readonly string[][], columns: LayoutColumns): boolean {
  const described = rows.filter((row) => (row[columns.name] ?? '').trim());
  if (described.length === 0) return false;
  return columns.shape.some((col) => {
    const cells = described.map((row) => (row[col] ?? '').normalize('NFKC').trim()).filter(Boolean);
    return cells.length >= described.length / 2 && cells.filter((cell) => SHAPE_VALUE.test(cell)).length >= cells.length * 0.7;
  });
}

async function* noRows() {}

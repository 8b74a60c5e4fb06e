// Finding the header row of a table as people really export it: title lines and notes above it,
// blank lines, a units row under it, a two-row header whose upper row groups the fields (merged
// cells exported as blanks), or no header at all. Shared by the CSV and xlsx readers; pure.

export interface HeaderLayout {
  /** True when the first row of the table is already data; names are then `column N`. */
  headerless: boolean;
  /** 0-based index of the header row in the rows given; -1 when headerless. */
  headerRow: number;
  /** 0-based index of the group row above the header (a two-row header), when there is one. */
  groupRow?: number;
  /** 0-based index of the first data row. */
  dataStart: number;
  /** One name per column: `group field` under a group row, `column N` for blank or missing header cells. */
  names: string[];
}

/** Rows looked at; a header further down than this is not a header a person would recognise. */
export const HEADER_SCAN_ROWS = 30;
/** A header cell longer than this is prose or data, not a field name. */
const MAX_HEADER_CHARS = 64;
/** Rows under a candidate header that are compared with it. */
const LOOKAHEAD_ROWS = 5;

type Cells = readonly string[];

export function detectHeaderLayout(rows: readonly (readonly string[])[]): HeaderLayout {
  const scan: Cells[] = rows.slice(0, HEADER_SCAN_ROWS).map((row) => row.map(clean));
  const width = tableWidth(scan);
  let candidate = firstTableRow(scan, width, 0);
  while (candidate >= 0 && !looksLikeHeader(scan[candidate], nextRows(scan, candidate + 1, LOOKAHEAD_ROWS))) {
    // A half-width row of values above the table is a key/value note (作成日,2023/04/01): skip it.
    // A full-width row of values means the table starts with data: headerless from there.
    if (width >= 3 && nonEmpty(scan[candidate]) * 2 <= width) {
      candidate = firstTableRow(scan, width, candidate + 1);
      continue;
    }
    return { headerless: true, headerRow: -1, dataStart: candidate, names: columnNames(Math.max(width, span(scan[candidate]))) };
  }
  if (candidate < 0) {
    const first = nextNonBlank(scan, 0);
    return { headerless: true, headerRow: -1, dataStart: Math.max(first, 0), names: columnNames(width) };
  }

  const header = scan[candidate];
  const groupIndex = groupRowAbove(scan, candidate, header);
  let dataStart = candidate + 1;
  const unitsIndex = nextNonBlank(scan, dataStart);
  if (unitsIndex >= 0 && isUnitsRow(scan[unitsIndex], header)) dataStart = unitsIndex + 1;

  // Data wider than the header (unnamed trailing columns) counts only when most rows are that wide;
  // a single long row is a ragged row, reported by the reader.
  const data = nextRows(scan, dataStart, LOOKAHEAD_ROWS);
  const dataWidth = modalSpan(data) ?? 0;
  const wide = data.filter((row) => span(row) >= dataWidth).length > data.length / 2;
  const count = Math.max(span(header), wide ? dataWidth : 0);
  const groups = groupIndex >= 0 ? carryRight(scan[groupIndex], count) : [];
  const names = Array.from({ length: count }, (_, i) => {
    const field = header[i] ?? '';
    const group = groups[i] ?? '';
    if (!field) return group ? group : `column ${i + 1}`;
    return group ? `${group} ${field}` : field;
  });
  return { headerless: false, headerRow: candidate, ...(groupIndex >= 0 ? { groupRow: groupIndex } : {}), dataStart, names };
}

/** Trims ordinary and full-width spaces; a cell of only spaces is blank. */
function clean(cell: string | null | undefined): string {
  if (!cell) return '';
  // Most cells have no space at either end: no regex for them.
  if (!isSpace(cell.charCodeAt(0)) && !isSpace(cell.charCodeAt(cell.length - 1))) return cell;
  return cell.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

/** What /\s/u matches (and U+3000, which it includes), by code unit. */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function nonEmpty(row: Cells): number {
  let n = 0;
  for (const cell of row) if (cell) n++;
  return n;
}

/** Index of the last non-empty cell + 1: exported sheets pad rows with trailing empty cells. */
function span(row: Cells): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i]) return i + 1;
  return 0;
}

/** The most frequent span among rows with two or more cells (ties go to the wider); 1 for a one-column file. */
function tableWidth(rows: readonly Cells[]): number {
  return modalSpan(rows.filter((row) => nonEmpty(row) >= 2)) ?? (rows.some((row) => nonEmpty(row) > 0) ? 1 : 0);
}

function modalSpan(rows: readonly Cells[]): number | undefined {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const s = span(row);
    if (s > 0) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [s, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && s > best)) {
      best = s;
      bestCount = c;
    }
  }
  return best;
}

/**
 * The first row that belongs to the table: title lines and notes (a single cell) and blank lines are
 * skipped, as are short key/value lines (作成日,2023/04/01) well narrower than the table.
 */
function firstTableRow(rows: readonly Cells[], width: number, from: number): number {
  const needed = width <= 1 ? 1 : Math.max(2, Math.ceil(width / 2));
  for (let i = from; i < rows.length; i++) if (nonEmpty(rows[i]) >= needed) return i;
  return -1;
}

function nextNonBlank(rows: readonly Cells[], from: number): number {
  for (let i = from; i < rows.length; i++) if (nonEmpty(rows[i]) > 0) return i;
  return -1;
}

function nextRows(rows: readonly Cells[], from: number, count: number): Cells[] {
  return rows.slice(from).filter((row) => nonEmpty(row) > 0).slice(0, count);
}

const NUMBER = /^[-+−]?[¥￥$]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%％]?$/u;
const DATE = /^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?:令和|平成|昭和|大正|[RHSTrhst])\s?(?:\d{1,2}|元)[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?)(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/u;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const PHONE = /^\+?\d{1,4}[-(（]\d{1,4}[-)）]\d{3,4}$/u;
const POSTAL = /^〒?\d{3}-\d{4}$/u;
const BOOLEAN = /^(?:true|false)$/iu;

/** Whether a cell looks like a value rather than a field name. */
export function looksLikeValue(cell: string): boolean {
  const text = cell.normalize('NFKC');
  return (
    NUMBER.test(text) || DATE.test(text) || TIME.test(text) || EMAIL.test(text) || PHONE.test(text) ||
    POSTAL.test(text) || BOOLEAN.test(text) || [...text].length > MAX_HEADER_CHARS
  );
}

function valueShare(row: Cells): number {
  const cells = row.filter(Boolean);
  return cells.length === 0 ? 0 : cells.filter(looksLikeValue).length / cells.length;
}

/**
 * A header is mostly short non-value texts. A row with some values (年度 columns: 2022, 2023) still
 * counts when the rows under it are clearly more value-like than it is.
 */
function looksLikeHeader(row: Cells, below: readonly Cells[]): boolean {
  const share = valueShare(row);
  if (share <= 0.25) return true;
  if (share >= 0.5 || below.length === 0) return false;
  const belowShare = below.reduce((sum, r) => sum + valueShare(r), 0) / below.length;
  return belowShare >= share + 0.4;
}

/**
 * The group row of a two-row header sits directly above the header, has fewer cells, holds only
 * short names, and either makes repeated header names distinct (本人 氏名 / 配偶者 氏名) or has
 * two or more groups each spanning several columns (merged cells exported as blanks).
 */
function groupRowAbove(rows: readonly Cells[], headerIndex: number, header: Cells): number {
  const index = headerIndex - 1;
  if (index < 0) return -1;
  const upper = rows[index];
  const cells = upper.filter(Boolean);
  if (cells.length === 0 || cells.length >= nonEmpty(header)) return -1;
  if (span(upper) > Math.max(span(header), 1)) return -1;
  if (cells.some((cell) => looksLikeValue(cell) || [...cell].length > 20)) return -1;

  const headerNames = header.filter(Boolean);
  const hasRepeats = new Set(headerNames).size < headerNames.length;
  if (hasRepeats) {
    const groups = carryRight(upper, span(header));
    const combined = header.map((field, i) => (field ? `${groups[i] ?? ''} ${field}` : '')).filter(Boolean);
    if (new Set(combined).size > new Set(headerNames).size) return index;
  }
  if (cells.length < 2) return -1;
  const starts = upper.map((cell, i) => (cell ? i : -1)).filter((i) => i >= 0);
  const end = span(header);
  const spans = starts.map((start, k) => (k + 1 < starts.length ? starts[k + 1] : end) - start);
  // Every group but the last covers two or more columns; the last may be a single trailing column.
  return spans.slice(0, -1).every((s) => s >= 2) && spans[0] >= 2 ? index : -1;
}

/** A group name holds for the blank cells to its right, up to the next group. */
function carryRight(row: Cells, count: number): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < count; i++) {
    if (row[i]) current = row[i];
    out.push(current);
  }
  return out;
}

const UNIT_WORD = /^(?:円|千円|万円|百万円|億円|ドル|kg|g|mg|t|cm|mm|m|km|㎏|㎎|㎝|㎜|㎞|㎡|m2|m²|m3|%|％|歳|才|人|名|件|回|日|時間|分|秒|個|本|枚|台|箱|ℓ|l|ml|mL|L|ヶ月|か月|ケ月|年|月|点|pt|ポイント|kcal|mmHg|mg\/dl|mg\/dL|bpm|℃)$/iu;
const BRACKETED = /^[（(［\[【<＜〈]\s*[^（()）［\]］【】]{1,12}\s*[）)］\]】>＞〉]$/u;
const UNIT_LABEL = /^単位[:：]/u;

/** A units row under the header: every cell is blank, a bracketed short text, or a unit word. */
function isUnitsRow(row: Cells, header: Cells): boolean {
  const cells = row.filter(Boolean);
  if (cells.length === 0 || cells.length > Math.max(nonEmpty(header), 1)) return false;
  return cells.every((cell) => {
    const text = cell.normalize('NFKC');
    return BRACKETED.test(cell) || UNIT_WORD.test(text) || UNIT_LABEL.test(text);
  });
}

function columnNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `column ${i + 1}`);
}

// Text helpers shared by the formatters: terminal display width, truncation, padding, and walks
// over the report's fields. Pure functions only.

import type { FieldReport, FileReport, ScanReport, TableReport } from '../types.js';

/** [start, end] code point ranges that a terminal draws two columns wide (East Asian Wide/Fullwidth). */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compat, Kanbun, CJK strokes, enclosed, compat
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], // Tangut
  [0x1b000, 0x1b2ff], // Kana supplement / extended, Nushu
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f], // pictographs and emoticons (emoji presentation mostly)
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], // CJK extensions B–F
  [0x30000, 0x3fffd], // CJK extension G+
];

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid];
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Zero-width code points: controls, combining marks, variation selectors, joiners. */
const ZERO_WIDTH_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0, 0x1f],
  [0x7f, 0x9f],
  [0x300, 0x36f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x3099, 0x309a],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];

export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp <= 0xffff) return bmpWidths()[cp] as 0 | 1 | 2;
  return widthOf(cp);
}

function widthOf(cp: number): 0 | 1 | 2 {
  if (inRanges(cp, ZERO_WIDTH_RANGES)) return 0;
  return inRanges(cp, WIDE_RANGES) ? 2 : 1;
}

/**
 * The width of every BMP code point, filled once from the ranges above (64 KiB): a report of
 * thousands of rows measures every character of every cell, and a table load beats a range search.
 */
let BMP_WIDTHS: Uint8Array | undefined;
function bmpWidths(): Uint8Array {
  if (!BMP_WIDTHS) {
    const widths = new Uint8Array(0x10000).fill(1);
    // Zero width wins over wide, as in widthOf().
    for (const [value, ranges] of [[2, WIDE_RANGES], [0, ZERO_WIDTH_RANGES]] as const) {
      for (const [start, end] of ranges) if (start <= 0xffff) widths.fill(value, start, Math.min(end, 0xffff) + 1);
    }
    BMP_WIDTHS = widths;
  }
  return BMP_WIDTHS;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes in a terminal: East Asian wide characters count 2; ANSI colour codes 0. */
export function displayWidth(text: string): number {
  // Code units, code points only where a surrogate pair needs one: this runs for every cell of a table.
  const plain = text.indexOf('\u001b') === -1 ? text : text.replace(ANSI, '');
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      width++; // printable ASCII
      continue;
    }
    const cp = plain.codePointAt(i)!;
    if (cp > 0xffff) i++;
    width += charWidth(cp);
  }
  return width;
}

/** Cut text to at most `max` columns, ending with … when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return out + '…';
}

export function padEnd(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? text + ' '.repeat(gap) : text;
}

export function padStart(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? ' '.repeat(gap) + text : text;
}

/** Control characters (newlines, tabs, escapes) in header names would break a line-based layout. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

export function formatConfidence(confidence: number): string {
  const c = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
  return c.toFixed(2);
}

export interface FieldRow {
  file: FileReport;
  table: TableReport;
  field: FieldReport;
  /** 0 for a field of the table, 1+ for the parts of a composite. */
  depth: number;
}

/** Every field of every table of a file, in report order; parts follow their field when asked. */
export function fieldRows(file: FileReport, withParts = false): FieldRow[] {
  const rows: FieldRow[] = [];
  const visit = (table: TableReport, field: FieldReport, depth: number): void => {
    rows.push({ file, table, field, depth });
    if (withParts) for (const part of field.parts ?? []) visit(table, part, depth + 1);
  };
  for (const table of file.tables) for (const field of table.fields) visit(table, field, 0);
  return rows;
}

export function allFieldRows(report: ScanReport, withParts = false): FieldRow[] {
  return report.files.flatMap((file) => fieldRows(file, withParts));
}

/** Splits a bySubcategory key ("personal/name", "personal.name" or "name") into its parts. */
export function splitSubcategoryKey(key: string): { category?: string; subcategory: string } {
  const m = /^(my_number|sensitive|personal|none|unknown)[/.:](.+)$/.exec(key);
  return m ? { category: m[1], subcategory: m[2] } : { subcategory: key };
}

/** Stable order of bySubcategory entries: by count descending, then key. */
export function sortedSubcategories(bySubcategory: Record<string, number>): Array<[string, number]> {
  return Object.entries(bySubcategory).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Wrap text to lines of at most `width` columns, breaking at spaces, or anywhere in CJK text. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let lastSpace = -1;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (lineWidth + w > width && line !== '') {
      if (ch === ' ') {
        lines.push(line);
        line = '';
        lineWidth = 0;
        lastSpace = -1;
        continue;
      }
      if (lastSpace > 0) {
        lines.push(line.slice(0, lastSpace));
        line = line.slice(lastSpace + 1);
      } else {
        lines.push(line);
        line = '';
      }
      lineWidth = displayWidth(line);
      lastSpace = -1;
    }
    if (ch === ' ') lastSpace = line.length;
    line += ch;
    lineWidth += w;
    if (w === 2) lastSpace = -1;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => l.trimEnd());
}

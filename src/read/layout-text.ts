// Record layouts written as text: field names separated by 、 ， , ・ or one per line / bullet,
// as in the 送信項目/受信項目 lists of a council record. A Markdown heading (# …) or a line in
// 【…】 starts a new table and names it. A Markdown pipe table is either a layout definition
// (項目名 | 桁数 | 型 …: the fields are its name column) or a small data table (the fields are its
// header cells).
import { acceptsLayoutText } from './accepts.js';
import { asLayoutDefinition, layoutColumns } from './layout-table.js';
import { splitList } from './split-list.js';
import { ReadError, type ByteSource, type FieldSource, type ParsedSource, type Reader, type ReadOptions, type TableSource } from './types.js';
import { readWholeText } from './whole-text.js';

/** A layout file larger than this is not a field list. */
const MAX_LAYOUT_BYTES = 32 * 1024 * 1024;

/** An item longer than this is prose, not a field name. */
const MAX_FIELD_CHARS = 60;
const BULLET = /^(?:[・•●○◆◇■□\-*+]|\d{1,3}[.)．）])\s*/u;
const HEADING = /^#{1,6}\s+(.+?)\s*#*$/u;
const BRACKET_TITLE = /^【([^】]+)】$/u;
/** A sentence (ends with 。), not a list of field names. */
const SENTENCE = /[。．]$/u;
const PIPE_ROW = /^\|.*\|$/u;
const PIPE_RULE = /^:?-{2,}:?$/u;

export const layoutTextReader: Reader = {
  format: 'layout',
  accepts: acceptsLayoutText,
  async read(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
    const { text, encoding } = await readWholeText(source, options, MAX_LAYOUT_BYTES, 'text layout');
    if (text.trim() === '') throw new ReadError('empty file');
    const tables = parseLayoutText(text);
    const warnings = tables.length === 0 ? ['no field list found (lines of names separated by 、 , ・ or bullets); nothing classified'] : [];
    return { format: 'layout', encoding, tables: iterate(tables), warnings };
  },
};

/** Parses a field-list text into tables. Pure, for tests. */
export function parseLayoutText(text: string): TableSource[] {
  const tables: TableSource[] = [];
  let name: string | undefined;
  let fields: FieldSource[] = [];
  const flush = () => {
    if (fields.length > 0) tables.push({ name, kind: 'layout', fields, rows: empty(), warnings: [] });
    fields = [];
  };
  const lines = text.split(/\r\n|\r|\n/);
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const rawLine = lines[lineIndex];
    const line = rawLine.trim();
    if (!line) continue;
    if (PIPE_ROW.test(line)) {
      let end = lineIndex;
      while (end + 1 < lines.length && PIPE_ROW.test(lines[end + 1].trim())) end++;
      const table = pipeTable(lines, lineIndex, end);
      if (table) {
        flush();
        tables.push({ ...table, ...(name ? { name } : {}) });
        lineIndex = end;
        continue;
      }
    }
    const title = HEADING.exec(line)?.[1] ?? BRACKET_TITLE.exec(line)?.[1];
    if (title) {
      flush();
      name = title.trim();
      continue;
    }
    if (SENTENCE.test(line)) continue;
    const bullet = BULLET.exec(line);
    const body = bullet ? line.slice(bullet[0].length) : line;
    const lead = rawLine.indexOf(body);
    const items = splitList(body);
    if (items.some((item) => [...item.text].length > MAX_FIELD_CHARS)) continue; // prose, not a list
    for (const item of items) {
      fields.push({ name: item.text, position: { line: lineIndex + 1, column: lead + item.offset + 1 } });
    }
  }
  flush();
  return tables;
}

/** Cells of a `| a | b |` row; `\|` is a pipe inside a cell. */
function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/u).map((cell) => cell.replace(/\\\|/gu, '|').trim());
}

/**
 * A Markdown table from lines[start..end]: a header row, a rule row (|---|:--:|), body rows. Null
 * when there is no rule row (then the lines are read as text).
 */
function pipeTable(lines: readonly string[], start: number, end: number): TableSource | null {
  if (end - start < 1) return null;
  const header = pipeCells(lines[start]);
  const rule = pipeCells(lines[start + 1]);
  if (!rule.every((cell) => PIPE_RULE.test(cell))) return null;
  const body: string[][] = [];
  const bodyLines: number[] = [];
  for (let i = start + 2; i <= end; i++) {
    body.push(pipeCells(lines[i]));
    bodyLines.push(i + 1);
  }
  const definition = asLayoutDefinition(header, body, bodyLines);
  if (definition) {
    // asLayoutDefinition counts columns in cells; in a text file a column is a character.
    const nameColumn = layoutColumns(header)?.name ?? 0;
    for (const field of definition.fields) {
      if (field.position) field.position = { line: field.position.line, column: columnOf(lines[field.position.line - 1], nameColumn) };
    }
    return definition;
  }
  const headerLine = lines[start];
  return {
    kind: 'data',
    fields: header.map((name, i) => ({ name, position: { line: start + 1, column: columnOf(headerLine, i) } })),
    rows: rowsOf(body),
    warnings: [],
  };
}

/** 1-based character column where the i-th cell's text starts. */
function columnOf(line: string, index: number): number {
  let seen = -1;
  for (let c = 0; c < line.length; c++) {
    if (line[c] === '|' && line[c - 1] !== '\\') {
      seen++;
      if (seen === index) {
        let k = c + 1;
        while (line[k] === ' ') k++;
        return k + 1;
      }
    }
  }
  return 1;
}

async function* rowsOf(rows: string[][]) {
  yield* rows;
}

async function* empty() {}

async function* iterate(tables: TableSource[]) {
  yield* tables;
}

// Excel workbooks (.xlsx, .xlsm): every sheet is a table named after the sheet. Read with exceljs's
// streaming WorkbookReader so a large sheet never sits in memory, stopping after the header rows and
// the sample unless --all-rows. (SheetJS is avoided: see /work/shared/toolchain.md.) The header row
// is found by detectHeaderLayout as for CSV; merged header cells, which the streaming reader does
// not report, come from xlsx-zip.ts. A sheet that is a record layout definition becomes a layout.
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { acceptsXlsx } from './accepts.js';
import { detectHeaderLayout, HEADER_SCAN_ROWS, type HeaderLayout } from './header-row.js';
import { asLayoutDefinition } from './layout-table.js';
import { cellText } from './xlsx-cells.js';
import { loadExcelJs } from './exceljs-load.js';
import { checkSignature, inspectXlsx, type MergeRange } from './xlsx-zip.js';
import { ReadError, type ByteSource, type ParsedSource, type Reader, type ReadOptions, type Row, type TableSource } from './types.js';


type Cells = string[];

export const xlsxReader: Reader = {
  format: 'xlsx',
  accepts: acceptsXlsx,
  async read(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
    checkSignature(source);
    const { merges, ordered } = await inspectXlsx(source, options.limits, HEADER_SCAN_ROWS);
    const warnings: string[] = [];
    return { format: 'xlsx', tables: sheetTables(source, options, merges, warnings, ordered), warnings };
  },
};

async function* sheetTables(source: ByteSource, options: ReadOptions, merges: Map<string, MergeRange[]>, warnings: string[], ordered: Readable | undefined): AsyncIterable<TableSource> {
  const excel = loadExcelJs();
  const input = ordered ?? source.open();
  const workbook = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of workbook) {
      const name = (sheet as unknown as { name: string }).name;
      const rowIterator = (sheet as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      try {
        const table = await sheetTable(name, rowIterator, options, merges.get(name) ?? []);
        if (table) yield table;
        else warnings.push(`sheet ${JSON.stringify(name)} is empty`);
      } finally {
        // Stop reading this sheet; exceljs skips the rest of its part and moves to the next sheet.
        await rowIterator.return?.();
      }
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('corrupt xlsx (a part cannot be parsed)');
  } finally {
    input.destroy();
  }
}

/** Reads one sheet's head, finds its header and returns the table; undefined for an empty sheet. */
async function sheetTable(name: string, rows: AsyncIterator<ExcelJS.Row>, options: ReadOptions, merges: MergeRange[]): Promise<TableSource | undefined> {
  // The first HEADER_SCAN_ROWS rows by row number; exceljs skips empty rows, so gaps are filled.
  const head: Cells[] = [];
  let overflow: { number: number; cells: Cells } | undefined;
  let done = false;
  while (!done) {
    const next = await rows.next();
    if (next.done) {
      done = true;
      break;
    }
    const cells = rowCells(next.value);
    if (next.value.number > HEADER_SCAN_ROWS) {
      overflow = { number: next.value.number, cells };
      break;
    }
    while (head.length < next.value.number - 1) head.push([]);
    head.push(cells);
  }
  if (head.every((r) => r.every((c) => c === '')) && !overflow) return undefined;

  const layout = withMerges(detectHeaderLayout(head), head, merges);
  const dataRows: { number: number; cells: Cells }[] = [];
  for (let i = layout.dataStart; i < head.length; i++) if (head[i].some((c) => c !== '')) dataRows.push({ number: i + 1, cells: head[i] });
  if (overflow) dataRows.push(overflow);

  const sampleLimit = options.allRows ? Infinity : options.sampleRows;
  // Enough rows for the sample (and for a layout definition, whose rows are its fields) before
  // deciding, so the sheet's stream can then be released.
  const wanted = Math.max(sampleLimit === Infinity ? 0 : sampleLimit, 200);
  while (!done && dataRows.length < wanted) {
    const next = await rows.next();
    if (next.done) done = true;
    else dataRows.push({ number: next.value.number, cells: rowCells(next.value) });
  }

  if (!layout.headerless) {
    const definition = asLayoutDefinition(layout.names, dataRows.map((r) => r.cells), dataRows.map((r) => r.number));
    if (definition) return { ...definition, name };
  }

  const fields = layout.names.map((fieldName, i) =>
    layout.headerless ? { name: fieldName } : { name: fieldName, position: { line: layout.headerRow + 1, column: i + 1 } },
  );
  const width = fields.length;
  const buffered = dataRows.slice(0, sampleLimit === Infinity ? dataRows.length : sampleLimit).map((r) => fit(r.cells, width));
  const more = options.allRows && !done;
  return {
    name,
    kind: 'data',
    fields,
    ...(layout.headerless ? { headerless: true } : {}),
    warnings: [],
    rows: (async function* (): AsyncIterable<Row> {
      yield* buffered;
      if (!more) return;
      for (;;) {
        const next = await rows.next();
        if (next.done) return;
        yield fit(rowCells(next.value), width);
      }
    })(),
  };
}

/** Cells of a row as text, index 0 = column A. */
function rowCells(row: ExcelJS.Row): Cells {
  const values = row.values as unknown[];
  const cells: Cells = [];
  for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
  return cells;
}

/** A row cut or padded to the table's width; empty cells are undefined. */
function fit(cells: Cells, width: number): Row {
  const out: (string | undefined)[] = new Array(width);
  for (let i = 0; i < width; i++) out[i] = cells[i] ? cells[i] : undefined;
  return out;
}

/**
 * Names from merged header cells: a merged area's value holds across all of its cells, so a group
 * cell merged over three columns names all three (本人 氏名, 本人 住所 …), and a field merged down
 * over the group row (社員番号 over two rows) is named once. Without merges the layout stands.
 */
export function withMerges(layout: HeaderLayout, rows: readonly Cells[], merges: readonly MergeRange[]): HeaderLayout {
  if (layout.headerless || merges.length === 0) return layout;
  const header = layout.headerRow;
  const touches = (r: number) => merges.some((m) => m.top - 1 <= r && r <= m.bottom - 1);
  let group = layout.groupRow;
  if (group === undefined && header > 0 && isMergedGroupRow(rows[header - 1] ?? [], header - 1, merges)) group = header - 1;
  if (!touches(header) && (group === undefined || !touches(group))) return layout;

  const filled = (r: number, c: number): string => {
    const m = merges.find((x) => x.top - 1 <= r && r <= x.bottom - 1 && x.left - 1 <= c && c <= x.right - 1);
    return ((m ? rows[m.top - 1]?.[m.left - 1] : rows[r]?.[c]) ?? '').trim();
  };
  const names = layout.names.map((_, i) => {
    const field = filled(header, i);
    const groupName = group === undefined ? '' : filled(group, i);
    if (!field) return groupName || `column ${i + 1}`;
    return !groupName || groupName === field ? field : `${groupName} ${field}`;
  });
  return { ...layout, names, ...(group === undefined ? {} : { groupRow: group }) };
}

/** A row above the header whose every non-empty cell starts a merge across two or more columns. */
function isMergedGroupRow(row: Cells, r: number, merges: readonly MergeRange[]): boolean {
  const filled = row.map((c, i) => (c.trim() ? i : -1)).filter((i) => i >= 0);
  return filled.length > 0 && filled.every((c) => merges.some((m) => m.top - 1 === r && m.left - 1 === c && m.right > m.left));
}

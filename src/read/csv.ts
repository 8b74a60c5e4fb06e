// CSV, TSV and other delimited text as people export it: any of the Japanese encodings, a sniffed
// delimiter and quote, title lines and units rows around the header, two-row headers, no header,
// ragged rows. Rows stream through the fast splitter (csv-parse where it declines) and stop when the
// consumer stops.
import { extname } from 'node:path';
import { decodeHead, detectEncoding } from './decode.js';
import { detectHeaderLayout, HEADER_SCAN_ROWS, type HeaderLayout } from './header-row.js';
import { asLayoutDefinition, layoutColumns } from './layout-table.js';
import { batchOfRecords, recordsOfBatches, type BatchRecordStream, type CellBatch } from './cell-batch.js';
import { byteRangesOf, type ByteRanges } from './byte-ranges.js';
import { openFastBatches } from './fast-csv.js';
import type { CsvRecord, RecordStream } from './records.js';
import { keepRows, RowChecks } from './row-checks.js';
import { looksDelimited, sniffDialect, type Delimiter, type Dialect } from './sniff.js';
import { ReadError, type ByteSource, type ParsedSource, type Reader, type ReadOptions, type Row, type TableSource } from './types.js';

/** Extensions that are always delimited data; .txt is only when its head sniffs as such. */
const DEFAULT_DELIMITER: Readonly<Record<string, Delimiter>> = { '.csv': ',', '.tsv': '\t', '.tab': '\t', '.psv': '|' };
/** A layout definition is small; more rows than this and the rest are not read. */
const MAX_LAYOUT_ROWS = 10_000;

export const csvReader: Reader = {
  format: 'csv',
  accepts(source) {
    const ext = extname(source.formatName).toLowerCase();
    if (ext in DEFAULT_DELIMITER) return true;
    return ext === '.txt' && txtLooksDelimited(source);
  },
  read: readDelimited,
};

/** A .txt head that decodes and splits into a consistent number of columns is a CSV in disguise. */
function txtLooksDelimited(source: ByteSource): boolean {
  try {
    const encoding = detectEncoding(source.head, source.complete);
    const text = decodeHead(source.head, encoding, source.complete);
    return looksDelimited(sniffDialect(text, source.complete, '\t'), text);
  } catch {
    return false; // unreadable: the layout text reader reports why
  }
}

async function readDelimited(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
  const encoding = detectEncoding(source.head, source.complete, options.encoding);
  const preferred = DEFAULT_DELIMITER[extname(source.formatName).toLowerCase()] ?? ',';
  const sniffed = sniffDialect(decodeHead(source.head, encoding, source.complete), source.complete, preferred);
  // A single-column file sniffs no delimiter: keep the extension's.
  const dialect: Dialect = sniffed.columns >= 2 ? sniffed : { ...sniffed, delimiter: preferred };
  // The exact fast splitter, sampled or not: it hands csv-parse whatever it does not accept (quotes,
  // stray carriage returns), so the records are csv-parse's either way; most files never pay for
  // csv-parse's stream set-up (most of the cost of a small file) or for loading it. --all-rows reads
  // its cell batches directly.
  const fast = openFastBatches(source, encoding, dialect, options.limits);
  const records = recordsOfBatches(fast);
  // With --all-rows a large file may be read in byte ranges by other threads as well (byte-ranges.ts).
  const ranges = (checks: RowChecks, width: number) => byteRangesOf(source, encoding, dialect, options.limits, fast, checks, width);
  try {
    const table = await firstTable(records, options, dialect, ranges);
    return { format: dialect.delimiter === '\t' ? 'tsv' : 'csv', encoding: encoding.name, tables: single(table), warnings: [] };
  } catch (error) {
    records.close();
    throw error;
  }
}

async function firstTable(
  records: RecordStream,
  options: ReadOptions,
  dialect: Dialect,
  ranges: (checks: RowChecks, width: number) => ByteRanges | undefined,
): Promise<TableSource> {
  const head: CsvRecord[] = [];
  while (head.length < HEADER_SCAN_ROWS) {
    const record = await records.next();
    if (!record) break;
    head.push(record);
  }
  if (!head.some((record) => !isBlank(record.cells))) throw new ReadError('no rows (only blank lines)');
  const layout = detectHeaderLayout(head.map((record) => record.cells));
  const warnings: string[] = [];
  if (dialect.strayQuotes > 0) {
    warnings.push(`stray quotes in ${dialect.strayQuotes} of the first ${dialect.records} records (first at line ${dialect.strayQuoteLine}); read leniently`);
  }
  const buffered = head.slice(layout.dataStart);

  if (!layout.headerless && layoutColumns(layout.names)) {
    const definition = await readLayoutDefinition(records, layout, buffered);
    if (definition) return { ...definition, warnings };
  }

  const headerLine = layout.headerless ? 0 : head[layout.headerRow].line;
  const table: TableSource = {
    kind: 'data',
    fields: layout.names.map((name, i) => ({ name, ...(headerLine ? { position: { line: headerLine, column: i + 1 } } : {}) })),
    ...(layout.headerless ? { headerless: true } : {}),
    warnings,
    rows: noRows(),
  };
  // Headers only: nobody will iterate the rows, so release the file now.
  if (options.sampleRows === 0 && !options.allRows) records.close();
  else {
    // Rows as strings for any consumer; with --all-rows also as cell spans (the consumer picks one).
    const checks = new RowChecks(warnings);
    table.rows = dataRows(records, buffered, layout.names.length, checks);
    if (options.allRows && 'remaining' in records) {
      table.cellBatches = dataBatches(records as BatchRecordStream, buffered, layout.names.length, checks);
      table.byteRanges = ranges(checks, layout.names.length);
    }
  }
  return table;
}

/** Reads the rest of a small layout-definition table; null when its rows do not look like one. */
async function readLayoutDefinition(records: RecordStream, layout: HeaderLayout, buffered: CsvRecord[]): Promise<TableSource | null> {
  const all = [...buffered];
  for (;;) {
    if (all.length >= MAX_LAYOUT_ROWS) break;
    const record = await records.next();
    if (!record) break;
    all.push(record);
  }
  const definition = asLayoutDefinition(layout.names, all.map((r) => r.cells), all.map((r) => r.line));
  if (definition) records.close();
  else buffered.splice(0, buffered.length, ...all); // a data file after all: rows come from the buffer
  return definition;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Index of the last non-empty cell + 1: trailing empty cells (Excel pads rows) are not extra cells. */
function span(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i].trim() !== '') return i + 1;
  return 0;
}

/** Data rows after the header, as strings. */
async function* dataRows(records: RecordStream, buffered: CsvRecord[], width: number, checks: RowChecks): AsyncIterable<Row> {
  try {
    for (;;) {
      const record = buffered.length > 0 ? buffered.shift() : await records.next();
      if (!record) break;
      if (isBlank(record.cells)) continue;
      checks.note(record.cells.length, span(record.cells), width, record.line);
      yield record.cells;
    }
    checks.unclosed(records.unclosedQuoteLine);
  } finally {
    records.close();
    checks.finish();
  }
}

/** The same rows as dataRows, as batches of cell spans (blank rows dropped from each batch). */
async function* dataBatches(records: BatchRecordStream, buffered: CsvRecord[], width: number, checks: RowChecks): AsyncIterable<CellBatch> {
  const rest = records.remaining();
  try {
    let batch = buffered.length > 0 ? batchOfRecords(buffered.splice(0)) : await rest.next();
    while (batch) {
      const kept = keepRows(batch, width, checks);
      if (kept.rows > 0) yield kept;
      batch = await rest.next();
    }
    checks.unclosed(rest.unclosedQuoteLine);
  } finally {
    records.close();
    checks.finish();
  }
}

async function* noRows(): AsyncIterable<Row> {}

async function* single(table: TableSource): AsyncIterable<TableSource> {
  yield table;
}

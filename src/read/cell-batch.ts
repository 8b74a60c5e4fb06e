// Records as spans of one decoded text: the --all-rows form of delimited data. A batch is what one
// chunk of the file splits into; a cell is a (start, end) pair into the batch's text, so the
// splitter allocates no string and no array per record, and the value profiler slices a cell out
// only when it has not seen the same text before (ColumnProfiler.addSpan). Records from csv-parse
// (the fallback) are packed into the same form, so consumers see one shape whatever parsed the text.
import { isTrimSpace } from '../values/normalize.js';
import type { CsvRecord, RecordStream } from './records.js';

export { isTrimSpace };

export interface CellBatch {
  /** The text every span points into. */
  text: string;
  /** Cell c is text.slice(spans[2c], spans[2c + 1]). */
  spans: Int32Array;
  /** Row r is cells rowCells[2r] up to (not including) rowCells[2r + 1]. */
  rowCells: Int32Array;
  /** The 1-based line row r starts on. */
  lines: Int32Array;
  rows: number;
}

export interface BatchStream {
  /** The next batch (never empty), or undefined at the end. Throws ReadError like RecordStream.next. */
  next(): Promise<CellBatch | undefined>;
  close(): void;
  unclosedQuoteLine?: number;
}

/** Packs records into one batch: their cells joined into one text. */
export function batchOfRecords(records: readonly CsvRecord[]): CellBatch {
  let cells = 0;
  for (const r of records) cells += r.cells.length;
  const spans = new Int32Array(cells * 2);
  const rowCells = new Int32Array(records.length * 2);
  const lines = new Int32Array(records.length);
  const parts: string[] = [];
  let at = 0;
  let c = 0;
  records.forEach((record, r) => {
    rowCells[2 * r] = c;
    for (const cell of record.cells) {
      spans[2 * c] = at;
      at += cell.length;
      spans[2 * c + 1] = at;
      parts.push(cell);
      c++;
    }
    rowCells[2 * r + 1] = c;
    lines[r] = record.line;
  });
  return { text: parts.join(''), spans, rowCells, lines, rows: records.length };
}

/** The cells of row r as strings. */
export function cellsOf(batch: CellBatch, r: number): string[] {
  const from = batch.rowCells[2 * r];
  const to = batch.rowCells[2 * r + 1];
  const cells = new Array<string>(to - from);
  for (let c = from; c < to; c++) cells[c - from] = batch.text.slice(batch.spans[2 * c], batch.spans[2 * c + 1]);
  return cells;
}

/** Rows r.. of a batch, sharing its arrays. */
function tail(batch: CellBatch, r: number): CellBatch {
  return { text: batch.text, spans: batch.spans, rowCells: batch.rowCells.subarray(2 * r), lines: batch.lines.subarray(r), rows: batch.rows - r };
}

/** A record stream over batches that can hand back the batches it has not turned into records yet. */
export interface BatchRecordStream extends RecordStream {
  /** What is left: the rest of the current batch, then the stream's. Use instead of next() from then on. */
  remaining(): BatchStream;
}

export function recordsOfBatches(batches: BatchStream): BatchRecordStream {
  let current: CellBatch | undefined;
  let at = 0;
  const stream: BatchRecordStream = {
    async next() {
      while (!current || at >= current.rows) {
        current = await batches.next();
        at = 0;
        stream.unclosedQuoteLine = batches.unclosedQuoteLine;
        if (!current) return undefined;
      }
      const record = { cells: cellsOf(current, at), line: current.lines[at] };
      at++;
      return record;
    },
    close: () => batches.close(),
    remaining() {
      let pending = current && at < current.rows ? tail(current, at) : undefined;
      current = undefined;
      const rest: BatchStream = {
        async next() {
          const batch = pending ?? (await batches.next());
          pending = undefined;
          rest.unclosedQuoteLine = batches.unclosedQuoteLine;
          return batch;
        },
        close: () => batches.close(),
      };
      return rest;
    },
  };
  return stream;
}

/** Whether cell c of the batch is blank (empty or only trim-able space). */
export function isBlankCell(batch: CellBatch, c: number): boolean {
  const end = batch.spans[2 * c + 1];
  for (let i = batch.spans[2 * c]; i < end; i++) if (!isTrimSpace(batch.text.charCodeAt(i))) return false;
  return true;
}

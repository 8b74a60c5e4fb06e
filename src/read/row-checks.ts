// The reader's checks on the data rows of delimited text: blank rows are skipped; ragged rows are
// counted and reported once per kind when iteration ends, with the first line — never their
// contents. Apart from csv.ts so that a byte range of the file read elsewhere (a worker thread,
// parallel/ranges.ts) applies the same checks and hands its counts back to be merged in file order.
import { isBlankCell, type CellBatch } from './cell-batch.js';

/** What the checks have counted: plain data, so it can cross threads. Lines are the file's. */
export interface RowCheckCounts {
  longer: { count: number; first: number };
  shorter: { count: number; first: number };
  /** Where a quote opened that never closed (csv-parse's fallback only). */
  unclosedQuoteLine?: number;
}

export class RowChecks {
  private readonly longer = { count: 0, first: 0 };
  private readonly shorter = { count: 0, first: 0 };
  private unclosedLine: number | undefined;
  /** @param warnings where finish() reports (a range read elsewhere reports nothing: it is absorbed). */
  constructor(private readonly warnings: string[] = []) {}

  /** Notes a non-blank row of `cells` cells (`span`: index of its last non-empty cell + 1). */
  note(cells: number, span: number, width: number, line: number): void {
    const counter = span > width ? this.longer : cells < width ? this.shorter : undefined;
    if (!counter) return;
    counter.count++;
    if (!counter.first) counter.first = line;
  }

  unclosed(line: number | undefined): void {
    if (line) this.unclosedLine = line;
  }

  counts(): RowCheckCounts {
    return { longer: { ...this.longer }, shorter: { ...this.shorter }, ...(this.unclosedLine ? { unclosedQuoteLine: this.unclosedLine } : {}) };
  }

  /** Adds the counts of rows that follow every row noted so far (a later part of the same file). */
  absorb(later: RowCheckCounts): void {
    for (const [mine, theirs] of [[this.longer, later.longer], [this.shorter, later.shorter]] as const) {
      if (theirs.count === 0) continue;
      mine.count += theirs.count;
      if (!mine.first) mine.first = theirs.first;
    }
    this.unclosed(later.unclosedQuoteLine);
  }

  /** The warnings, in the order the reader has always given them. */
  finish(): void {
    const warnings = this.warnings;
    if (this.unclosedLine) warnings.push(`a quote opened at line ${this.unclosedLine} is never closed; the rest of the file was not read as rows`);
    const plural = (n: number) => (n === 1 ? '1 row has' : `${n} rows have`);
    if (this.longer.count) warnings.push(`${plural(this.longer.count)} more cells than the header (first at line ${this.longer.first})`);
    if (this.shorter.count) warnings.push(`${plural(this.shorter.count)} fewer cells than the header (first at line ${this.shorter.first})`);
  }
}

/** The batch without its blank rows, each other row noted by the checks. */
export function keepRows(batch: CellBatch, width: number, checks: RowChecks): CellBatch {
  const { rowCells, lines } = batch;
  let kept = 0;
  let keptCells: Int32Array | undefined;
  let keptLines: Int32Array | undefined;
  for (let r = 0; r < batch.rows; r++) {
    const from = rowCells[2 * r];
    const to = rowCells[2 * r + 1];
    let last = to - 1; // the last non-blank cell
    while (last >= from && isBlankCell(batch, last)) last--;
    if (last < from) {
      // Blank: from here on the kept rows are copied.
      keptCells ??= rowCells.slice(0, 2 * batch.rows);
      keptLines ??= lines.slice(0, batch.rows);
      continue;
    }
    checks.note(to - from, last - from + 1, width, lines[r]);
    if (keptCells && keptLines) {
      keptCells[2 * kept] = from;
      keptCells[2 * kept + 1] = to;
      keptLines[kept] = lines[r];
    }
    kept++;
  }
  if (!keptCells || !keptLines) return batch;
  return { text: batch.text, spans: batch.spans, rowCells: keptCells, lines: keptLines, rows: kept };
}

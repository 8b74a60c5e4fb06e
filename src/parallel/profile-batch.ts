// Feeding a batch of cell spans to the column profilers: shared by the main thread, the column
// helper (columns.ts) and the byte-range workers (ranges.ts).
import type { CellBatch } from '../read/cell-batch.js';
import type { ColumnProfiler } from '../values/profiler.js';

/**
 * Adds each row's cells of the columns marked in `take` to their profilers, one column at a time.
 * Each profiler still gets its column's cells in row order, and profilers share nothing, so the
 * evidence is the same as row by row; but one column's memo of repeated cells (a table of up to
 * ~1 MB for a column of ~10,000 distinct dates) and its profiler's state stay in the cache for the
 * whole batch instead of being evicted by the other columns' at every row (bench/README.md,
 * "Cheaper cells").
 */
export function profile(batch: CellBatch, profilers: ColumnProfiler[], take: readonly boolean[]): void {
  const { text, spans, rowCells, rows } = batch;
  const width = profilers.length;
  for (let i = 0; i < width; i++) {
    if (!take[i]) continue;
    const profiler = profilers[i];
    for (let r = 0; r < rows; r++) {
      const from = rowCells[2 * r];
      // A row shorter than the table has no cell in column i (ragged rows).
      if (i >= rowCells[2 * r + 1] - from) continue;
      const c = 2 * (from + i);
      profiler.addSpan(text, spans[c], spans[c + 1]);
    }
  }
}

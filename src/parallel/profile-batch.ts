// Feeding a batch of cell spans to the column profilers: shared by the main thread, the column
// helper (columns.ts) and the byte-range workers (ranges.ts).
import type { CellBatch } from '../read/cell-batch.js';
import type { ColumnProfiler } from '../values/profiler.js';

/** Adds each row's cells of the columns marked in `take` to their profilers. */
export function profile(batch: CellBatch, profilers: ColumnProfiler[], take: readonly boolean[]): void {
  const { text, spans, rowCells } = batch;
  const width = profilers.length;
  for (let r = 0; r < batch.rows; r++) {
    const from = rowCells[2 * r];
    const n = Math.min(rowCells[2 * r + 1] - from, width);
    for (let i = 0; i < n; i++) if (take[i]) profilers[i].addSpan(text, spans[2 * (from + i)], spans[2 * (from + i) + 1]);
  }
}


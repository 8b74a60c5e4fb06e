// profile() (parallel/profile-batch.ts) feeds a batch one column at a time; every profiler must end
// in the state that feeding the batch row by row gives, ragged rows and skipped columns included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profile } from '../../../src/parallel/profile-batch.js';
import { batchOfRecords, type CellBatch } from '../../../src/read/cell-batch.js';
import { ColumnProfiler } from '../../../src/values/profiler.js';

const NOW = new Date(2025, 5, 1);

/** The row-by-row loop profile() replaced. */
function rowByRow(batch: CellBatch, profilers: ColumnProfiler[], take: readonly boolean[]): void {
  const { text, spans, rowCells } = batch;
  for (let r = 0; r < batch.rows; r++) {
    const from = rowCells[2 * r];
    const n = Math.min(rowCells[2 * r + 1] - from, profilers.length);
    for (let i = 0; i < n; i++) if (take[i]) profilers[i].addSpan(text, spans[2 * (from + i)], spans[2 * (from + i) + 1]);
  }
}

describe('profile (column by column)', () => {
  it('leaves every profiler as row by row does, on random ragged batches', () => {
    const cell = fc.constantFrom('', ' ', '1', '男', '女', '03-1234-5678', '1975-01-22', 'a@example.com', '東京都千代田区1-1', '山田 太郎', '700486675502', 'x');
    const row = fc.array(cell, { maxLength: 7 });
    fc.assert(
      fc.property(fc.array(fc.array(row, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (batches, take) => {
        const width = take.length;
        const make = () => Array.from({ length: width }, () => new ColumnProfiler({ now: NOW, memoEntries: 4 }));
        const byColumn = make();
        const byRow = make();
        for (const rows of batches) {
          const batch = batchOfRecords(rows.map((cells, r) => ({ cells, line: r + 1 })));
          profile(batch, byColumn, take);
          rowByRow(batch, byRow, take);
        }
        expect(byColumn.map((p) => p.state())).toEqual(byRow.map((p) => p.state()));
      }),
      { numRuns: 500 },
    );
  });
});

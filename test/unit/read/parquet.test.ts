import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect, errorOf } from './helpers.js';
import { parquetReader } from '../../../src/read/parquet.js';
import { bufferSource, openFile } from '../../../src/read/source.js';
import { DEFAULT_LIMITS, ReadError, type ParsedSource, type ReadOptions, type Row, type TableSource } from '../../../src/read/types.js';

const options = (more: Partial<ReadOptions> = {}): ReadOptions => ({ sampleRows: 100, allRows: false, limits: DEFAULT_LIMITS, ...more });
const samplePath = new URL('../../../samples/inputs/members.parquet', import.meta.url).pathname;



describe('parquetReader', () => {
  it('names nested columns as dotted paths and lists of structs with []', async () => {
    const [t] = await collect(await parquetReader.read(await openFile(samplePath), options()));
    expect(t.table.fields.map((f) => f.name)).toEqual([
      'member_id', 'shimei', 'kojin_bango', 'birth_date', 'points', 'address.zip', 'address.pref', 'tags', 'orders[].order_id', 'orders[].amount',
    ]);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[0]).toEqual(['M001', '見本 太郎', '123456789018', '1980-01-02', '120', '100-0001', '東京都', 'vip', 'O-1', '1200']);
    expect(t.rows[1][2]).toBeNull();
    expect(t.rows[2][7]).toBe('newsletter, app');
    expect(t.rows[2][9]).toBe('560, 80');
  });

  it('reads only the sample', async () => {
    const [t] = await collect(await parquetReader.read(await openFile(samplePath), options({ sampleRows: 1 })));
    expect(t.rows).toHaveLength(1);
    const [none] = await collect(await parquetReader.read(await openFile(samplePath), options({ sampleRows: 0 })));
    expect(none.rows).toHaveLength(0);
    expect(none.table.fields).toHaveLength(10);
  });

  it('reads from memory (stdin / .gz)', async () => {
    const source = bufferSource('-', 'members.parquet', readFileSync(samplePath));
    const [t] = await collect(await parquetReader.read(source, options()));
    expect(t.rows).toHaveLength(3);
  });

  it('reports a corrupt file with a short reason', async () => {
    const truncated = new URL('../../fixtures/read/truncated.parquet', import.meta.url).pathname;
    expect(await errorOf(async () => parquetReader.read(await openFile(truncated), options()))).toBe(
      'corrupt Parquet file (unreadable footer or metadata)',
    );
    const text = bufferSource('x.parquet', 'x.parquet', Buffer.from('id,name\n1,a\n'));
    expect(await errorOf(() => parquetReader.read(text, options()))).toBe('corrupt Parquet file (no PAR1 signature at the start)');
  });

  it('gives up on a footer whose decoding never ends, instead of hanging (found by fuzzing)', async () => {
    const path = new URL('../../fixtures/read/footer-loop.parquet', import.meta.url).pathname;
    const message = await errorOf(async () => parquetReader.read(await openFile(path), options()));
    expect(message).toBe('corrupt Parquet file (the footer did not parse within 10 s)');
  }, 60_000);
});

// A worker that parses a Parquet footer, so that a hostile footer on which hyparquet's decoder never
// returns (a 1.5 KB mutated file was enough, found by fuzzing) costs a bounded wait, not a hang:
// the reader terminates this worker after a time limit. Receives the footer bytes; answers
// { ok: true } or { ok: false }.
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', async (footer: ArrayBuffer) => {
  try {
    const { parquetMetadata, parquetSchema } = await import('hyparquet');
    parquetSchema(parquetMetadata(footer));
    parentPort?.postMessage({ ok: true });
  } catch {
    parentPort?.postMessage({ ok: false });
  }
});

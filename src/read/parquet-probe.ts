// A worker that parses a Parquet footer, so that a hostile footer on which hyparquet's decoder never
// returns (a 1.5 KB mutated file was enough, found by fuzzing) costs a bounded wait, not a hang:
// the reader terminates this worker after a time limit. Receives the footer bytes; answers
// { ok: true } or { ok: false }. It says { ready: true } first, once hyparquet is loaded, so the
// time limit counts the parse alone, not a worker start that a loaded machine can stretch.
import { parentPort } from 'node:worker_threads';

const { parquetMetadata, parquetSchema } = await import('hyparquet');
parentPort?.once('message', (footer: ArrayBuffer) => {
  try {
    parquetSchema(parquetMetadata(footer));
    parentPort?.postMessage({ ok: true });
  } catch {
    parentPort?.postMessage({ ok: false });
  }
});
parentPort?.postMessage({ ready: true });

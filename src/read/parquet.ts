// Apache Parquet: the fields come from the schema in the footer (nested columns as dotted paths,
// lists of structs as `orders[].amount`, like JSON), and a sample of rows from the first row group(s)
// only. hyparquet is pure JavaScript and reads byte ranges on demand, so only the footer and the
// pages of the sampled rows are read from a file.
import { promises as fs } from 'node:fs';
import { acceptsParquet, PARQUET_MAGIC } from './accepts.js';
import { Worker } from 'node:worker_threads';
import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet';

/** hyparquet is imported only when a Parquet file is read, so other scans do not pay for it. */
const hyparquet = () => {
  guardLateRejections();
  return import('hyparquet');
};

let guarded = false;
/**
 * hyparquet starts every column chunk of a row group at once and awaits them one by one, so when a
 * corrupt chunk rejects, the chunks after it reject with nobody listening. The read itself has
 * already failed and been reported as a corrupt file; those late rejections would otherwise crash
 * the process. Only rejections raised inside hyparquet are absorbed; any other is rethrown, which
 * is what Node would have done without this listener.
 */
function guardLateRejections(): void {
  if (guarded) return;
  guarded = true;
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && /[\\/]node_modules[\\/]hyparquet[\\/]/.test(reason.stack ?? '')) return;
    throw reason;
  });
}
import { FieldCollector, flattenRecord, type JsonValue } from './json-flatten.js';
import { ReadError, type ByteSource, type ParsedSource, type Reader, type ReadOptions, type Row, type TableSource } from './types.js';
import { compiledModule } from '../paths.js';

/** Parquet read from standard input or a .gz is held in memory: capped. */
const MAX_BUFFERED_BYTES = 512 * 1024 * 1024;
/** Rows read per step with --all-rows, so a big row group is not decoded all at once into rows. */
const BATCH_ROWS = 10_000;

const corrupt = (reason: string) => new ReadError(`corrupt Parquet file (${reason})`);

export const parquetReader: Reader = {
  format: 'parquet',
  accepts: acceptsParquet,
  async read(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
    if (source.head.length === 0) throw new ReadError('empty file');
    if (!source.head.subarray(0, 4).equals(PARQUET_MAGIC)) throw corrupt('no PAR1 signature at the start');
    const { asyncBufferFromFile, parquetMetadataAsync, parquetSchema } = await hyparquet();
    const file = await openBuffer(source, asyncBufferFromFile);
    if (file.byteLength < 12) throw corrupt('too short');
    await probeFooter(file);
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(file);
    } catch {
      throw corrupt('unreadable footer or metadata');
    }
    let paths: string[];
    try {
      paths = fieldPaths(parquetSchema(metadata));
    } catch {
      throw corrupt('unreadable schema');
    }
    const warnings: string[] = [];
    const collector = new FieldCollector(options.limits.maxColumns);
    collector.add(new Map(paths.map((p) => [p, []])));
    warnings.push(...collector.warnings());
    const total = Number(metadata.num_rows);
    const end = options.allRows ? total : Math.min(total, options.sampleRows);
    const table: TableSource = { kind: 'data', fields: collector.fields, rows: rows(file, metadata, collector, end), warnings: [] };
    return { format: 'parquet', tables: single(table), warnings };
  },
};

/** How long the footer may take to parse before the file is called corrupt. */
export const FOOTER_PARSE_LIMIT_MS = 10_000;

/**
 * Parses the footer in a worker first (see parquet-probe.ts): hyparquet's synchronous footer decoder
 * can loop on corrupt input, and only a worker can be stopped. A footer that parses there parses on
 * the main thread too.
 */
async function probeFooter(file: AsyncBuffer): Promise<void> {
  const tail = new DataView(await file.slice(file.byteLength - 8));
  const length = tail.getUint32(0, true);
  if (length + 8 > file.byteLength) throw corrupt('unreadable footer or metadata');
  const footer = await file.slice(file.byteLength - 8 - length);
  const worker = new Worker(compiledModule('read/parquet-probe'));
  try {
    const answer = await new Promise<{ ok: boolean } | 'timeout'>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      worker.on('message', (m: { ready?: boolean; ok?: boolean }) => {
        if (m.ready) {
          // The clock starts when the footer is handed over: a worker start slowed by a loaded
          // machine must not make a good file look corrupt.
          timer = setTimeout(() => resolve('timeout'), FOOTER_PARSE_LIMIT_MS);
          worker.postMessage(footer, [footer]);
          return;
        }
        clearTimeout(timer);
        resolve({ ok: m.ok === true });
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    if (answer === 'timeout') throw corrupt(`the footer did not parse within ${FOOTER_PARSE_LIMIT_MS / 1000} s`);
    if (!answer.ok) throw corrupt('unreadable footer or metadata');
  } finally {
    await worker.terminate();
  }
}

async function openBuffer(source: ByteSource, asyncBufferFromFile: (path: string) => Promise<AsyncBuffer>): Promise<AsyncBuffer> {
  const direct = source.formatName === source.path && (await fs.stat(source.path).then((s) => s.isFile()).catch(() => false));
  if (direct) return asyncBufferFromFile(source.path);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source.open()) {
    size += (chunk as Buffer).length;
    if (size > MAX_BUFFERED_BYTES) throw new ReadError(`larger than ${MAX_BUFFERED_BYTES / 1024 / 1024} MiB; too large to read from standard input or .gz (unpack it to a file)`);
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { byteLength: buffer.byteLength, slice: (start: number, end?: number) => buffer.slice(start, end) };
}

async function* rows(file: AsyncBuffer, metadata: FileMetaData, collector: FieldCollector, end: number): AsyncIterable<Row> {
  const { parquetReadObjects } = await hyparquet();
  for (let start = 0; start < end; start += BATCH_ROWS) {
    let batch: Record<string, unknown>[];
    try {
      batch = await parquetReadObjects({ file, metadata, rowStart: start, rowEnd: Math.min(end, start + BATCH_ROWS) });
    } catch {
      throw corrupt('unreadable column data');
    }
    for (const record of batch) yield collector.row(flattenRecord(toJson(record) as { [key: string]: JsonValue }));
  }
}

/**
 * Field paths from the schema tree: struct members as `a.b`, a list of structs as `a[].b`, a list
 * of scalars or a map as one field `a` — the same names flattenRecord gives the row objects.
 */
export function fieldPaths(root: SchemaTree): string[] {
  const out: string[] = [];
  const walk = (node: SchemaTree, prefix: string) => {
    const name = prefix ? `${prefix}.${node.element.name}` : node.element.name;
    if (node.children.length === 0) {
      out.push(name);
      return;
    }
    const kind = node.element.logical_type?.type ?? node.element.converted_type;
    if (kind === 'LIST') {
      // Standard three-level list: <name> (LIST) → repeated group list → element.
      const repeated = node.children[0];
      const element = repeated.children.length === 1 ? repeated.children[0] : repeated;
      if (element.children.length === 0) out.push(name);
      else for (const child of element.children) walk(child, `${name}[]`);
      return;
    }
    if (kind === 'MAP' || kind === 'MAP_KEY_VALUE') {
      out.push(name);
      return;
    }
    for (const child of node.children) walk(child, name);
  };
  for (const child of root.children) walk(child, '');
  return out;
}

/** Parquet values as JSON-like values: bigints and dates as text, bytes dropped. */
function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (value instanceof Uint8Array) return null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toJson(v);
    return out;
  }
  return null;
}

async function* single(table: TableSource): AsyncIterable<TableSource> {
  yield table;
}

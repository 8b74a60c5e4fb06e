// The reader registry: picks the reader for a source from its name and first bytes. Only the CSV
// reader is loaded up front; the others are loaded when a source they accept is read.
import { acceptsDdl, acceptsJson, acceptsLayoutText, acceptsParquet, acceptsXlsx } from './accepts.js';
import { csvReader } from './csv.js';
import { ReadError, type ByteSource, type ParsedSource, type Reader, type ReadOptions } from './types.js';

/** A reader whose module is imported the first time it reads. */
function lazy(format: string, accepts: Reader['accepts'], load: () => Promise<Reader>): Reader {
  return { format, accepts, read: async (source, options) => (await load()).read(source, options) };
}

/** Readers in the order they are asked; the first that accepts a source reads it. */
export const READERS: readonly Reader[] = [
  csvReader,
  lazy('layout', acceptsLayoutText, async () => (await import('./layout-text.js')).layoutTextReader),
  lazy('ddl', acceptsDdl, async () => (await import('./ddl.js')).ddlReader),
  lazy('json', acceptsJson, async () => (await import('./json.js')).jsonReader),
  lazy('xlsx', acceptsXlsx, async () => (await import('./xlsx.js')).xlsxReader),
  lazy('parquet', acceptsParquet, async () => (await import('./parquet.js')).parquetReader),
];

export function pickReader(source: ByteSource, readers: readonly Reader[] = READERS): Reader {
  const reader = readers.find((r) => r.accepts(source));
  if (!reader) throw new ReadError('unsupported file type');
  return reader;
}

export async function readSource(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
  return pickReader(source).read(source, options);
}

/** File name patterns that discovery looks for inside directories. */
export const SUPPORTED_EXTENSIONS = ['csv', 'tsv', 'tab', 'psv', 'txt', 'md', 'markdown', 'csv.gz', 'tsv.gz', 'sql', 'ddl', 'json', 'jsonl', 'ndjson', 'xlsx', 'xlsm', 'xls', 'parquet'];

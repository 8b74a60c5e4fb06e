// The reader registry: picks the reader for a source from its name and first bytes.
import { csvReader } from './csv.js';
import { ddlReader } from './ddl.js';
import { jsonReader } from './json.js';
import { xlsxReader } from './xlsx.js';
import { parquetReader } from './parquet.js';
import { layoutTextReader } from './layout-text.js';
import { ReadError, type ByteSource, type ParsedSource, type Reader, type ReadOptions } from './types.js';

/** Readers in the order they are asked; the first that accepts a source reads it. */
export const READERS: readonly Reader[] = [csvReader, layoutTextReader, ddlReader, jsonReader, xlsxReader, parquetReader];

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

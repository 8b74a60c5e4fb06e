// Shared helpers for reader tests: read a source fully into plain values.
import { bufferSource } from '../../../src/read/source.js';
import { DEFAULT_LIMITS, type ByteSource, type Limits, type ParsedSource, type ReadOptions, type Reader } from '../../../src/read/types.js';

export const options = (extra: Partial<ReadOptions> = {}, limits: Partial<Limits> = {}): ReadOptions => ({
  sampleRows: 100,
  allRows: false,
  limits: { ...DEFAULT_LIMITS, ...limits },
  ...extra,
});

export const memory = (name: string, bytes: string | Buffer): ByteSource => bufferSource(name, name, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);

export interface ReadTable {
  name?: string;
  kind: string;
  headerless?: boolean;
  fields: { name: string; comment?: string; position?: { line: number; column: number } }[];
  rows: (string | null | undefined)[][];
  warnings: string[];
}

export async function readAll(reader: Reader, source: ByteSource, opts: ReadOptions = options()) {
  const parsed: ParsedSource = await reader.read(source, opts);
  const tables: ReadTable[] = [];
  for await (const table of parsed.tables) {
    const rows: (string | null | undefined)[][] = [];
    for await (const row of table.rows) rows.push([...row]);
    tables.push({ name: table.name, kind: table.kind, headerless: table.headerless, fields: table.fields, rows, warnings: table.warnings });
  }
  return { format: parsed.format, encoding: parsed.encoding, warnings: parsed.warnings, tables };
}

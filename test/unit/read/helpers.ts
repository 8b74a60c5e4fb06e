// Shared helpers for reader tests: read a source fully into plain values.
import { bufferSource } from '../../../src/read/source.js';
import { expect } from 'vitest';
import { DEFAULT_LIMITS, ReadError, type ByteSource, type Limits, type ParsedSource, type ReadOptions, type Reader, type Row, type TableSource } from '../../../src/read/types.js';

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

/** Every table of a parsed source with all its rows, keeping the TableSource itself. */
export async function collect(parsed: ParsedSource): Promise<{ table: TableSource; rows: Row[] }[]> {
  const out = [];
  for await (const table of parsed.tables) {
    const rows: Row[] = [];
    for await (const row of table.rows) rows.push(row);
    out.push({ table, rows });
  }
  return out;
}

/** The message of the ReadError that `run` throws (and a failure if it throws anything else, or nothing). */
export async function errorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return (error as Error).message;
  }
  throw new Error('expected a ReadError');
}

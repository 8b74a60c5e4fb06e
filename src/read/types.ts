// The reader interface: every input format turns into tables of named fields plus a lazy stream
// of rows, so the rest of the pipeline never knows which format it came from.
import type { Readable } from 'node:stream';
import type { SourcePosition, TableKind } from '../types.js';
import type { ByteRanges } from './byte-ranges.js';
import type { CellBatch } from './cell-batch.js';

/** Caps that keep memory bounded on hostile input; each has a CLI flag to raise it. */
export interface Limits {
  /** Longest line (or CSV record) in bytes before the file is refused. */
  maxLineBytes: number;
  /** Most columns in one table. */
  maxColumns: number;
  /** Largest total unpacked size of an xlsx (zip) archive, in bytes. */
  maxUnpackedBytes: number;
  /** Deepest JSON nesting. */
  maxJsonDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxLineBytes: 16 * 1024 * 1024,
  maxColumns: 10_000,
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxJsonDepth: 64,
};

export interface ReadOptions {
  /** Forced encoding (`--encoding`), else detected from the bytes. */
  encoding?: string;
  /** Rows per table the consumer will read at most (0 = headers only); readers may use it to stop early. */
  sampleRows: number;
  /** The consumer reads every row (`--all-rows`). */
  allRows: boolean;
  limits: Limits;
}

/** A named field as the file declares it. */
export interface FieldSource {
  name: string;
  /** A second name for the same field: a DDL column comment, a layout's description column. */
  comment?: string;
  position?: SourcePosition;
}

export type Row = readonly (string | null | undefined)[];

export interface TableSource {
  /** Sheet name, SQL table name… undefined for single-table files. */
  name?: string;
  kind: TableKind;
  fields: FieldSource[];
  /** True when the file has no header row: fields are then named `column N`. */
  headerless?: boolean;
  /**
   * Data rows after the header row(s); cell i belongs to fields[i]. The consumer may stop early
   * (break out of for-await), which must release the underlying file.
   */
  rows: AsyncIterable<Row>;
  /**
   * The same rows as spans of decoded text (read/cell-batch.ts), when the reader has them cheaper than
   * strings (CSV with --all-rows). A consumer iterates either this or `rows`, never both.
   */
  cellBatches?: AsyncIterable<CellBatch>;
  /** Lets the rows of cellBatches past some offset of a large file be read elsewhere (byte-ranges.ts). */
  byteRanges?: ByteRanges;
  /** Readers may push warnings (ragged rows, stray quotes) while rows are iterated. */
  warnings: string[];
}

export interface ParsedSource {
  format: string;
  encoding?: string;
  /** Tables in file order; iterated once. */
  tables: AsyncIterable<TableSource>;
  warnings: string[];
}

/** The bytes of one input: a file (gunzipped when .gz) or stdin. */
export interface ByteSource {
  /** Path as the user gave or discovered it (for messages). */
  path: string;
  /** Name used to pick a format: the path without a trailing .gz. */
  formatName: string;
  /** The first bytes (up to 64 KiB), already decompressed. */
  head: Buffer;
  /** True when `head` holds the whole input. */
  complete: boolean;
  /** A fresh stream of the whole (decompressed) input. */
  open(): Readable;
  /** The size of a plain file at `path`, which can then be read in byte ranges (not .gz, not stdin). */
  size?: number;
}

export interface Reader {
  format: string;
  /** Whether this reader takes the input, from its name and first bytes. */
  accepts(source: ByteSource): boolean;
  read(source: ByteSource, options: ReadOptions): Promise<ParsedSource>;
}

/**
 * A problem with the input that the user must hear about in one line. The message names the
 * problem and a position, never the contents of the file.
 */
export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}

// One large delimited file read as byte ranges, so that several threads can split and profile it
// (parallel/ranges.ts). Exact by construction: a range is read only where the whole-file stream
// would split every line itself (fast-csv.ts), and anywhere else the rest of the file is read in
// file order as before.
//
// Why that is the same as one pass: the fast splitter accepts text only when csv-parse would give
// `line.split(delimiter)` for each of its lines; such lines parse the same wherever a reader starts,
// as long as it starts at a line start and knows the record delimiter and the line count. A range
// starts right after a line feed byte (in UTF-8, Shift_JIS and EUC-JP that byte is never part of
// another character), and is read strictly: the first thing the splitter would hand over to
// csv-parse (a quote, a stray carriage return, an over-long line or row, an invalid byte) fails the
// range, and the caller then reads from that range's start on in file order, csv-parse included.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { TextEncoding } from './decode.js';
import { openFastBatches, type FastBatchStream, type Mode, type StopHook } from './fast-csv.js';
import type { RowCheckCounts, RowChecks } from './row-checks.js';
import type { ByteSource, Limits } from './types.js';

/** Encodings in which a 0x0A byte is always a line feed. */
const RANGE_ENCODINGS: ReadonlySet<string> = new Set(['utf-8', 'shift_jis', 'euc-jp']);

/** Everything a thread needs to read ranges of the file as the table's rows: plain data. */
export interface RangeSpec {
  path: string;
  size: number;
  /** The file's encoding without its byte-order mark (ranges start past it). */
  encoding: TextEncoding;
  dialect: { delimiter: string; quote: string };
  limits: Pick<Limits, 'maxLineBytes' | 'maxColumns'>;
  mode: Mode;
  /** Columns of the table (the header's). */
  width: number;
}

/** What the table's reader offers: its own stream can stop at an offset, and take back the checks of rows read elsewhere. */
export interface ByteRanges {
  spec: RangeSpec;
  /** Bytes the table's stream has read: a cut must lie past them. */
  bytesRead(): number;
  /** Arms the table's stream to stop at `at` (see FastBatchStream.stopAt). */
  stopAt(at: number, hook: StopHook): boolean;
  /** Ragged-row counts of rows after every row the table's stream has given (lines of the file). */
  absorb(counts: RowCheckCounts): void;
}

/** The table's ranges, when the file can be read so: a plain file in an encoding above, its delimiter known. */
export function byteRangesOf(
  source: ByteSource,
  encoding: TextEncoding,
  dialect: { delimiter: string; quote: string },
  limits: Pick<Limits, 'maxLineBytes' | 'maxColumns'>,
  stream: FastBatchStream,
  checks: RowChecks,
  width: number,
): ByteRanges | undefined {
  const mode = stream.mode;
  if (source.size === undefined || mode === undefined || !RANGE_ENCODINGS.has(encoding.label)) return undefined;
  const spec: RangeSpec = {
    path: source.path,
    size: source.size,
    encoding: { ...encoding, bomBytes: 0 },
    dialect: { delimiter: dialect.delimiter, quote: dialect.quote },
    limits: { maxLineBytes: limits.maxLineBytes, maxColumns: limits.maxColumns },
    mode,
    width,
  };
  return { spec, bytesRead: () => stream.bytesRead, stopAt: (at, hook) => stream.stopAt(at, hook), absorb: (counts) => checks.absorb(counts) };
}

/** How far past an offset a line feed is looked for: a longer line leaves the file in one piece there. */
const SEEK_LIMIT = 1 << 20;

/** The offset just after the first line feed at or after `from` (within SEEK_LIMIT), if any. */
export function lineStartAfter(path: string, from: number): number | undefined {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(64 * 1024);
    for (let at = from; at < from + SEEK_LIMIT; ) {
      const n = readSync(fd, buffer, 0, buffer.length, at);
      if (n === 0) return undefined;
      const lf = buffer.subarray(0, n).indexOf(0x0a);
      if (lf !== -1) return at + lf + 1;
      at += n;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The batches of bytes [start, end) of the file (end undefined: to its end), lines numbered after
 * `line`. Strict: throws FastPathEnded where the splitter would hand over to csv-parse; otherwise it
 * does hand over, exactly as the whole-file stream would from this line start on.
 */
export function openRangeBatches(spec: RangeSpec, start: number, end: number | undefined, line: number, strict: boolean): FastBatchStream {
  const source: ByteSource = {
    path: spec.path,
    formatName: spec.path,
    head: Buffer.alloc(0),
    complete: false,
    open: () => Readable.from(alignedChunks(spec.path, start, end)),
  };
  return openFastBatches(source, spec.encoding, spec.dialect, spec.limits, { offset: start, mode: spec.mode, line, strict });
}

/** What fs.createReadStream reads at a time (its default highWaterMark). */
const READ_CHUNK = 64 * 1024;

/**
 * The bytes [start, end) in the chunks a whole-file read stream gives: a first short chunk up to the
 * next multiple of READ_CHUNK, then whole ones. Where a chunk ends can change the byte an invalid
 * sequence is reported at (the decoder cuts its pieces at chunk ends), and a range read again in
 * file order must report exactly what the whole-file stream would.
 */
async function* alignedChunks(path: string, start: number, end: number | undefined): AsyncGenerator<Buffer> {
  const aligned = Math.ceil(start / READ_CHUNK) * READ_CHUNK;
  const stop = end ?? Number.POSITIVE_INFINITY;
  if (aligned > start) yield* createReadStream(path, { start, end: Math.min(aligned, stop) - 1 });
  if (aligned < stop) yield* createReadStream(path, { start: aligned, ...(end !== undefined ? { end: end - 1 } : {}) });
}

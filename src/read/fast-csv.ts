// The --all-rows path for delimited text: a hand splitter that is exact for the text it accepts and
// hands the rest of the input to csv-parse (records.ts) the moment it meets anything else. It yields
// batches of cell spans (cell-batch.ts): each decoded chunk cut with String.prototype.indexOf, no
// string and no array per cell or record.
//
// It accepts a run of complete lines when the run holds no quote character, no line longer than the
// record limit, no record wider than the column limit, and no carriage return or line feed other
// than the file's own record delimiter (the first of \r\n or \n, as csv-parse discovers it). On such
// text csv-parse (relax_quotes, relax_column_count, skip_empty_lines false) gives exactly
// `line.split(delimiter)` per line, one line per record, and an empty line as [''] — the
// equivalence test in test/unit/read/fast-csv.test.ts checks this against csv-parse on random text.
// Anything else (a quote, a lone \r, a bare-\r file) switches to csv-parse at the start of the run,
// with line numbers carried over, so the records are the same as csv-parse's from the first byte.
// Measured in bench/README.md: csv-parse was the bottleneck of --all-rows over CSV; now the value
// detectors are.
import { Readable } from 'node:stream';
import { ChunkDecoder, type TextEncoding } from './decode.js';
import { batchOfRecords, recordsOfBatches, type BatchStream, type CellBatch } from './cell-batch.js';
import { openRecords, type CsvRecord, type RecordStream } from './records.js';
import { describeFsError } from './source.js';
import { ReadError, type ByteSource, type Limits } from './types.js';

export type Mode = '\n' | '\r\n';

/** Records one by one (the batches sliced into strings): what the equivalence tests compare. */
export function openFastRecords(
  source: ByteSource,
  encoding: TextEncoding,
  dialect: { delimiter: string; quote: string },
  limits: Pick<Limits, 'maxLineBytes' | 'maxColumns'>,
): RecordStream {
  return recordsOfBatches(openFastBatches(source, encoding, dialect, limits));
}

/** Records of csv-parse's fallback packed per batch: at most this many at a time. */
const FALLBACK_BATCH = 256;

/**
 * How a stream over a byte range of a file starts (parallel/ranges.ts): mid-file, at a line start,
 * so the record delimiter and the line count come from the part of the file before it.
 */
export interface RangeStart {
  /** The file offset of the range's first byte (for the offsets in decoding errors). */
  offset: number;
  mode: Mode;
  /** Lines before the range: the range's first line is line + 1. */
  line: number;
  /** Throw FastPathEnded wherever the whole-file stream would hand the text over to csv-parse. */
  strict: boolean;
}

/** A strict range met text the splitter does not accept (RangeStart.strict). */
export class FastPathEnded extends Error {
  constructor() {
    super('the fast splitter does not accept this range');
    this.name = 'FastPathEnded';
  }
}

/** Where a stream may stop early (FastBatchStream.stopAt). */
export interface StopHook {
  /**
   * The stream got to the offset with every line before it split exactly (no csv-parse); `lines`:
   * the lines before it. True ends the stream there; false reads on as if nothing had happened.
   */
  reached(lines: number): Promise<boolean>;
  /** The stream will not stop at the offset: it handed over to csv-parse, or ended, or was closed. */
  abandoned(): void;
}

export interface FastBatchStream extends BatchStream {
  /** The record delimiter, once the first line break has shown it. */
  readonly mode: Mode | undefined;
  /** Lines consumed so far. */
  readonly lines: number;
  /** Bytes of the input taken from its stream so far. */
  readonly bytesRead: number;
  /**
   * Arms a stop at byte offset `at` of the input, which must be a line start not read yet: the hook
   * is called when the stream gets there (or told it never will). False when it cannot be armed.
   */
  stopAt(at: number, hook: StopHook): boolean;
}

export function openFastBatches(
  source: ByteSource,
  encoding: TextEncoding,
  dialect: { delimiter: string; quote: string },
  limits: Pick<Limits, 'maxLineBytes' | 'maxColumns'>,
  range?: RangeStart,
): FastBatchStream {
  const input = source.open();
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const decoder = new ChunkDecoder(encoding, { offset: range?.offset ?? 0 });
  const { delimiter, quote } = dialect;
  let mode: Mode | undefined = range?.mode;
  let carry = '';
  let line = range?.line ?? 0; // lines consumed so far
  let ready: CellBatch | undefined;
  let ended = false;
  let closed = false;
  /** Set once the rest of the input is csv-parse's. */
  let fallback: RecordStream | undefined;
  /** A failure of the fallback after records it had already given: thrown on the next call. */
  const failed: { error?: unknown } = {};
  /** Bytes of the input taken from the stream so far, and the part of a chunk held back at a stop. */
  let consumed = 0;
  let held: Buffer | undefined;
  let stop: { at: number; hook: StopHook } | undefined;
  const abandon = () => {
    const armed = stop;
    stop = undefined;
    armed?.hook.abandoned();
  };

  const decoded = async (): Promise<string | undefined> => {
    try {
      let bytes: Buffer;
      if (held) {
        bytes = held;
        held = undefined;
      } else {
        const { value, done } = await chunks.next();
        if (done) return undefined;
        bytes = typeof value === 'string' ? Buffer.from(value) : value;
      }
      // A chunk across the stop offset is cut there, so the text before it can end at it.
      if (stop && consumed < stop.at && consumed + bytes.length > stop.at) {
        held = bytes.subarray(stop.at - consumed);
        bytes = bytes.subarray(0, stop.at - consumed);
      }
      consumed += bytes.length;
      return decoder.write(bytes);
    } catch (error) {
      throw asReadError(error);
    }
  };

  /** The remaining text (from a line start) to csv-parse, with line numbers continuing from `line`. */
  const handOver = (text: string, final: boolean) => {
    if (range?.strict) throw new FastPathEnded();
    abandon();
    async function* rest(): AsyncGenerator<string> {
      if (text) yield text;
      if (final) return;
      for (;;) {
        const next = await decoded();
        if (next === undefined) break;
        if (next) yield next;
      }
      const tail = decoder.end();
      if (tail) yield tail;
    }
    fallback = openRecords(source, encoding, dialect, limits, { text: Readable.from(rest(), { objectMode: false }), lines: line, release: () => input.destroy(), recordDelimiter: mode });
    stream.unclosedQuoteLine = undefined;
  };

  /**
   * Splits the complete lines of text[0, end) into a batch (ready); false (and nothing ready) when the
   * run is not one it accepts: a quote, a carriage return or line feed other than the record
   * delimiter, a line of maxLineBytes characters or more, a record wider than maxColumns. The cuts
   * are found with String.prototype.indexOf (native; about twice as fast here as a charCodeAt loop).
   */
  const splitLines = (text: string, end: number): boolean => {
    const q = text.indexOf(quote);
    if (q !== -1 && q < end) return false;
    const crlf = mode === '\r\n';
    // The next \r: in a \r\n file each line's must sit just before its \n; in a \n file any \r
    // fails the line it is in (csv-parse reads it as its own break or as text).
    let cr = text.indexOf('\r');
    if (cr === -1 || cr >= end) cr = end + 1;
    const maxLine = limits.maxLineBytes;
    const maxColumns = limits.maxColumns;
    // Sized for this chunk's shape; grown by doubling.
    let spans = new Int32Array(64 + (end >> 2));
    let rowCells = new Int32Array(64 + (end >> 4));
    let cells = 0;
    let rows = 0;
    let pos = 0; // start of the current cell
    let lineStart = 0;
    // The next record delimiter (\n, or \r\n whose \r is then at lf - 1) and the next cell delimiter.
    const nextBreak = (from: number) => {
      const lf = text.indexOf('\n', from);
      return lf === -1 || lf > end ? end : lf;
    };
    const nextDelimiter = (from: number) => {
      const d = text.indexOf(delimiter, from);
      return d === -1 || d > end ? end + 1 : d;
    };
    let lf = nextBreak(0);
    let d = nextDelimiter(0);
    for (;;) {
      if (cells * 2 + 2 > spans.length) spans = grow(spans);
      if (d < lf) {
        spans[2 * cells++] = pos;
        spans[2 * cells - 1] = d;
        pos = d + 1;
        d = nextDelimiter(pos);
        continue;
      }
      // The end of a line: lf is its \n, or `end` for the last line of the run.
      let lineEnd = lf;
      if (crlf && lf < end) {
        if (cr !== lf - 1) return false; // a \n without its \r, or a \r inside the line
        lineEnd = lf - 1;
        cr = text.indexOf('\r', lf + 1);
        if (cr === -1 || cr >= end) cr = end + 1;
      } else if (cr < lf) return false; // a \r in this line (a \n file, or the last line of the run)
      spans[2 * cells++] = pos;
      spans[2 * cells - 1] = lineEnd;
      const rowStart = rows === 0 ? 0 : rowCells[2 * rows - 1];
      if (lineEnd - lineStart >= maxLine || cells - rowStart > maxColumns) return false;
      if (rows * 2 + 2 > rowCells.length) rowCells = grow(rowCells);
      rowCells[2 * rows] = rowStart;
      rowCells[2 * rows + 1] = cells;
      rows++;
      if (lf >= end) break;
      pos = lineStart = lf + 1;
      lf = nextBreak(pos);
    }
    const lines = new Int32Array(rows);
    for (let r = 0; r < rows; r++) lines[r] = line + r + 1;
    ready = { text, spans, rowCells, lines, rows };
    line += rows;
    return true;
  };

  /** Makes the next batch ready from the next chunk(s); false at the end of the input. */
  const fill = async (): Promise<boolean> => {
    for (;;) {
      if (ended) return false;
      if (stop && consumed >= stop.at) {
        // Every byte before the stop is decoded (it follows a line feed: no character is cut there)
        // and split, unless a line is still open: then the stop cannot be honoured.
        const { hook } = stop;
        stop = undefined;
        if (carry !== '') hook.abandoned();
        else if (await hook.reached(line)) {
          ended = true;
          input.destroy();
          return false;
        }
      }
      const next = await decoded();
      let text: string;
      let final = false;
      if (next === undefined) {
        abandon();
        ended = true;
        final = true;
        text = carry + decoder.end();
        carry = '';
        if (text === '') return false;
      } else {
        // join, not +: it copies into one flat string, where + makes a rope whose charCodeAt (the
        // profiler's memo reads every cell) measured ~1.6× slower.
        text = carry === '' ? next : [carry, next].join('');
        carry = '';
      }
      if (mode === undefined) {
        const cr = text.indexOf('\r');
        const lf = text.indexOf('\n');
        // csv-parse discovers the delimiter at the first break outside quotes: a quote before the
        // first break means the whole file is csv-parse's, from its first byte.
        const q = text.indexOf(quote);
        const firstBreak = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
        if (q !== -1 && (firstBreak === -1 || q < firstBreak)) return (handOver(text, final), true);
        if (cr === -1 && lf === -1) {
          if (!final) {
            carry = text;
            if (carry.length >= limits.maxLineBytes) return (handOver(take(), false), true);
            continue;
          }
        } else if (cr !== -1 && (lf === -1 || cr < lf)) {
          if (cr === text.length - 1 && !final) {
            carry = text; // \r at the end: \r\n or a bare \r, the next chunk tells
            continue;
          }
          if (text[cr + 1] !== '\n') return (handOver(text, final), true); // bare \r: csv-parse's
          mode = '\r\n';
        } else mode = '\n';
      }
      // Complete lines end at the last record delimiter; the rest waits for the next chunk.
      let end = text.length;
      if (!final) {
        const last = text.lastIndexOf(mode ?? '\n');
        if (last === -1) {
          carry = text;
          if (carry.length >= limits.maxLineBytes) return (handOver(take(), false), true);
          continue;
        }
        end = last;
        carry = text.slice(last + (mode ?? '\n').length);
      } else if (mode !== undefined && text.endsWith(mode)) end = text.length - mode.length;
      if (mode === undefined) mode = '\n'; // one line, no break at all
      if (!splitLines(text, end)) return (take(), handOver(text, final), true); // text = body + delimiter + carry
      return true;
    }
  };
  const take = () => {
    const c = carry;
    carry = '';
    return c;
  };

  const stream: FastBatchStream = {
    get mode() {
      return mode;
    },
    get lines() {
      return line;
    },
    get bytesRead() {
      return consumed;
    },
    stopAt(at, hook) {
      if (closed || ended || fallback || stop || mode === undefined || at <= consumed) return false;
      stop = { at, hook };
      return true;
    },
    async next() {
      if (closed) return undefined;
      for (;;) {
        if (fallback) return fallbackBatchOf(fallback, stream, failed);
        if (ready) {
          const batch = ready;
          ready = undefined;
          if (batch.rows > 0) return batch;
        }
        if (!(await fill())) return undefined;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      abandon();
      fallback?.close();
      input.destroy();
    },
  };
  return stream;
}

/**
 * Up to FALLBACK_BATCH records of csv-parse's as one batch. A failure after some records is thrown
 * on the next call, so the records before it are delivered first, as the record stream does.
 */
async function fallbackBatchOf(fallback: RecordStream, owner: { unclosedQuoteLine?: number }, failed: { error?: unknown }): Promise<CellBatch | undefined> {
  if (failed.error !== undefined) throw failed.error;
  const records: CsvRecord[] = [];
  try {
    while (records.length < FALLBACK_BATCH) {
      const record = await fallback.next();
      owner.unclosedQuoteLine = fallback.unclosedQuoteLine;
      if (!record) break;
      records.push(record);
    }
  } catch (error) {
    if (records.length === 0) throw error;
    failed.error = error;
  }
  return records.length > 0 ? batchOfRecords(records) : undefined;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function asReadError(error: unknown): Error {
  if (error instanceof ReadError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code?.startsWith('Z_')) return new ReadError('corrupt gzip data');
  if (code?.startsWith('E') && !code.startsWith('ERR_')) return new ReadError(describeFsError(error));
  return new ReadError(`cannot be read (${code ?? 'read error'})`);
}

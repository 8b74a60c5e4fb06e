// The --all-rows path for delimited text: a hand splitter that is exact for the text it accepts and
// hands the rest of the input to csv-parse (records.ts) the moment it meets anything else. It yields
// batches of cell spans (cell-batch.ts): one pass of charCodeAt over each decoded chunk, no string
// and no array per cell or record.
//
// It accepts a run of complete lines when the run holds no quote character, no line longer than the
// record limit, no record wider than the column limit, and no carriage return or line feed other
// than the file's own record delimiter (the first of \r\n or \n, as csv-parse discovers it). On such
// text csv-parse (relax_quotes, relax_column_count, skip_empty_lines false) gives exactly
// `line.split(delimiter)` per line, one line per record, and an empty line as [''] — the
// equivalence test in test/unit/read/fast-csv.test.ts checks this against csv-parse on random text.
// Anything else (a quote, a lone \r, a bare-\r file) switches to csv-parse at the start of the run,
// with line numbers carried over, so the records are the same as csv-parse's from the first byte.
// Measured in bench/README.md: csv-parse is the bottleneck of --all-rows over CSV.
import { Readable } from 'node:stream';
import { ChunkDecoder, type TextEncoding } from './decode.js';
import { batchOfRecords, recordsOfBatches, SPAN_HASH_PRIME, SPAN_HASH_SEED, type BatchStream, type CellBatch } from './cell-batch.js';
import { openRecords, type CsvRecord, type RecordStream } from './records.js';
import { describeFsError } from './source.js';
import { ReadError, type ByteSource, type Limits } from './types.js';

type Mode = '\n' | '\r\n';

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

export function openFastBatches(
  source: ByteSource,
  encoding: TextEncoding,
  dialect: { delimiter: string; quote: string },
  limits: Pick<Limits, 'maxLineBytes' | 'maxColumns'>,
): BatchStream {
  const input = source.open();
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const decoder = new ChunkDecoder(encoding);
  const { delimiter, quote } = dialect;
  let mode: Mode | undefined;
  let carry = '';
  let line = 0; // lines consumed so far
  let ready: CellBatch | undefined;
  let ended = false;
  let closed = false;
  /** Set once the rest of the input is csv-parse's. */
  let fallback: RecordStream | undefined;
  /** A failure of the fallback after records it had already given: thrown on the next call. */
  const failed: { error?: unknown } = {};

  const decoded = async (): Promise<string | undefined> => {
    try {
      const { value, done } = await chunks.next();
      if (done) return undefined;
      return decoder.write(typeof value === 'string' ? Buffer.from(value) : value);
    } catch (error) {
      throw asReadError(error);
    }
  };

  /** The remaining text (from a line start) to csv-parse, with line numbers continuing from `line`. */
  const handOver = (text: string, final: boolean) => {
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

  const delimiterCode = delimiter.charCodeAt(0);
  const quoteCode = quote.charCodeAt(0);
  /**
   * Splits complete lines of `text` into a batch (ready); false (and nothing ready) when the run is
   * not one it accepts: a quote, a carriage return or line feed other than the record delimiter, a
   * line of maxLineBytes characters or more, a record wider than maxColumns.
   */
  const splitLines = (text: string): boolean => {
    const n = text.length;
    const crlf = mode === '\r\n';
    const maxLine = limits.maxLineBytes;
    const maxColumns = limits.maxColumns;
    // Sized for this chunk's shape so far; grown by doubling.
    let spans = new Int32Array(64 + (n >> 2));
    let hashes = new Int32Array(spans.length >> 1);
    let h = SPAN_HASH_SEED;
    let rowCells = new Int32Array(64 + (n >> 4));
    let cells = 0;
    let rows = 0;
    let cellStart = 0;
    let lineStart = 0;
    let rowStart = 0;
    for (let i = 0; i <= n; i++) {
      const c = i === n ? 10 : text.charCodeAt(i);
      if (c !== delimiterCode && c !== 10 && c !== 13) {
        if (c === quoteCode) return false;
        h = Math.imul(h ^ c, SPAN_HASH_PRIME); // spanHash, in the same pass
        continue;
      }
      let cellEnd = i;
      if (c === 13) {
        // \r\n ends a record in a \r\n file; any other \r is csv-parse's.
        if (!crlf || i + 1 >= n || text.charCodeAt(i + 1) !== 10) return false;
        i++;
      } else if (c === 10 && crlf && i !== n) return false;
      if (cells * 2 + 2 > spans.length) spans = grow(spans);
      if (cells + 1 > hashes.length) hashes = grow(hashes);
      spans[2 * cells] = cellStart;
      spans[2 * cells + 1] = cellEnd;
      hashes[cells] = h ^ (cellEnd - cellStart);
      h = SPAN_HASH_SEED;
      cells++;
      cellStart = i + 1;
      if (c === delimiterCode) continue;
      // End of a line (or of the text, which ends a line).
      if (cellEnd - lineStart >= maxLine || cells - rowStart > maxColumns) return false;
      if (rows * 2 + 2 > rowCells.length) rowCells = grow(rowCells);
      rowCells[2 * rows] = rowStart;
      rowCells[2 * rows + 1] = cells;
      rows++;
      rowStart = cells;
      lineStart = i + 1;
    }
    const lines = new Int32Array(rows);
    for (let r = 0; r < rows; r++) lines[r] = line + r + 1;
    ready = { text, spans, hashes, rowCells, lines, rows };
    line += rows;
    return true;
  };

  /** Makes the next batch ready from the next chunk(s); false at the end of the input. */
  const fill = async (): Promise<boolean> => {
    for (;;) {
      if (ended) return false;
      const next = await decoded();
      let text: string;
      let final = false;
      if (next === undefined) {
        ended = true;
        final = true;
        text = carry + decoder.end();
        carry = '';
        if (text === '') return false;
      } else {
        text = carry + next;
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
      const body = text.slice(0, end);
      if (mode === undefined) mode = '\n'; // one line, no break at all
      if (!splitLines(body)) return (take(), handOver(text, final), true); // text = body + delimiter + carry
      return true;
    }
  };
  const take = () => {
    const c = carry;
    carry = '';
    return c;
  };

  const stream: BatchStream = {
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

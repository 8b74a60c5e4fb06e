// The --all-rows path for delimited text: a hand splitter that is exact for the text it accepts and
// hands the rest of the input to csv-parse (records.ts) the moment it meets anything else.
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
import { openRecords, type CsvRecord, type RecordStream } from './records.js';
import { describeFsError } from './source.js';
import { ReadError, type ByteSource, type Limits } from './types.js';

type Mode = '\n' | '\r\n';

export function openFastRecords(
  source: ByteSource,
  encoding: TextEncoding,
  dialect: { delimiter: string; quote: string },
  limits: Pick<Limits, 'maxLineBytes' | 'maxColumns'>,
): RecordStream {
  const input = source.open();
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const decoder = new ChunkDecoder(encoding);
  const { delimiter, quote } = dialect;
  let mode: Mode | undefined;
  let carry = '';
  let line = 0; // lines consumed so far
  let queue: CsvRecord[] = [];
  let at = 0;
  let ended = false;
  let closed = false;
  /** Set once the rest of the input is csv-parse's. */
  let fallback: RecordStream | undefined;

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

  /** Splits complete lines of `text`; false (and nothing queued) when the run is not one it accepts. */
  const splitLines = (text: string): boolean => {
    if (text.indexOf(quote) !== -1) return false;
    const lines = text.split(mode!);
    const out: CsvRecord[] = new Array(lines.length);
    const stray = mode === '\n' ? '\r' : undefined;
    if (stray !== undefined && text.indexOf(stray) !== -1) return false;
    const maxLine = limits.maxLineBytes;
    const maxColumns = limits.maxColumns;
    let n = line;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.length >= maxLine) return false;
      if (mode === '\r\n' && (l.indexOf('\n') !== -1 || l.indexOf('\r') !== -1)) return false;
      const cells = l.split(delimiter);
      if (cells.length > maxColumns) return false;
      out[i] = { cells, line: ++n };
    }
    queue = out;
    at = 0;
    line = n;
    return true;
  };

  /** Fills the queue from the next chunk(s); false at the end of the input. */
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

  const stream: RecordStream = {
    async next() {
      if (closed) return undefined;
      for (;;) {
        if (fallback) {
          const record = await fallback.next();
          stream.unclosedQuoteLine = fallback.unclosedQuoteLine;
          return record;
        }
        if (at < queue.length) return queue[at++];
        queue = [];
        at = 0;
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

function asReadError(error: unknown): Error {
  if (error instanceof ReadError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code?.startsWith('Z_')) return new ReadError('corrupt gzip data');
  if (code?.startsWith('E') && !code.startsWith('ERR_')) return new ReadError(describeFsError(error));
  return new ReadError(`cannot be read (${code ?? 'read error'})`);
}

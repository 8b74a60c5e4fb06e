// Delimited records from a byte source: decode → csv-parse (relaxed) → records with the line each
// starts on. A queue in front of the parser keeps records already parsed when the parser fails at
// the end (an unclosed quote), which a plain for-await over the stream would drop.
import type { Parser } from 'csv-parse';
import { createRequire } from 'node:module';
import { pipeline, type Readable } from 'node:stream';
import { decodingStream, type TextEncoding } from './decode.js';
import { describeFsError } from './source.js';
import { ReadError, type ByteSource, type Limits } from './types.js';

// csv-parse is loaded only when text needs it: the fast splitter (fast-csv.ts) reads most files
// alone, and loading the parser costs a cold start ~10-20 ms.
const csvParse = () => createRequire(import.meta.url)('csv-parse') as typeof import('csv-parse');

export interface CsvRecord {
  cells: string[];
  /** 1-based line the record starts on. */
  line: number;
}

export interface RecordStream {
  /** The next record, or undefined at the end. Throws ReadError for limits and bad bytes. */
  next(): Promise<CsvRecord | undefined>;
  /** Stops reading and releases the file. Safe to call twice. */
  close(): void;
  /** Set when the input ended inside a quoted field: the 1-based line where that quote opened. */
  unclosedQuoteLine?: number;
}

/** Records queued before the parser is paused (backpressure). */
const HIGH_WATER = 256;

export function openRecords(
  source: ByteSource,
  encoding: TextEncoding,
  dialect: { delimiter: string; quote: string },
  limits: Pick<Limits, 'maxLineBytes' | 'maxColumns'>,
  /** Text already decoded, starting at a line start after `lines` lines (fast-csv.ts hands over to csv-parse). */
  resume?: { text: Readable; lines: number; release: () => void; recordDelimiter?: string },
): RecordStream {
  const parser: Parser = csvParse().parse({
    delimiter: dialect.delimiter,
    quote: dialect.quote,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
    max_record_size: limits.maxLineBytes,
    // Resumed mid-file: the record delimiter the file's first line break already fixed.
    ...(resume?.recordDelimiter ? { record_delimiter: resume.recordDelimiter } : {}),
  });
  const input = resume ? resume.text : source.open();
  // pipeline: a decode error reaches the parser, and destroying the parser closes the file.
  if (resume) pipeline(input, parser, () => {});
  else pipeline(input, decodingStream(encoding), parser, () => {});
  const lineOffset = resume?.lines ?? 0;

  const queue: CsvRecord[] = [];
  let lastLine = lineOffset;
  let failure: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  const stream: RecordStream = {
    async next() {
      for (;;) {
        if (queue.length > 0) {
          const record = queue.shift()!;
          if (queue.length < HIGH_WATER / 2 && parser.isPaused()) parser.resume();
          return record;
        }
        if (failure) throw failure;
        if (ended) return undefined;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    close() {
      ended = true;
      parser.destroy();
      input.destroy();
      resume?.release();
      notify();
    },
  };

  parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => {
    const line = lastLine + 1;
    lastLine = lineOffset + info.lines;
    if (record.length > limits.maxColumns) {
      failure = new ReadError(`line ${line} has ${record.length} columns, more than the limit of ${limits.maxColumns} (raise it with --max-columns)`);
      parser.destroy();
    } else {
      queue.push({ cells: record, line });
      if (queue.length >= HIGH_WATER) parser.pause();
    }
    notify();
  });
  parser.on('end', () => {
    ended = true;
    notify();
  });
  parser.on('error', (error: Error & { code?: string; lines?: number }) => {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // Lenient: what came before is kept; the reader warns.
      stream.unclosedQuoteLine = lastLine + 1;
      ended = true;
    } else if (error.code === 'CSV_MAX_RECORD_SIZE') {
      failure ??= new ReadError(`a record at line ${lastLine + 1} is longer than the limit of ${limits.maxLineBytes} bytes (raise it with --max-line-bytes)`);
    } else if (error instanceof ReadError) {
      failure ??= error;
    } else if (error.code?.startsWith('Z_')) {
      failure ??= new ReadError('corrupt gzip data');
    } else if (error.code?.startsWith('E') && !error.code.startsWith('ERR_')) {
      failure ??= new ReadError(describeFsError(error));
    } else if (!ended) {
      failure ??= new ReadError(`cannot be parsed as delimited text near line ${lastLine + 1} (${error.code ?? 'parse error'})`);
    }
    notify();
  });
  return stream;
}

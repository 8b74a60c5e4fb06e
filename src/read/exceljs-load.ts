// Loading exceljs with two of its stream helpers fixed. Both faults are open upstream; both lose or
// corrupt data without an error, so kojin cannot live with them.
//
// 1. Text split across chunks (lib/utils/parse-sax.js). exceljs turns each chunk of an inflated part
//    into a string on its own, so a character whose UTF-8 bytes straddle two chunks becomes two
//    U+FFFD: over the bench's 200,000-row workbook, 260 of 2.4 million cells came back corrupted,
//    and which ones changed with the chunking. Japanese text is three bytes a character, so this hits
//    kojin's data most (exceljs issues #2063, #2084, #2316; pull requests #1665, #1821, #2894 not
//    merged). The fix: one StringDecoder per stream carries an incomplete character over.
// 2. Sheets lost after the first (lib/utils/iterate-stream.js). The zip parser exceljs uses
//    (unzipper's Parse) emits 'end' itself once it has read the end of the archive, even while parts
//    it has found are still waiting in its buffer for a paused reader. exceljs's stream iterator
//    stops at that 'end'. A workbook whose shared strings come before its sheets is read sheet by
//    sheet as the zip streams, and a reader that pauses between sheets (a scan worker waiting for
//    the main thread to classify the headers) got the first sheet and silently no other. The fix:
//    an 'end' while the stream still holds buffered items is not the end; the real one follows.
//
// Each exceljs module takes these helpers when it is first required, so their exports are replaced
// before exceljs is loaded. If exceljs was loaded already (by a program that uses kojin as a library,
// or by a test that writes workbooks), kojin loads its own copy of exceljs's files and puts the
// loaded ones back for their users. If a later exceljs moves these files, workbooks are still read,
// with exceljs's own helpers.
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };
interface SaxesParserLike {
  on(event: 'error', handler: (error: Error) => void): void;
  on(event: 'opentag' | 'text' | 'closetag', handler: (value: unknown) => void): void;
  write(text: string): void;
}

let loaded: typeof ExcelJS | undefined;

/** exceljs, loaded once (~0.6 s: only when a workbook is read), with the chunk-safe XML event reader in place. */
export function loadExcelJs(): typeof ExcelJS {
  loaded ??= loadPatched();
  return loaded;
}

function loadPatched(): typeof ExcelJS {
  const require = createRequire(import.meta.url);
  let root: string;
  let parseSaxPath: string;
  let iterateStreamPath: string;
  let saxes: { SaxesParser: new () => SaxesParserLike };
  try {
    parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
    iterateStreamPath = require.resolve('exceljs/lib/utils/iterate-stream.js');
    root = dirname(require.resolve('exceljs/package.json')) + sep;
    saxes = createRequire(parseSaxPath)('saxes') as typeof saxes;
  } catch {
    return require('exceljs') as typeof ExcelJS; // another layout of exceljs: its own function
  }
  // exceljs's own files loaded by someone else: out of the cache while kojin's copy loads.
  const others = Object.keys(require.cache).filter((file) => file.startsWith(root));
  const saved = others.map((file) => [file, require.cache[file]] as const);
  for (const file of others) delete require.cache[file];
  try {
    require(iterateStreamPath);
    require.cache[iterateStreamPath]!.exports = iterateUntilDrained;
    require(parseSaxPath);
    require.cache[parseSaxPath]!.exports = chunkSafeParseSax(saxes.SaxesParser);
    return require('exceljs') as typeof ExcelJS;
  } finally {
    if (saved.length > 0) {
      for (const file of Object.keys(require.cache)) if (file.startsWith(root)) delete require.cache[file];
      for (const [file, module] of saved) require.cache[file] = module;
    }
  }
}

/** exceljs's parse-sax: the events of each chunk as a batch; text decoded across chunk boundaries. */
export function chunkSafeParseSax(SaxesParser: new () => SaxesParserLike) {
  return async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
    const parser = new SaxesParser();
    const decoder = new StringDecoder('utf8');
    let error: Error | undefined;
    parser.on('error', (e) => {
      error = e;
    });
    let events: SaxEvent[] = [];
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    const feed = (text: string) => {
      parser.write(text);
      if (error) throw error;
      const batch = events;
      events = [];
      return batch;
    };
    for await (const chunk of iterable) yield feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const rest = decoder.end();
    if (rest) yield feed(rest);
  };
}

/**
 * exceljs's iterate-stream: the stream's chunks (or objects) as they come, pausing it while the
 * consumer holds one. Unlike exceljs's, it does not stop at an 'end' emitted while the stream still
 * buffers items (unzipper's Parse does that at the end of the archive): it reads them first, and
 * ends when the buffer is empty and an 'end' has been seen.
 */
export async function* iterateUntilDrained(stream: NodeJS.ReadableStream & { readableLength?: number }): AsyncGenerator<unknown> {
  const contents: unknown[] = [];
  let endSeen = false;
  let error: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  stream.on('data', (data: unknown) => {
    contents.push(data);
    signal();
  });
  stream.on('end', () => {
    endSeen = true;
    signal();
  });
  stream.on('error', (e: unknown) => {
    error = e ?? new Error('stream error');
    signal();
  });
  for (;;) {
    if (error) throw error;
    if (contents.length > 0) {
      stream.pause();
      yield contents.shift();
      continue;
    }
    // Ended only with nothing left in the stream's own buffer either.
    if (endSeen && !((stream.readableLength ?? 0) > 0)) return;
    const next = new Promise<void>((resolve) => (wake = resolve));
    stream.resume();
    await next;
  }
}

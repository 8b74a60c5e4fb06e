// Loading exceljs with its XML parsing fixed for text split across chunks. exceljs 4.4 turns each
// chunk of an inflated part into a string on its own (lib/utils/parse-sax.js), so a character whose
// UTF-8 bytes straddle two chunks becomes two U+FFFD: over the bench's 200,000-row workbook, 260 of
// 2.4 million cells came back corrupted, and which ones changed with the chunking. Japanese text is
// three bytes a character, so this hits kojin's data most. The bug is open upstream (exceljs issues
// #2063, #2084, #2316; pull requests #1665, #1821, #2894 not merged).
//
// The fix is exceljs's own function with one change: one StringDecoder per stream carries an
// incomplete character over to the next chunk. Each exceljs module takes parse-sax's export when it
// is first required, so the export is replaced before exceljs is loaded. If exceljs was loaded
// already (by a program that uses kojin as a library, or by a test that writes workbooks), kojin
// loads its own copy of exceljs's files and puts the loaded ones back for their users. If a later
// exceljs moves the file, the workbook is still read, with exceljs's own function.
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
  let saxes: { SaxesParser: new () => SaxesParserLike };
  try {
    parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
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

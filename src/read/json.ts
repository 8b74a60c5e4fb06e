// JSON (.json) and JSON Lines (.jsonl, .ndjson).
// - .json: an array of objects is one table; an object holding arrays of objects gives one table
//   per array, named by its key path (data.members); what else the object holds is one more row
//   of its own; a lone object is one row. The file must be parsed whole, so it is capped.
// - JSON Lines: one object per line, streamed; only the sample is read unless --all-rows.
// Fields are the union of the sampled records' key paths, in first-seen order (json-flatten.ts).
import { extname } from 'node:path';
import { acceptsJson, LINES_EXTENSIONS } from './accepts.js';
import { ChunkDecoder, detectEncoding } from './decode.js';
import { FieldCollector, flattenRecord, isRecord, type JsonValue } from './json-flatten.js';
import { JsonSyntaxError, scanJson } from './json-scan.js';
import { readWholeText } from './whole-text.js';
import { ReadError, type ByteSource, type ParsedSource, type Reader, type ReadOptions, type Row, type TableSource } from './types.js';
import type { SourcePosition } from '../types.js';

/** A .json document is parsed whole: past this, export JSON Lines instead. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;
/** Records whose keys make up the fields even when fewer rows are sampled (sampleRows 0 = headers only). */
const FIELD_SCAN_RECORDS = 1000;
/** Name of the table of a top-level object's own members when it also holds arrays of records. */
export const TOP_LEVEL_TABLE = '(top level)';

export const jsonReader: Reader = {
  format: 'json',
  accepts: acceptsJson,
  async read(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
    return LINES_EXTENSIONS.has(extname(source.formatName).toLowerCase()) ? readLinesSource(source, options) : readJsonSource(source, options);
  },
};

async function readJsonSource(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
  const { text, encoding } = await readWholeText(source, options, MAX_JSON_BYTES, 'JSON document (export JSON Lines instead)');
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.trim() === '') throw new ReadError('empty file');
  const keys = new Map<string, SourcePosition>();
  try {
    scanJson(text, { maxDepth: options.limits.maxJsonDepth, keys }, start);
  } catch (error) {
    // JSON Lines saved under a .json name: the first value ends at a line break and another follows.
    if (error instanceof JsonSyntaxError && looksLikeLines(text, start, options)) {
      const parsed = parseLinesText(text, options);
      parsed.warnings.unshift('JSON Lines content under a .json name; read one record per line');
      return { ...parsed, encoding };
    }
    throw error;
  }
  const root = JSON.parse(start ? text.slice(start) : text) as JsonValue;
  const warnings: string[] = [];
  const tables = tablesOf(root, options, keys, warnings);
  return { format: 'json', encoding, tables: iterate(tables), warnings };
}

function looksLikeLines(text: string, start: number, options: ReadOptions): boolean {
  try {
    const end = scanJson(text, { maxDepth: options.limits.maxJsonDepth }, start, false);
    const rest = text.slice(end, end + 256);
    return /^[ \t\r]*\n\s*\{/.test(rest);
  } catch {
    return false;
  }
}

/** The tables of a parsed .json document. Pure, for tests. */
export function tablesOf(root: JsonValue, options: ReadOptions, keys: Map<string, SourcePosition>, warnings: string[]): TableSource[] {
  if (Array.isArray(root)) {
    const table = tableOf(root, undefined, '[]', options, keys, warnings);
    if (!table) warnings.push('the top-level array holds no objects; nothing classified');
    return table ? [table] : [];
  }
  if (!isRecord(root)) {
    warnings.push('the document is a single value, not an object or array; nothing classified');
    return [];
  }
  const arrays: { path: string; items: JsonValue[] }[] = [];
  const rest = collectArrays(root, '', arrays);
  const tables: TableSource[] = [];
  if (Object.keys(rest).length > 0) {
    tables.push(tableOf([rest], arrays.length > 0 ? TOP_LEVEL_TABLE : undefined, '', options, keys, warnings)!);
  }
  for (const { path, items } of arrays) {
    const table = tableOf(items, path, `${path}[]`, options, keys, warnings);
    if (table) tables.push(table);
  }
  return tables;
}

/**
 * Moves arrays of objects (found through nested objects, not inside arrays) to `arrays`, and
 * returns what remains of the object.
 */
function collectArrays(object: { [key: string]: JsonValue }, prefix: string, arrays: { path: string; items: JsonValue[] }[]): { [key: string]: JsonValue } {
  const rest: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value) && value.some(isRecord)) arrays.push({ path, items: value });
    else if (isRecord(value) && Object.keys(value).length > 0) {
      const inner = collectArrays(value, path, arrays);
      if (Object.keys(inner).length > 0) rest[key] = inner;
    } else rest[key] = value;
  }
  return rest;
}

function tableOf(
  items: JsonValue[],
  name: string | undefined,
  keyPrefix: string,
  options: ReadOptions,
  keys: Map<string, SourcePosition>,
  warnings: string[],
): TableSource | undefined {
  const records = items.filter(isRecord);
  if (records.length === 0) return undefined;
  const skipped = items.length - records.length;
  if (skipped > 0) warnings.push(`${skipped} element(s) of ${name ? `array ${name}` : 'the top-level array'} are not objects; skipped`);
  const scan = options.allRows ? records.length : Math.max(options.sampleRows, FIELD_SCAN_RECORDS);
  const collector = new FieldCollector(options.limits.maxColumns);
  const position = (path: string) => keys.get(keyPrefix ? `${keyPrefix}.${path}` : path);
  for (const record of records.slice(0, scan)) collector.add(flattenRecord(record), position);
  const tableWarnings = collector.warnings();
  const rowCount = options.allRows ? records.length : Math.min(records.length, options.sampleRows);
  return {
    name,
    kind: 'data',
    fields: collector.fields,
    rows: (async function* () {
      for (let i = 0; i < rowCount; i++) yield collector.row(flattenRecord(records[i]));
    })(),
    warnings: tableWarnings,
  };
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

interface LineRecord {
  record: { [key: string]: JsonValue };
  keys: Map<string, SourcePosition>;
}

/** Parses one line; null for a blank line or a value that is not an object (counted by the caller). */
function parseLine(text: string, lineNumber: number, options: ReadOptions): LineRecord | null | 'not-object' {
  if (text.trim() === '') return null;
  const keys = new Map<string, SourcePosition>();
  scanJson(text, { maxDepth: options.limits.maxJsonDepth, firstLine: lineNumber, keys });
  const value = JSON.parse(text) as JsonValue;
  return isRecord(value) ? { record: value, keys } : 'not-object';
}

/** Accumulates fields and the sampled rows over lines. */
class LinesTable {
  readonly collector: FieldCollector;
  readonly sample: Map<string, (string | null)[]>[] = [];
  notObjects = 0;

  constructor(private readonly options: ReadOptions) {
    this.collector = new FieldCollector(options.limits.maxColumns);
  }

  add(text: string, lineNumber: number): void {
    const parsed = parseLine(text, lineNumber, this.options);
    if (parsed === null) return;
    if (parsed === 'not-object') {
      this.notObjects++;
      return;
    }
    const flat = flattenRecord(parsed.record);
    // Position: where the key sits on the first line that has it.
    this.collector.add(flat, (path) => parsed.keys.get(path));
    if (!this.options.allRows && this.sample.length < this.options.sampleRows) this.sample.push(flat);
  }

  warnings(): string[] {
    const out = this.collector.warnings();
    if (this.notObjects > 0) out.push(`${this.notObjects} line(s) are not JSON objects; skipped`);
    return out;
  }
}

function recordLimit(options: ReadOptions): number {
  return options.allRows ? Infinity : Math.max(options.sampleRows, FIELD_SCAN_RECORDS);
}

async function readLinesSource(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
  if (source.head.length === 0) throw new ReadError('empty file');
  const encoding = detectEncoding(source.head, source.complete, options.encoding);
  const table = new LinesTable(options);
  let records = 0;
  const limit = recordLimit(options);
  for await (const { text, number } of streamLines(source, options)) {
    table.add(text, number);
    if (text.trim() !== '' && ++records >= limit) break;
  }
  return finishLines(table, options, { format: 'jsonl', encoding: encoding.name }, () => streamLines(source, options));
}

/** JSON Lines already in memory (a .json file that turned out to be JSON Lines). */
function parseLinesText(text: string, options: ReadOptions): ParsedSource {
  const lines = text.split('\n');
  const table = new LinesTable(options);
  const limit = recordLimit(options);
  let records = 0;
  for (let i = 0; i < lines.length && records < limit; i++) {
    table.add(lines[i], i + 1);
    if (lines[i].trim() !== '') records++;
  }
  const again = async function* () {
    for (let i = 0; i < lines.length; i++) yield { text: lines[i], number: i + 1 };
  };
  const parsed = finishLines(table, options, { format: 'jsonl' }, again);
  return parsed;
}

function finishLines(
  table: LinesTable,
  options: ReadOptions,
  meta: { format: string; encoding?: string },
  reopen: () => AsyncIterable<{ text: string; number: number }>,
): ParsedSource {
  const { collector } = table;
  // With --all-rows the fields came from a full first pass; a second pass yields the rows, so no
  // more than one record is held at a time.
  const rows: AsyncIterable<Row> = options.allRows
    ? (async function* () {
        for await (const { text, number } of reopen()) {
          const parsed = parseLine(text, number, options);
          if (parsed && parsed !== 'not-object') yield collector.row(flattenRecord(parsed.record));
        }
      })()
    : (async function* () {
        for (const flat of table.sample) yield collector.row(flat);
      })();
  const source: TableSource = { kind: 'data', fields: collector.fields, rows, warnings: [] };
  const warnings = table.warnings();
  if (collector.fields.length === 0) warnings.push('no JSON objects found; nothing classified');
  return { ...meta, tables: iterate(collector.fields.length > 0 ? [source] : []), warnings };
}

/** Lines of the input, decoded, each capped at maxLineBytes (counted in UTF-16 units of the decoded text). */
async function* streamLines(source: ByteSource, options: ReadOptions): AsyncIterable<{ text: string; number: number }> {
  const encoding = detectEncoding(source.head, source.complete, options.encoding);
  const decoder = new ChunkDecoder(encoding);
  const max = options.limits.maxLineBytes;
  const stream = source.open();
  let carry = '';
  let number = 0;
  try {
    const split = function* (text: string, last: boolean) {
      carry += text;
      let from = 0;
      for (let nl = carry.indexOf('\n'); nl >= 0; nl = carry.indexOf('\n', from)) {
        number++;
        if (nl - from > max) throw new ReadError(`line ${number} is longer than ${max} bytes (raise it with --max-line-bytes)`);
        yield { text: carry.slice(from, nl).replace(/\r$/, ''), number };
        from = nl + 1;
      }
      carry = carry.slice(from);
      if (carry.length > max) throw new ReadError(`line ${number + 1} is longer than ${max} bytes (raise it with --max-line-bytes)`);
      if (last && carry) {
        number++;
        yield { text: carry, number };
        carry = '';
      }
    };
    for await (const chunk of stream) yield* split(decoder.write(chunk as Buffer), false);
    yield* split(decoder.end(), true);
  } finally {
    stream.destroy();
  }
}

async function* iterate<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

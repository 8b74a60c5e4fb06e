// Cell values of the sample files, parsed independently of kojin's readers, for the no-leak test.
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const detected = Encoding.detect(bytes);
    const from = detected === 'EUCJP' ? 'euc-jp' : 'shift_jis';
    return new TextDecoder(from).decode(bytes);
  }
}

function delimited(text: string, ext: string): string[] {
  const first = text.split('\n', 1)[0];
  const delimiter = ext === 'tsv' || ext === 'tab' ? '\t' : ext === 'psv' ? '|' : [',', '\t', ';', '|'].sort((a, b) => first.split(b).length - first.split(a).length)[0];
  const rows: string[][] = parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, bom: true });
  return rows.flat();
}

function leaves(value: unknown, out: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (value instanceof Date) out.push(value.toISOString());
  else if (typeof value === 'object') Object.values(value as object).forEach((v) => leaves(v, out));
  else out.push(String(value));
}

/** Values in INSERT statements: quoted strings and bare numbers inside VALUES (…). */
function insertValues(sql: string): string[] {
  const out: string[] = [];
  for (const m of sql.matchAll(/INSERT\s+INTO[\s\S]*?VALUES\s*([\s\S]*?);/gi)) {
    for (const q of m[1].matchAll(/'((?:[^']|'')*)'|(-?\d[\d.]*)/g)) out.push((q[1] ?? q[2]).replace(/''/g, "'"));
  }
  return out;
}

/** Every cell value of one file ([] for field lists and layouts, which hold only names). */
export async function cellValues(path: string): Promise<string[]> {
  const name = path.toLowerCase();
  let bytes = readFileSync(path);
  if (name.endsWith('.gz')) bytes = gunzipSync(bytes);
  const ext = name.replace(/\.gz$/, '').split('.').pop() ?? '';
  switch (ext) {
    case 'csv':
    case 'tsv':
    case 'tab':
    case 'psv':
      return delimited(decode(bytes), ext);
    case 'json':
      return (() => { const out: string[] = []; leaves(JSON.parse(decode(bytes)), out); return out; })();
    case 'jsonl':
    case 'ndjson': {
      const out: string[] = [];
      for (const line of decode(bytes).split('\n')) if (line.trim()) leaves(JSON.parse(line), out);
      return out;
    }
    case 'sql':
    case 'ddl':
      return insertValues(decode(bytes));
    case 'xlsx': {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const out: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.text))));
      return out;
    }
    case 'parquet': {
      const { parquetReadObjects } = await import('hyparquet');
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const out: string[] = [];
      leaves(await parquetReadObjects({ file: buffer }), out);
      return out.map((v) => (typeof v === 'bigint' ? String(v) : v));
    }
    default:
      return []; // .md, .markdown, .txt: record layouts (field names and sizes), not data
  }
}

export function filesUnder(dir: string, pattern = /\.(csv|tsv|tab|psv|csv\.gz|tsv\.gz|json|jsonl|ndjson|sql|ddl|xlsx|parquet|md|markdown|txt)$/i): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(entry)) out.push(path);
  }
  return out;
}

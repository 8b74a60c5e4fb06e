// Looking inside an .xlsx before exceljs does: an xlsx is a zip archive, and a hostile one (a zip
// bomb) would inflate far past its file size. yauzl reads the central directory, so the declared
// unpacked size is known before anything is inflated; sizes are then verified while the sheets are
// scanned (yauzl checks each entry's actual size against its declaration). The same pass finds
// the sheets' merged cells, which exceljs's streaming reader skips.
import { promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { ReadError, type ByteSource, type Limits } from './types.js';
import { orderedWorkbook } from './xlsx-order.js';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** A workbook read from standard input or a .gz is held in memory to be read at random: capped. */
const MAX_BUFFERED_BYTES = 512 * 1024 * 1024;

/** A merged range, 1-based and inclusive, as in the sheet's `<mergeCell ref="B1:D1"/>`. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxInspection {
  /** Merged ranges by sheet name, for ranges starting at or above `mergeRows`. */
  merges: Map<string, MergeRange[]>;
  sheetNames: string[];
  /**
   * The workbook with the parts a sheet needs first (xlsx-order.ts), else exceljs copies the sheet
   * to a temporary file; undefined when read as it lies. Destroy it when done.
   */
  ordered?: Readable;
}

const mib = (bytes: number) => Math.ceil(bytes / 1024 / 1024);

/** Refuses what is not an xlsx workbook, with the one-line reason, from the first bytes. */
export function checkSignature(source: ByteSource): void {
  const head = source.head;
  const starts = (sig: number[]) => sig.every((byte, i) => head[i] === byte);
  if (starts(OLE_SIGNATURE)) {
    const isXls = /\.xls$/i.test(source.formatName);
    // Excel saves a password-protected workbook as an OLE container holding an EncryptedPackage stream.
    const encrypted = head.includes(Buffer.from('EncryptedPackage', 'utf16le')) || head.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    const binaryBook = head.includes(Buffer.from('Workbook', 'utf16le')) || head.includes(Buffer.from('Book', 'utf16le'));
    if (encrypted || (!isXls && !binaryBook)) throw new ReadError('password-protected workbook; remove the password or export CSV');
    throw new ReadError('old binary Excel (.xls) is not supported; save it as .xlsx or CSV');
  }
  if (head.length === 0) throw new ReadError('empty file');
  if (!starts(ZIP_SIGNATURE)) throw new ReadError('corrupt xlsx (not a valid zip archive)');
}

/**
 * Checks the archive (size, workbook parts) and collects merged ranges of the top `mergeRows`
 * rows of every sheet. Throws ReadError for a zip bomb, a non-workbook zip or a corrupt archive.
 */
export async function inspectXlsx(source: ByteSource, limits: Limits, mergeRows: number): Promise<XlsxInspection> {
  const zip = await openZip(source);
  let ordered: Readable | undefined;
  try {
    const entries = await listEntries(zip);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUnpackedBytes) throw tooLarge(declared, limits);
    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new ReadError('not an xlsx workbook');

    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const workbook = await entryText(zip, byName.get('xl/workbook.xml')!, 4 * 1024 * 1024);
    const rels = byName.has('xl/_rels/workbook.xml.rels') ? await entryText(zip, byName.get('xl/_rels/workbook.xml.rels')!, 4 * 1024 * 1024) : '';
    const sheets = sheetTargets(workbook, rels);
    const merges = new Map<string, MergeRange[]>();
    for (const { name, path } of sheets) {
      const entry = byName.get(path);
      if (entry) merges.set(name, await scanMerges(zip, entry, mergeRows));
    }
    ordered = orderedWorkbook(zip, entries);
    return { merges, sheetNames: sheets.map((s) => s.name), ...(ordered ? { ordered } : {}) };
  } finally {
    if (!ordered) zip.close(); // else the ordered stream closes it
  }
}

function tooLarge(bytes: number, limits: Limits): ReadError {
  return new ReadError(`unpacked size ${mib(bytes)} MiB exceeds the limit of ${mib(limits.maxUnpackedBytes)} MiB (raise it with --max-unpacked-mb)`);
}

async function openZip(source: ByteSource): Promise<yauzl.ZipFile> {
  const { default: yauzl } = await import('yauzl'); // loaded only when a workbook is read
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false };
  const corrupt = () => new ReadError('corrupt xlsx (not a valid zip archive)');
  const direct = source.formatName === source.path && (await fs.stat(source.path).then((s) => s.isFile()).catch(() => false));
  if (direct) {
    return new Promise((resolve, reject) => yauzl.open(source.path, options, (error, zip) => (error || !zip ? reject(corrupt()) : resolve(zip))));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source.open()) {
    size += (chunk as Buffer).length;
    if (size > MAX_BUFFERED_BYTES) throw new ReadError(`larger than ${mib(MAX_BUFFERED_BYTES)} MiB; too large to read from standard input or .gz (unpack it to a file)`);
    chunks.push(chunk as Buffer);
  }
  const buffer = Buffer.concat(chunks);
  return new Promise((resolve, reject) => yauzl.fromBuffer(buffer, options, (error, zip) => (error || !zip ? reject(corrupt()) : resolve(zip))));
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new ReadError('corrupt xlsx (not a valid zip archive)')));
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(new ReadError('corrupt xlsx (an entry cannot be unpacked)')) : resolve(stream))),
  );
}

async function entryText(zip: yauzl.ZipFile, entry: yauzl.Entry, max: number): Promise<string> {
  const stream = await openEntry(zip, entry);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > max) throw new ReadError('not an xlsx workbook (workbook part too large)');
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('corrupt xlsx (an entry cannot be unpacked)');
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sheet names and their part paths, in workbook order, from workbook.xml and its relationships. */
export function sheetTargets(workbook: string, rels: string): { name: string; path: string }[] {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const rid = attribute(m[0], 'r:id') ?? attribute(m[0], 'id');
    const path = rid ? targets.get(rid) : undefined;
    if (name && path) sheets.push({ name: xmlDecode(name), path });
  }
  return sheets;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m?.[1];
}

function xmlDecode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * Streams a sheet part and keeps the merged ranges whose top row is within `maxRow`. The
 * `<mergeCells>` element follows the cell data, so the whole part is inflated (and its size
 * verified); nothing but the refs is kept.
 */
async function scanMerges(zip: yauzl.ZipFile, entry: yauzl.Entry, maxRow: number): Promise<MergeRange[]> {
  const stream = await openEntry(zip, entry);
  const ranges: MergeRange[] = [];
  let carry = '';
  try {
    for await (const chunk of stream) {
      const text = carry + (chunk as Buffer).toString('latin1'); // refs are ASCII
      const re = /<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
      let last = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        last = re.lastIndex;
        const range = { top: +m[2], left: columnNumber(m[1]), bottom: +m[4], right: columnNumber(m[3]) };
        if (range.top <= maxRow && ranges.length < 10_000) ranges.push(range);
      }
      carry = text.slice(Math.max(last, text.length - 256));
    }
  } catch {
    throw new ReadError('corrupt xlsx (a sheet cannot be unpacked)');
  } finally {
    stream.destroy();
  }
  return ranges;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// The workbook as exceljs's streaming reader can stream it. That reader takes the zip's parts in the
// order they lie in the file, and a sheet that comes before the shared strings (or the workbook's
// relationships) cannot be parsed yet: exceljs then copies the sheet, inflated, into a temporary
// file and parses it only at the end. Excel itself writes the sheets first. So a sampled scan read
// every sheet in full, and the cells of the scanned file were written to the temporary directory
// (a data-protection tool must not leave a plain copy of personal data on disk).
//
// Here the parts exceljs needs first are moved to the front: the zip is written anew from the
// original's central directory, each part's compressed bytes copied as they are (no inflating),
// sheets after the parts they depend on, everything exceljs ignores left out. The archive is the one
// xlsx-zip.ts opened to check it (read once, also when it came from standard input). A workbook that needs
// ZIP64 (a part or the archive of 4 GiB or more) is read as it is.
import { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { ReadError } from './types.js';

/** What exceljs's WorkbookReader must have read before a sheet, in the order it reads them best. */
const FIRST_PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
/** The sheet parts exceljs's WorkbookReader recognises. */
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** General purpose flags: sizes in a data descriptor after the data (cleared: they are in the header here); UTF-8 names. */
const DATA_DESCRIPTOR = 0x0008;
const UTF8_NAMES = 0x0800;
const LIMIT_32 = 0xffffffff;

/** The parts to write, in order: FIRST_PARTS that exist, then the sheets in the order of the file. */
export function streamingOrder(names: readonly string[]): string[] {
  const present = new Set(names);
  return [...FIRST_PARTS.filter((p) => present.has(p)), ...names.filter((n) => SHEET_PART.test(n))];
}

/**
 * The workbook (its open archive and every entry of it) as a zip stream in streamingOrder, or
 * undefined when it is already in that order (nothing to gain) or needs ZIP64. The stream then owns
 * the archive and closes it when it ends or is destroyed; otherwise the caller still does.
 */
export function orderedWorkbook(zip: yauzl.ZipFile, entries: readonly yauzl.Entry[]): Readable | undefined {
  const byName = new Map(entries.map((e) => [e.fileName, e]));
  const order = streamingOrder(entries.map((e) => e.fileName)).map((name) => byName.get(name)!);
  const inFileOrder = entries.filter((e) => order.includes(e));
  if (inFileOrder.every((e, i) => e === order[i])) return undefined;
  const total = order.reduce((sum, e) => sum + 30 + 46 + 2 * Buffer.byteLength(e.fileName) + e.compressedSize, 22);
  if (total >= LIMIT_32 || order.some((e) => e.compressedSize >= LIMIT_32 || e.uncompressedSize >= LIMIT_32)) return undefined;
  const stream = Readable.from(rezip(zip, order), { objectMode: false });
  // Ended or destroyed, read or not (yauzl's close may be called twice).
  stream.once('close', () => zip.close());
  return stream;
}

async function* rezip(zip: yauzl.ZipFile, entries: yauzl.Entry[]): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.fileName, 'utf8');
    const flags = (entry.generalPurposeBitFlag & ~DATA_DESCRIPTOR) | UTF8_NAMES;
    yield header(entry, name, flags);
    let copied = 0;
    for await (const chunk of await rawStream(zip, entry)) {
      copied += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (copied !== entry.compressedSize) throw new ReadError('corrupt xlsx (an entry cannot be unpacked)');
    central.push(header(entry, name, flags, offset));
    offset += 30 + name.length + entry.compressedSize;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}

/** A local file header, or with `offset` the central directory's header of the same part. */
function header(entry: yauzl.Entry, name: Buffer, flags: number, offset?: number): Buffer {
  const central = offset !== undefined;
  const b = Buffer.alloc((central ? 46 : 30) + name.length);
  let at = 0;
  const u16 = (v: number) => (at = b.writeUInt16LE(v, at));
  const u32 = (v: number) => (at = b.writeUInt32LE(v >>> 0, at));
  u32(central ? CENTRAL_HEADER : LOCAL_HEADER);
  if (central) u16(entry.versionMadeBy);
  u16(entry.versionNeededToExtract);
  u16(flags);
  u16(entry.compressionMethod);
  u16(entry.lastModFileTime);
  u16(entry.lastModFileDate);
  u32(entry.crc32);
  u32(entry.compressedSize);
  u32(entry.uncompressedSize);
  u16(name.length);
  u16(0); // extra field
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offset);
  }
  name.copy(b, at);
  return b;
}

/** The part's bytes as stored (compressed ones not inflated). */
function rawStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  // yauzl accepts `decompress` only for compressed parts.
  const options = entry.compressionMethod === 0 ? {} : { decompress: false };
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, options, (error, stream) => (error || !stream ? reject(new ReadError('corrupt xlsx (an entry cannot be unpacked)')) : resolve(stream))),
  );
}

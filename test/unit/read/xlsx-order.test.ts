// Reading a workbook as exceljs's streaming reader needs it (src/read/xlsx-order.ts): the parts a
// sheet depends on moved before it, copied byte for byte.
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { zip } from '../../support/zip.js';
import { bufferSource } from '../../../src/read/source.js';
import { streamingOrder } from '../../../src/read/xlsx-order.js';
import { DEFAULT_LIMITS } from '../../../src/read/types.js';
import { inspectXlsx } from '../../../src/read/xlsx-zip.js';

/** The re-ordered workbook as the xlsx reader gets it: from the archive inspectXlsx opened and checked. */
const orderedWorkbook = async (source: ReturnType<typeof bufferSource>) => (await inspectXlsx(source, DEFAULT_LIMITS, 0)).ordered;

/** Every part of a zip, by name in the order of its central directory, inflated. */
function parts(bytes: Buffer): Promise<[string, string][]> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, archive) => {
      if (error || !archive) return reject(error);
      const out: [string, string][] = [];
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, async (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          for await (const c of stream) chunks.push(c as Buffer);
          out.push([entry.fileName, Buffer.concat(chunks).toString('utf8')]);
          archive.readEntry();
        });
      });
      archive.on('end', () => resolve(out));
      archive.on('error', reject);
      archive.readEntry();
    }),
  );
}

const PARTS = ['xl/theme/theme1.xml', '_rels/.rels', 'xl/worksheets/sheet1.xml', '[Content_Types].xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'docProps/app.xml'];
const ORDER = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'];

describe('streamingOrder', () => {
  it('puts what a sheet needs first, then the sheets in file order, and leaves out what exceljs ignores', () => {
    expect(streamingOrder(PARTS)).toEqual(ORDER);
    expect(streamingOrder(['xl/worksheets/sheet1.xml', 'xl/workbook.xml'])).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });
});

describe('orderedWorkbook (through inspectXlsx)', () => {
  const content = (name: string) => `<x name="${name}">${'東京都千代田区 山田 太郎 '.repeat(200)}</x>`;

  it('writes a valid zip of the parts in streaming order, each part the same', async () => {
    const original = zip(PARTS.map((name) => ({ name, data: Buffer.from(content(name)) })));
    const stream = await orderedWorkbook(bufferSource('-', 'book.xlsx', original));
    expect(stream).toBeDefined();
    const chunks: Buffer[] = [];
    for await (const c of stream as Readable) chunks.push(c as Buffer);
    const rewritten = Buffer.concat(chunks);
    expect(await parts(rewritten)).toEqual(ORDER.map((name) => [name, content(name)]));
    // Parts are copied compressed, not inflated: the new archive is about as large as the parts it keeps.
    expect(rewritten.length).toBeLessThan(original.length);
    // A local header starts each part where its central-directory entry says (yauzl checks that too).
    expect(inflateRawSync(rewritten.subarray(30 + '[Content_Types].xml'.length)).toString('utf8').startsWith('<x name="[Content_Types].xml">')).toBe(true);
  });

  it('leaves a workbook that is already in streaming order as it is', async () => {
    const inOrder = zip([...ORDER, 'docProps/app.xml'].map((name) => ({ name, data: Buffer.from(content(name)) })));
    expect(await orderedWorkbook(bufferSource('-', 'book.xlsx', inOrder))).toBeUndefined();
  });
});

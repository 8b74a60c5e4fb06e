// --all-rows over a file cut into byte ranges (parallel/ranges.ts): the evidence and the warnings
// must be exactly one thread's, wherever the cuts fall and whatever the file holds after them —
// quotes, stray carriage returns, ragged and blank rows, an invalid byte — since a range the fast
// splitter does not accept is read again in file order.
import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFile } from '../../../src/read/source.js';
import { DEFAULT_LIMITS } from '../../../src/read/types.js';
import type { RangeThreads } from '../../../src/parallel/ranges.js';
import { readEvidence, type EvidenceOptions } from '../../../src/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'kojin-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function evidence(path: string, options: Partial<EvidenceOptions>) {
  return readEvidence(await openFile(path), { sample: 0, allRows: true, limits: DEFAULT_LIMITS, ...options });
}

/** One thread, the same file in ranges read on this thread, and (optionally) with a worker thread. */
async function expectSame(bytes: Buffer, rangeBytes: number[], worker = false) {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, bytes);
  const reference = await evidence(path, {});
  const ranged = (threads: number, size: number): RangeThreads => ({ threads, minBytes: 0, rangeBytes: size });
  for (const size of rangeBytes) expect(await evidence(path, { rangeThreads: ranged(0, size) }), `ranges of ${size}`).toEqual(reference);
  if (worker) expect(await evidence(path, { rangeThreads: ranged(1, rangeBytes[0]) }), 'worker').toEqual(reference);
  // Guided: ranges shrinking from a share of what is left to rangeBytes (the default's cuts).
  if (worker) expect(await evidence(path, { rangeThreads: { ...ranged(1, rangeBytes[0]), guided: true } }), 'guided').toEqual(reference);
  return reference;
}

const ROWS = [
  'E1,男,123-4567,1234567,1975-01-22,山田 太郎,a@example.com',
  'E2,女,〒100-0001,7654321,1980/2/3,佐藤 花子,b@example.jp',
  'E3, 女 ,1000001,1111111,昭和50年1月1日,ヤマダ タロウ,c@example.org',
  'E4,1,,,,,',
  'E7,Ｍ,１２３-４５６７,3333333,H2/4/1,田中 次郎,e@example.com',
];
const HEADER = 'ID,性別,郵便番号,口座番号,生年月日,氏名,メール';
/** The rows n times, each copy's IDs made different so that distinct counts grow. */
const body = (n: number) => Array.from({ length: n }, (_, k) => ROWS.map((r) => r.replace(/^E(\d)/, `E${k}_$1`))).flat();

/** The text with E0 E0 written at `at`, after the line feed before it. */
function acrossChunk(text: Buffer, at: number): Buffer {
  const lineStart = text.lastIndexOf(0x0a, at - 3) + 1;
  const out = Buffer.from(text);
  out.fill(0x78, lineStart, at); // x
  out[at] = 0xe0;
  out[at + 1] = 0xe0;
  return out;
}

describe('--all-rows in byte ranges', () => {
  // Files of more than 64 KiB: the stream reads that much for the header before it can be cut.
  it('equals one thread on hand-picked files, for cuts of several sizes', async () => {
    const lines = body(400);
    const late = (extra: string) => [HEADER, ...lines.slice(0, 1500), extra, ...lines.slice(1500)];
    const lf = (ls: string[]) => Buffer.from(ls.join('\n') + '\n');
    const variants: [string, Buffer][] = [
      ['lf', lf([HEADER, ...lines])],
      ['crlf', Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n')],
      ['bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), lf([HEADER, ...lines])])],
      ['no final newline', Buffer.from([HEADER, ...lines].join('\n'))],
      ['quote late', lf(late('E8,"女",123-4567,"1234\n567",1975-01-22,"山田, 太郎",x@example.com'))],
      ['quote early', lf([HEADER, lines[0], 'E0,"x"', ...lines])],
      ['unclosed quote late', lf(late('E9,"男'))],
      ['bare CR late', lf(late('E10,男\rE11,女'))],
      ['CR at a line end', lf(late('E10,男\r'))],
      ['LF in a CRLF file', Buffer.from([HEADER, ...lines.slice(0, 1500)].join('\r\n') + '\n' + lines.slice(1500).join('\r\n'))],
      ['blank and ragged rows', lf(late('\n,,,\n   ,  \nE12,short\nE13,男,123-4567,1234567,1975-01-22,山田 太郎,a@example.com,extra,cells\n'))],
      ['invalid UTF-8 late', Buffer.concat([lf([HEADER, ...lines.slice(0, 1500)]), Buffer.from([0x45, 0x2c, 0xff, 0x0a]), lf(lines.slice(1500))])],
      // A truncated sequence cut by the end of a read chunk is reported at a byte that depends on where
      // the chunk ends: a range read again must end its chunks where the whole-file stream does.
      ['invalid UTF-8 across a read chunk', acrossChunk(lf([HEADER, ...body(600)]), 2 * 65536 - 2)],
      ['Shift_JIS', Buffer.from(Encoding.convert(Encoding.stringToCode([HEADER, ...lines, 'E11,女,〒100-0001,①㈱№髙﨑,1975-01-22,髙橋 﨑子,z@example.com'].join('\r\n') + '\r\n'), { to: 'SJIS', from: 'UNICODE' }))],
      ['tabs', Buffer.from([HEADER, ...lines].join('\n').replace(/,/g, '\t'))],
    ];
    for (const [name, bytes] of variants) {
      const reference = await expectSame(bytes, [97, 7000, 30_000], name === 'lf' || name === 'quote late');
      expect(reference.error === undefined, name).toBe(!name.startsWith('invalid'));
    }
  });

  it('carries the ragged-row warnings over with the lines of the file', async () => {
    const lines = body(400);
    const text = [HEADER, ...lines.slice(0, 1500), 'E12,short', ...lines.slice(1500), 'E13,a,b,c,d,e,f,g,h'].join('\n') + '\n';
    const reference = await expectSame(Buffer.from(text), [5000]);
    expect(reference.warnings).toEqual(['1 row has more cells than the header (first at line 2003)', '1 row has fewer cells than the header (first at line 1502)']);
  });

  it('equals one thread on random files and cuts', async () => {
    const cell = fc.array(fc.constantFrom('男', '女', '1', '123-4567', '1975-01-22', '山田 太郎', 'a@b.jp', ' ', '"', '\r', 'x', '　', ''), { maxLength: 3 }).map((a) => a.join(''));
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 300 }), async (rows, eol, size) => {
        // After 64 KiB of plain rows, so that the random ones fall in ranges.
        const plain = body(400).map((r) => r.split(',').slice(0, 5).join(','));
        await expectSame(Buffer.from(['a,b,c,d,e', ...plain, ...rows].join(eol) + eol), [size]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });
});

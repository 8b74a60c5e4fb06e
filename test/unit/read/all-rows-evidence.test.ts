// --all-rows over delimited text takes the fast path: cell spans (cell-batch.ts), the profiler's memo
// of repeated cells, and a helper thread for every other column. Whatever the input, the evidence must
// be exactly what reading every row through csv-parse and ColumnProfiler.add gives.
import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isTrimSpace } from '../../../src/read/cell-batch.js';
import { DEFAULT_LIMITS, type ByteSource } from '../../../src/read/types.js';
import { readEvidence, type EvidenceOptions } from '../../../src/scan.js';

/** A source whose stream arrives in pieces of `size` bytes (cut anywhere, even inside a character). */
function chunked(name: string, bytes: Buffer, size: number): ByteSource {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return { path: name, formatName: name, head: bytes.subarray(0, 65536), complete: bytes.length <= 65536, open: () => Readable.from(parts) };
}


async function evidence(source: () => ByteSource, options: Partial<EvidenceOptions>) {
  return readEvidence(source(), { sample: 0, allRows: false, limits: DEFAULT_LIMITS, ...options });
}

/** Every row through csv-parse and add() (a sample larger than the file) against the --all-rows path. */
async function expectSame(source: () => ByteSource, helper: boolean) {
  const reference = await evidence(source, { sample: 1e9 });
  const fast = await evidence(source, { allRows: true });
  expect(fast).toEqual(reference);
  if (helper) {
    // after: 1 starts the helper at the first batch, so small inputs take the threaded path.
    const threaded = await evidence(source, { allRows: true, columnThreads: { threads: 1, after: 1 } });
    expect(threaded).toEqual(reference);
  }
}

const ROWS = [
  'ID,性別,郵便番号,口座番号,生年月日,氏名,メール',
  'E1,男,123-4567,1234567,1975-01-22,山田 太郎,a@example.com',
  'E2,女,〒100-0001,7654321,1980/2/3,佐藤 花子,b@example.jp',
  'E3, 女 ,1000001,1111111,昭和50年1月1日,ヤマダ タロウ,c@example.org',
  'E4,1,,,,,',
  ',,,,,,',
  'E5,2,150-0002,2222222,1990-12-31,鈴木 一郎,d@example.net,余分',
  'E6,男',
  '',
  'E7,Ｍ,１２３-４５６７,3333333,H2/4/1,田中 次郎,e@example.com',
];

describe('--all-rows evidence', () => {
  it('equals csv-parse + add() on hand-picked files, with and without the helper thread', async () => {
    const body = ROWS.join('\n') + '\n';
    const variants: [string, Buffer][] = [
      ['lf.csv', Buffer.from(body)],
      ['crlf.csv', Buffer.from(body.replace(/\n/g, '\r\n'))],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])],
      ['no-final-newline.csv', Buffer.from(ROWS.join('\r\n'))],
      // Quotes from the middle on: the fast path hands the rest to csv-parse.
      ['quoted.csv', Buffer.from(body + 'E8,"女",123-4567,"1234\n567",1975-01-22,"山田, 太郎",x@example.com\n' + ROWS.slice(1).join('\n') + '\n')],
      ['quote-first.csv', Buffer.from('"ID",性別\n"E1",男\nE2,女\n')],
      ['unclosed.csv', Buffer.from(body + 'E9,"男\nE10,女\n')],
      ['bare-cr.csv', Buffer.from(body.replace(/\n/g, '\r'))],
      ['mixed-breaks.csv', Buffer.from(ROWS.slice(0, 4).join('\r\n') + '\n' + ROWS.slice(4).join('\r\n'))],
      ['sjis.csv', Buffer.from(Encoding.convert(Encoding.stringToCode(body.replace(/\n/g, '\r\n') + 'E11,女,〒100-0001,①㈱№髙﨑,1975-01-22,髙橋 﨑子,z@example.com\r\n'), { to: 'SJIS', from: 'UNICODE' }))],
      ['tab.tsv', Buffer.from(body.replace(/,/g, '\t'))],
    ];
    for (const [name, bytes] of variants) {
      for (const size of [7, 64, 65536]) await expectSame(() => chunked(name, bytes, size), size === 64);
    }
  });

  it('equals csv-parse + add() on random files cut into random chunks', async () => {
    const cell = fc.array(fc.constantFrom('男', '女', '1', '2', '123-4567', '1975-01-22', '山田 太郎', 'a@b.jp', ' ', '"', ',', '\n', '\r\n', '\r', 'x', '　', ''), { maxLength: 3 }).map((a) => a.join(''));
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 80 }), fc.boolean(), async (rows, eol, size, helper) => {
        const text = ['a,b,c,d,e', ...rows].join(eol);
        await expectSame(() => chunked('r.csv', Buffer.from(text), size), helper);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });

  it('counts exactly the characters String.prototype.trim removes as blank', () => {
    for (let c = 0; c <= 0xffff; c++) expect(isTrimSpace(c), c.toString(16)).toBe(String.fromCharCode(c).trim() === '');
  });
});

// The head's decoding is reused for the first chunk of the same buffer (decode.ts LastHead), and a
// whole UTF-8 head is validated with buffer.isUtf8: both must be invisible in what is decoded.
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkDecoder, decodeHead, detectEncoding } from '../../../src/read/decode.js';

/** Everything a decoder gives for these chunks, and where it fails. */
function run(chunks: Uint8Array[], encoding: ReturnType<typeof detectEncoding>): string[] {
  const decoder = new ChunkDecoder(encoding);
  const out: string[] = [];
  try {
    for (const chunk of chunks) out.push(decoder.write(chunk));
    out.push(decoder.end());
  } catch (error) {
    out.push(`error: ${(error as Error).message}`);
  }
  return out;
}

describe('decoding a head twice', () => {
  const cases: [string, Buffer, boolean][] = [
    ['utf-8 with a mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('氏名,住所\n山田,東京都\n')]), true],
    ['utf-8 cut inside a character', Buffer.from('氏名,住所\n山田,東京都').subarray(0, 20), false],
    ['shift_jis', Buffer.from([0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x41, 0x0a, 0x8e, 0x52]), true],
    ['utf-16le with a mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,氏名\n1,a\n', 'utf16le')]), true],
  ];
  for (const [name, head, complete] of cases) {
    it(`gives the same text and state as a fresh decoding: ${name}`, () => {
      const encoding = detectEncoding(head, complete);
      decodeHead(head, encoding, complete);
      const tail = Buffer.from('\n佐藤,大阪府\n');
      // The same buffer object (reused) and a copy of it (decoded afresh) must agree, then and after.
      expect(run([head, tail], encoding)).toEqual(run([Buffer.from(head), tail], encoding));
    });
  }

  it('is not reused for another encoding or a decoder already under way', () => {
    const head = Buffer.from([0x82, 0xa0, 0x0a]); // あ in Shift_JIS
    const sjis = detectEncoding(head, true, 'shift_jis');
    decodeHead(head, sjis, true);
    const eucjp = detectEncoding(Buffer.from('a\n'), true, 'euc-jp');
    expect(run([head], eucjp)).toEqual(run([Buffer.from(head)], eucjp));
    const decoder = new ChunkDecoder(sjis);
    expect(decoder.write(Buffer.from('x\n'))).toBe('x\n');
    expect(decoder.write(head)).toBe('あ\n');
  });
});

describe('isUtf8 as the validator of a whole head', () => {
  const fatal = (bytes: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  it('agrees with a fatal TextDecoder on edge cases and random bytes', () => {
    const edges = [
      [0xc0, 0x80], // overlong
      [0xed, 0xa0, 0x80], // surrogate
      [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
      [0xe3, 0x81], // truncated
      [0xef, 0xbb, 0xbf, 0x41], // a mark is text
      [0xf0, 0x9f, 0x98, 0x80],
    ].map((b) => Uint8Array.from(b));
    for (const bytes of edges) expect(isUtf8(bytes)).toBe(fatal(bytes));
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xe3, 0x81, 0x82, 0xed, 0xf0, 0xf4));
    fc.assert(fc.property(fc.array(byte, { maxLength: 24 }), (list) => isUtf8(Uint8Array.from(list)) === fatal(Uint8Array.from(list))), { numRuns: 3000 });
  });
});

import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ChunkDecoder, decodeAll, decodingStream, detectEncoding } from '../../../src/read/decode.js';
import { ReadError } from '../../../src/read/types.js';

// 氏名,㈱髙﨑①  in each encoding (bytes written out so the test does not depend on an encoder).
const TEXT = '氏名,㈱髙﨑①\r\n';
const SJIS = Buffer.from([0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x87, 0x8a, 0xfb, 0xfc, 0xfa, 0xb1, 0x87, 0x40, 0x0d, 0x0a]);
const EUC = Buffer.from('bbe1ccbe2c', 'hex'); // 氏名,

describe('detectEncoding', () => {
  it('detects UTF-8 with and without BOM', () => {
    expect(detectEncoding(Buffer.from(TEXT), true).name).toBe('utf-8');
    const bom = detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), true);
    expect(bom).toEqual({ name: 'utf-8-bom', label: 'utf-8', bomBytes: 3 });
  });

  it('detects UTF-16 with a BOM, and without one from the zero bytes', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(detectEncoding(le, true).name).toBe('utf-16le');
    const be = Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]).swap16());
    expect(detectEncoding(be, true).name).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('name,email\r\n', 'utf16le'), true).name).toBe('utf-16le');
  });

  it('detects Shift_JIS (CP932) and EUC-JP', () => {
    expect(detectEncoding(SJIS, true).name).toBe('shift_jis');
    expect(decodeAll(SJIS, detectEncoding(SJIS, true))).toBe(TEXT);
    expect(detectEncoding(EUC, true).name).toBe('euc-jp');
    expect(decodeAll(EUC, detectEncoding(EUC, true))).toBe('氏名,');
  });

  it('takes a forced encoding and its aliases', () => {
    expect(detectEncoding(Buffer.from('abc'), true, 'cp932').name).toBe('shift_jis');
    expect(detectEncoding(Buffer.from('abc'), true, 'EUCJP').name).toBe('euc-jp');
    expect(() => detectEncoding(Buffer.from('abc'), true, 'klingon')).toThrow(/unknown encoding "klingon"/);
  });

  it('refuses binary data', () => {
    expect(() => detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), true)).toThrow(new ReadError('binary data, not text'));
  });

  it('names the byte of invalid text in a forced encoding', () => {
    const bytes = Buffer.concat([Buffer.from('ab,'), Buffer.from([0xff, 0xfe, 0x41])]);
    expect(() => detectEncoding(bytes, true, 'utf-8')).toThrow('not valid utf-8 text at byte 3 (use --encoding to name the encoding, e.g. --encoding shift_jis)');
  });

  it('names the byte of broken Shift_JIS (a lead byte with an invalid trail byte)', () => {
    const bytes = Buffer.concat([SJIS.subarray(0, 5), Buffer.from([0x81, 0x7f])]);
    expect(() => detectEncoding(bytes, true, 'shift_jis')).toThrow(/^not valid shift_jis text at byte 5 /);
  });

  it('reports a character cut off by the end of the input', () => {
    expect(() => detectEncoding(Buffer.from([0x61, 0xe6, 0xb0]), true, 'utf-8')).toThrow('not valid utf-8 text at byte 1 (use --encoding to name the encoding, e.g. --encoding shift_jis)');
  });
});

describe('ChunkDecoder', () => {
  it('decodes characters split across chunks, one byte at a time', () => {
    for (const [bytes, label] of [[SJIS, 'shift_jis'], [Buffer.from(TEXT), 'utf-8'], [Buffer.from(TEXT, 'utf16le'), 'utf-16le']] as const) {
      const decoder = new ChunkDecoder({ name: label, label, bomBytes: 0 });
      let text = '';
      for (const byte of bytes) text += decoder.write(Uint8Array.of(byte));
      expect(text + decoder.end()).toBe(TEXT);
    }
  });

  it('strips the BOM once, even split across chunks, and keeps a later U+FEFF', () => {
    const decoder = new ChunkDecoder({ name: 'utf-8-bom', label: 'utf-8', bomBytes: 3 });
    const text = decoder.write(Uint8Array.of(0xef)) + decoder.write(Uint8Array.of(0xbb, 0xbf, 0x61, 0xef, 0xbb, 0xbf)) + decoder.end();
    expect(text).toBe('a\uFEFF');
  });

  it('reports the file offset of an invalid byte in a later chunk', () => {
    const decoder = new ChunkDecoder({ name: 'utf-8', label: 'utf-8', bomBytes: 0 });
    decoder.write(Buffer.from('0123456789\n'));
    expect(() => decoder.write(Buffer.from([0x61, 0x62, 0xc3, 0x28]))).toThrow(/^not valid utf-8 text at byte 13 /);
  });

  it('decodes valid UTF-8 pieces in streaming mode to the same text and errors as one-shot decoding', () => {
    // Bytes that make valid, truncated, overlong, surrogate and stray sequences in any order, cut
    // anywhere: valid pieces take the streaming decoder, invalid ones the one-shot path (decodePiece).
    const alphabet = [0x61, 0x0a, 0xe3, 0x81, 0x82, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xbf, 0xc0, 0xe0, 0xf4, 0x90, 0xf5, 0xff, 0xef, 0xbb];
    const outcome = (bytes: Uint8Array, cuts: number[], oneShot: boolean): string[] => {
      const decoder = new ChunkDecoder({ name: 'utf-8', label: 'utf-8', bomBytes: 0 }, { oneShot });
      const out: string[] = [];
      try {
        let at = 0;
        for (const cut of [...cuts, bytes.length]) {
          out.push(decoder.write(bytes.subarray(at, Math.max(at, cut))));
          at = Math.max(at, cut);
        }
        out.push(decoder.end());
      } catch (error) {
        out.push(`error: ${(error as Error).message}`);
      }
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 8 }), (list, cuts) => {
        const bytes = Uint8Array.from(list);
        const sorted = [...cuts].sort((a, b) => a - b);
        expect(outcome(bytes, sorted, false)).toEqual(outcome(bytes, sorted, true));
      }),
      { numRuns: 5000 },
    );
  });

  it('works as a stream stage', async () => {
    const chunks: string[] = [];
    const stream = Readable.from([SJIS.subarray(0, 2), SJIS.subarray(2)]).pipe(decodingStream({ name: 'shift_jis', label: 'shift_jis', bomBytes: 0 }));
    for await (const chunk of stream) chunks.push(chunk.toString());
    expect(chunks.join('')).toBe(TEXT);
  });
});

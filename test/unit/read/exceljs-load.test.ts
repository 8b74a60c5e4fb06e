// exceljs's stream helpers as kojin fixes them (src/read/exceljs-load.ts): XML text decoded across
// chunk boundaries (a character whose UTF-8 bytes straddle two chunks comes back whole), and a
// stream iterated to its last buffered item even when its end is announced early.
import { SaxesParser } from 'saxes';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chunkSafeParseSax, iterateUntilDrained } from '../../../src/read/exceljs-load.js';

describe('chunkSafeParseSax', () => {
  it('gives the same text wherever the chunks split a character', async () => {
    const text = '東京都𠮷野家 髙橋 﨑子';
    const bytes = Buffer.from(`<r><t>${text}</t></r>`);
    const parse = chunkSafeParseSax(SaxesParser as never);
    for (let cut = 1; cut < bytes.length; cut++) {
      const texts: string[] = [];
      for await (const events of parse(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]))) {
        for (const e of events) if (e.eventType === 'text') texts.push(e.value as string);
      }
      expect(texts.join(''), `cut at byte ${cut}`).toBe(text);
    }
  });
});

describe('iterateUntilDrained', () => {
  it('reads what a stream still buffers when it emits end early, as unzipper’s Parse does', async () => {
    const stream = new Readable({ objectMode: true, read() {} });
    stream.push('a');
    const got: unknown[] = [];
    const iterator = iterateUntilDrained(stream);
    got.push((await iterator.next()).value);
    // Paused while the consumer holds 'a', two more parts come into the stream's buffer; the parser
    // reaches the end of the archive and says so before anyone has read them.
    stream.push('b');
    stream.push('c');
    expect(stream.readableLength).toBe(2);
    stream.emit('end');
    stream.push(null);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) got.push(next.value);
    expect(got).toEqual(['a', 'b', 'c']);
  });

  it('ends with the stream and passes its error on', async () => {
    const plain = Readable.from(['x', 'y'], { objectMode: true });
    const got: unknown[] = [];
    for await (const item of iterateUntilDrained(plain)) got.push(item);
    expect(got).toEqual(['x', 'y']);
    const failing = new Readable({ objectMode: true, read() {} });
    failing.push('x');
    const iterator = iterateUntilDrained(failing);
    expect((await iterator.next()).value).toBe('x');
    failing.destroy(new Error('broken'));
    await expect(iterator.next()).rejects.toThrow('broken');
  });
});

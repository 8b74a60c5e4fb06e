import { describe, expect, it } from 'vitest';
import { readWholeText } from '../../../src/read/whole-text.js';
import { DEFAULT_LIMITS, type ReadOptions } from '../../../src/read/types.js';

const opts = (encoding?: string): ReadOptions => ({ encoding, sampleRows: 0, allRows: false, limits: DEFAULT_LIMITS });
const readAllText = (source: Parameters<typeof readWholeText>[0], o: { encoding?: string }) => readWholeText(source, opts(o.encoding), 1024 * 1024, 'text');
import { memory } from './helpers.js';

describe('readWholeText', () => {
  it('detects the encoding as the CSV reader does', async () => {
    expect(await readAllText(memory('a.txt', Buffer.from('bbe1ccbe0a', 'hex')), {})).toEqual({ text: '氏名\n', encoding: 'euc-jp' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('氏名')]);
    expect(await readAllText(memory('a.txt', bom), {})).toEqual({ text: '氏名', encoding: 'utf-8-bom' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('氏名', 'utf16le')]);
    expect(await readAllText(memory('a.txt', utf16), {})).toEqual({ text: '氏名', encoding: 'utf-16le' });
  });

  it('honours a forced encoding and reports invalid bytes by offset', async () => {
    await expect(readAllText(memory('a.txt', Buffer.from([0x41, 0x0a, 0xff])), { encoding: 'utf-8' })).rejects.toThrow(/^not valid utf-8 text at byte 2 /);
  });

  it('reads a source whose head is not the whole input', async () => {
    const source = { ...memory('a.txt', 'abc\n'.repeat(10)), head: Buffer.from('abc\n'), complete: false };
    expect((await readAllText(source, {})).text).toBe('abc\n'.repeat(10));
  });
});

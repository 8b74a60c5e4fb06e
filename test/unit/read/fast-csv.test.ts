// The --all-rows splitter must give exactly csv-parse's records (cells, start lines, errors, the
// unclosed-quote line) for every input: on text it accepts by splitting, elsewhere by handing over.
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvReader } from '../../../src/read/csv.js';
import { detectEncoding } from '../../../src/read/decode.js';
import { openFastRecords } from '../../../src/read/fast-csv.js';
import { openRecords, type RecordStream } from '../../../src/read/records.js';
import { DEFAULT_LIMITS, type ByteSource, type Limits } from '../../../src/read/types.js';
import { memory, options, readAll } from './helpers.js';

/** A source whose stream arrives in the given pieces (chunk boundaries anywhere, even inside a character). */
function pieces(bytes: Buffer, cuts: number[]): ByteSource {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  parts.push(bytes.subarray(from));
  return { path: 'x.csv', formatName: 'x.csv', head: bytes.subarray(0, 65536), complete: true, open: () => Readable.from(parts.filter((p) => p.length > 0)) };
}

async function drain(stream: RecordStream) {
  const records: { cells: string[]; line: number }[] = [];
  let error: string | undefined;
  try {
    for (;;) {
      const r = await stream.next();
      if (!r) break;
      records.push(r);
    }
  } catch (e) {
    error = (e as Error).message;
  }
  return { records, error, unclosed: stream.unclosedQuoteLine };
}

const limitsOf = (extra: Partial<Limits> = {}) => ({ ...DEFAULT_LIMITS, ...extra });

async function both(text: string, cuts: number[], dialect = { delimiter: ',', quote: '"' }, limits = limitsOf()) {
  const bytes = Buffer.from(text);
  const encoding = detectEncoding(bytes.subarray(0, 65536), true, 'utf-8');
  const slow = await drain(openRecords(pieces(bytes, cuts), encoding, dialect, limits));
  const fast = await drain(openFastRecords(pieces(bytes, cuts), encoding, dialect, limits));
  return { slow, fast };
}

describe('fast CSV splitter', () => {
  it('matches csv-parse on hand-picked inputs', async () => {
    const cases = [
      'a,b\nc,d\n',
      'a,b\r\nc,d\r\n\r\ne,f',
      'a,b\n\n\nc\n',
      'a,b\nc\r,d\ne,f\n',
      'a,b\r\nc\n,d\r\ne,f',
      'a\rb\rc',
      'a,"b,c"\nd,e\n',
      'x,y\n1,2\n3,"4\n5"\n6,7\n',
      'x,y\n1,"open\n2,3\n',
      '\n',
      'only',
      '氏名,住所\n山田,東京都\n',
      'a,b,c,d,e,f,g\n1,2\n',
    ];
    for (const text of cases) {
      for (const cuts of [[], [1], [3, 7], [2, 4, 6, 8, 10, 12]]) {
        const { slow, fast } = await both(text, cuts);
        expect(fast, JSON.stringify({ text, cuts })).toEqual(slow);
      }
    }
  });

  it('matches csv-parse on the column and line limits', async () => {
    const wide = 'a,b\n1,2,3,4,5,6\n';
    const { slow, fast } = await both(wide, [], undefined, limitsOf({ maxColumns: 4 }));
    expect(slow.error).toMatch(/more than the limit/);
    expect(fast).toEqual(slow);
    const long = `a,b\n${'x'.repeat(50)},y\n`;
    const r = await both(long, [5], undefined, limitsOf({ maxLineBytes: 20 }));
    expect(r.slow.error).toMatch(/longer than the limit/);
    expect(r.fast).toEqual(r.slow);
  });

  it('matches csv-parse on random text cut into random chunks', async () => {
    const alphabet = fc.constantFrom('a', 'b', '1', ',', ',', '\n', '\n', '\r', '"', "'", ' ', 'あ', '\t');
    await fc.assert(
      fc.asyncProperty(
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        fc.array(fc.nat(200), { maxLength: 6 }),
        fc.constantFrom(',', '\t'),
        fc.constantFrom('"', "'"),
        async (text, cuts, delimiter, quote) => {
          if (text === '') return; // refused before any reader runs
          const { slow, fast } = await both(text, cuts, { delimiter, quote });
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('gives the same table through the reader with --all-rows as sampled reading does', async () => {
    const text = '社員番号,氏名\r\nE1,山田\r\nE2,"佐藤, 花子"\r\n\r\nE3,鈴木,余分\r\n';
    const all = await readAll(csvReader, memory('t.csv', text), options({ allRows: true }));
    const sampled = await readAll(csvReader, memory('t.csv', text), options({ sampleRows: 100 }));
    expect(all).toEqual(sampled);
  });
});

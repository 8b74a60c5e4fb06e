// Whole-file text for formats that must be parsed in one piece (DDL, JSON), with a size cap named
// in the message so the user knows why a file was refused. Encoding: detected from the head
// (decode.ts) unless forced with --encoding.
import { ChunkDecoder, detectEncoding } from './decode.js';
import { ReadError, type ByteSource, type ReadOptions } from './types.js';

export async function readWholeText(
  source: ByteSource,
  options: ReadOptions,
  maxBytes: number,
  what: string,
): Promise<{ text: string; encoding: string }> {
  if (source.head.length === 0) throw new ReadError('empty file');
  const encoding = detectEncoding(source.head, source.complete, options.encoding);
  const decoder = new ChunkDecoder(encoding);
  const parts: string[] = [];
  let size = 0;
  const stream = source.open();
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        throw new ReadError(`larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; too large to read as a whole ${what}`);
      }
      parts.push(decoder.write(chunk as Buffer));
    }
  } finally {
    stream.destroy();
  }
  parts.push(decoder.end());
  return { text: parts.join(''), encoding: encoding.name };
}

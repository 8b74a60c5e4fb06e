// Whole-file text for small, line-oriented formats (field lists, Markdown tables, DDL). Capped so a
// huge file under a .txt name cannot fill memory. The encoding is detected as for CSV (decode.ts).
import { decodeAll, detectEncoding } from './decode.js';
import { ReadError, type ByteSource, type ReadOptions } from './types.js';

export const MAX_TEXT_BYTES = 32 * 1024 * 1024;

export async function readAllText(source: ByteSource, options: Pick<ReadOptions, 'encoding'>): Promise<{ text: string; encoding: string }> {
  // Detect first: an empty, binary or mis-encoded head is refused before the whole file is read.
  const encoding = detectEncoding(source.head, source.complete, options.encoding);
  const bytes = source.complete ? source.head : await readCapped(source);
  return { text: decodeAll(bytes, encoding), encoding: encoding.name };
}

async function readCapped(source: ByteSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = source.open();
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > MAX_TEXT_BYTES) throw new ReadError(`larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB; too large for a text layout`);
      chunks.push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

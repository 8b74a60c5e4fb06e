// Opening inputs: a path (gunzipped on the fly when it ends in .gz) or standard input.
import { closeSync, constants as fsConstants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { ReadError, type ByteSource } from './types.js';

export const HEAD_BYTES = 64 * 1024;

const isGzipName = (path: string) => /\.gz$/i.test(path);

/** Opens a file for reading. Throws ReadError with a one-line reason for what cannot be read. */
export async function openFile(path: string): Promise<ByteSource> {
  // One open, then fstat on the handle: a path lookup less per file than stat + open. O_NONBLOCK
  // keeps a FIFO from blocking the open; it is refused as soon as fstat says what it is. The calls
  // are synchronous: a scan reads one file at a time per thread, and four thread-pool round trips
  // per file were a large share of the cost of a small file.
  let fd: number | undefined;
  let stat;
  let raw: Buffer;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ReadError('is a directory');
    if (!stat.isFile()) throw new ReadError('is not a regular file (a FIFO, socket or device); not read');
    const buffer = Buffer.allocUnsafe(Math.min(HEAD_BYTES, Math.max(stat.size, 1)));
    const bytesRead = readHead(fd, buffer);
    raw = buffer.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(describeFsError(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const gz = isGzipName(path);
  const head = gz ? gunzipHead(raw) : raw;
  return {
    path,
    formatName: gz ? path.replace(/\.gz$/i, '') : path,
    head,
    complete: !gz && raw.length >= stat.size,
    open: () => {
      // A small file is already whole in memory: no second open/read/close.
      if (!gz && raw.length >= stat.size) return Readable.from([head]);
      const stream = createReadStream(path);
      return gz ? stream.pipe(createGunzip()) : stream;
    },
    ...(gz ? {} : { size: stat.size }),
  };
}

/** Fills `buffer` from the start of the file, or up to its end: one read() may return less. */
function readHead(fd: number, buffer: Buffer): number {
  let total = 0;
  while (total < buffer.length) {
    const n = readSync(fd, buffer, total, buffer.length - total, total);
    if (n === 0) break;
    total += n;
  }
  return total;
}

/** Wraps bytes already in memory (standard input) as a source. */
export function bufferSource(path: string, formatName: string, bytes: Buffer): ByteSource {
  const data = isGzipName(formatName) ? safeGunzip(bytes) : bytes;
  return {
    path,
    formatName: formatName.replace(/\.gz$/i, ''),
    head: data.subarray(0, HEAD_BYTES),
    complete: true,
    open: () => Readable.from([data]),
  };
}

/** Most bytes read from standard input, which is held in memory whole. */
export const MAX_STDIN_BYTES = 256 * 1024 * 1024;

/**
 * Reads standard input (`-`) as a source in the given format (`--stdin-format csv`, or a file name
 * such as `export.csv.gz`). Standard input cannot be re-read, so it is buffered, up to a cap.
 */
export async function readStdin(formatName: string, input: NodeJS.ReadableStream = process.stdin): Promise<ByteSource> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAX_STDIN_BYTES) {
      (input as Readable).destroy?.();
      throw new ReadError(`standard input is larger than ${MAX_STDIN_BYTES / 1024 / 1024} MiB; save it to a file and scan the file`);
    }
    chunks.push(bytes);
  }
  const format = formatName.replace(/^\./, '');
  const name = `stdin.${format}`;
  return bufferSource('-', name, Buffer.concat(chunks));
}


/** Decompresses the start of a gzip stream; a truncated head is expected and fine. */
function gunzipHead(raw: Buffer): Buffer {
  if (raw.length < 2 || raw[0] !== 0x1f || raw[1] !== 0x8b) throw new ReadError('named .gz but is not gzip data');
  try {
    return gunzipSync(raw, { finishFlush: 2 /* Z_SYNC_FLUSH: accept a cut-off stream */ }).subarray(0, HEAD_BYTES);
  } catch {
    throw new ReadError('corrupt gzip data');
  }
}

function safeGunzip(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes);
  } catch {
    throw new ReadError('corrupt gzip data');
  }
}

/** Turns a Node fs error into the short reason a user needs. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop)';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return `cannot be read (${code ?? 'unknown error'})`;
  }
}

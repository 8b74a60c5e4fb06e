// Text encodings of Japanese exports: UTF-8 (with or without BOM), Shift_JIS/CP932 from Excel and
// mainframe extracts, EUC-JP from older Unix systems, UTF-16 from Excel's "Unicode text".
// Detection reads the head only; decoding streams with Node's TextDecoder (WHATWG shift_jis is
// CP932, so NEC/IBM extension characters such as ①, ㈱, 髙, 﨑 decode right). encoding-japanese is
// used for detection only: its converter is ~100x slower (see /work/shared/toolchain.md).
import { createRequire } from 'node:module';
import type EncodingJapanese from 'encoding-japanese';

// Loaded only for bytes that are not UTF-8 or UTF-16: most files never need the detector.
const encodingJapanese = () => createRequire(import.meta.url)('encoding-japanese') as typeof EncodingJapanese;
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { ReadError } from './types.js';

/** The name reported as ParsedSource.encoding. */
export type EncodingName = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'euc-jp' | 'iso-2022-jp' | 'utf-16le' | 'utf-16be' | (string & {});

export interface TextEncoding {
  /** Reported name: utf-8-bom when the file starts with a UTF-8 byte-order mark. */
  name: EncodingName;
  /** TextDecoder label. */
  label: string;
  /** Bytes of byte-order mark at the start of the input, skipped before decoding. */
  bomBytes: number;
}

const BOMS: readonly { bytes: readonly number[]; name: EncodingName; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], name: 'utf-8-bom', label: 'utf-8' },
  { bytes: [0xff, 0xfe], name: 'utf-16le', label: 'utf-16le' },
  { bytes: [0xfe, 0xff], name: 'utf-16be', label: 'utf-16be' },
];

/** What people type for --encoding, mapped to WHATWG labels. */
const ALIASES: Readonly<Record<string, string>> = {
  sjis: 'shift_jis', 'shift-jis': 'shift_jis', shiftjis: 'shift_jis', cp932: 'shift_jis', ms932: 'shift_jis',
  'windows-31j': 'shift_jis', 'windows-932': 'shift_jis', eucjp: 'euc-jp', euc_jp: 'euc-jp', utf8: 'utf-8',
  'utf-8-bom': 'utf-8', utf8bom: 'utf-8', 'utf-8-sig': 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be',
  utf16: 'utf-16le', 'utf-16': 'utf-16le', jis: 'iso-2022-jp',
};

const hint = (name: string) => `(use --encoding to name the encoding, e.g. --encoding ${name === 'shift_jis' ? 'euc-jp' : 'shift_jis'})`;

/**
 * Decides the encoding of an input from its first bytes, or from `forced` (--encoding). Throws a
 * ReadError when the head is binary or not valid text in the encoding chosen.
 * @param complete the head holds the whole input, so a character cut at its end is an error.
 */
export function detectEncoding(head: Uint8Array, complete: boolean, forced?: string): TextEncoding {
  assertNotEmpty(head);
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => head[i] === byte));
  const encoding = forced ? forcedEncoding(forced, bom) : bom ? { name: bom.name, label: bom.label, bomBytes: bom.bytes.length } : guess(head, complete);
  if (!encoding.label.startsWith('utf-16')) assertNotBinary(head);
  // A guessed UTF-8 head has just been decoded whole by guess(): decoding it again proves nothing.
  if (encoding !== GUESSED_UTF8) validate(head.subarray(encoding.bomBytes), encoding, complete, encoding.bomBytes);
  return encoding;
}

/** What guess() returns for a head it decoded as UTF-8 (so detectEncoding knows it is valid). */
const GUESSED_UTF8: TextEncoding = Object.freeze({ name: 'utf-8', label: 'utf-8', bomBytes: 0 });

/**
 * An empty input, or one holding nothing but a byte-order mark. The head is read up to 64 KiB, so a
 * head as short as a mark is the whole input.
 */
export function assertNotEmpty(head: Uint8Array): void {
  if (head.length === 0) throw new ReadError('empty file');
  if (BOMS.some((b) => head.length === b.bytes.length && b.bytes.every((byte, i) => head[i] === byte))) {
    throw new ReadError('empty file (only a byte-order mark)');
  }
}

function forcedEncoding(forced: string, bom: (typeof BOMS)[number] | undefined): TextEncoding {
  const wanted = forced.trim().toLowerCase();
  const alias = ALIASES[wanted] ?? wanted;
  let label: string;
  try {
    label = new TextDecoder(alias).encoding;
  } catch {
    throw new ReadError(`unknown encoding "${forced}" (try utf-8, shift_jis, euc-jp, utf-16le, utf-16be)`);
  }
  // A byte-order mark of the forced encoding is still a mark, not text.
  const bomBytes = bom && bom.label === label ? bom.bytes.length : 0;
  const name = label === 'utf-8' && bomBytes > 0 ? 'utf-8-bom' : label;
  return { name, label, bomBytes };
}

/** No byte-order mark: UTF-8 when the head is valid UTF-8, else what encoding-japanese detects. */
function guess(head: Uint8Array, complete: boolean): TextEncoding {
  if (utf16WithoutBom(head)) return utf16WithoutBom(head)!;
  if (decodes(head, 'utf-8', complete)) {
    // 7-bit ISO-2022-JP is valid UTF-8 byte-wise; its escape sequences give it away.
    if (hasJisEscape(head)) return { name: 'iso-2022-jp', label: 'iso-2022-jp', bomBytes: 0 };
    return GUESSED_UTF8;
  }
  const detected = encodingJapanese().detect(head);
  if (detected === 'EUCJP') return { name: 'euc-jp', label: 'euc-jp', bomBytes: 0 };
  if (detected === 'SJIS') return { name: 'shift_jis', label: 'shift_jis', bomBytes: 0 };
  // Undecided (a few stray high bytes): take whichever Japanese encoding decodes the head cleanly.
  if (!decodes(head, 'shift_jis', complete) && decodes(head, 'euc-jp', complete)) return { name: 'euc-jp', label: 'euc-jp', bomBytes: 0 };
  return { name: 'shift_jis', label: 'shift_jis', bomBytes: 0 };
}

function hasJisEscape(head: Uint8Array): boolean {
  for (let i = 0; i + 2 < head.length; i++) {
    if (head[i] === 0x1b && head[i + 1] === 0x24 && (head[i + 2] === 0x42 || head[i + 2] === 0x40)) return true;
  }
  return false;
}

/** UTF-16 without a byte-order mark: text in the Latin/ASCII range has a zero in every other byte. */
function utf16WithoutBom(head: Uint8Array): TextEncoding | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // And the code units with a zero high byte must be text (no control codes such as zip's PK\x03\x04).
  const textual = (le: boolean) => {
    for (let i = 0; i < n; i += 2) {
      const [low, high] = le ? [head[i], head[i + 1]] : [head[i + 1], head[i]];
      if (high === 0 && low < 0x20 && low !== 0x09 && low !== 0x0a && low !== 0x0d) return false;
    }
    return true;
  };
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05 && textual(true)) return { name: 'utf-16le', label: 'utf-16le', bomBytes: 0 };
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05 && textual(false)) return { name: 'utf-16be', label: 'utf-16be', bomBytes: 0 };
  return undefined;
}

/**
 * NUL bytes or many control bytes in the head mean a binary file under a text name (an xlsx
 * renamed .csv, an image). Tab, CR, LF, FF and ESC (ISO-2022-JP) are text.
 */
function assertNotBinary(head: Uint8Array): void {
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i];
    if (byte === 0) throw new ReadError('binary data, not text');
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  }
  if (head.length > 0 && control / head.length > 0.05) throw new ReadError('binary data, not text');
}

function decodes(bytes: Uint8Array, label: string, complete: boolean): boolean {
  // Whole UTF-8 input: the same verdict as a fatal TextDecoder (both follow the UTF-8 definition:
  // no overlong forms, surrogates or truncated sequences), ~30× faster, and no string is made.
  if (complete && label === 'utf-8') return isUtf8(bytes);
  try {
    new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** Throws the positioned ReadError when `bytes` (starting at file offset `base`) are not valid text. */
function validate(bytes: Uint8Array, encoding: TextEncoding, complete: boolean, base: number): void {
  if (decodes(bytes, encoding.label, complete)) return;
  throw invalidAt(encoding, base + firstInvalidByte(bytes, encoding.label, complete));
}

/**
 * The offset of the first invalid byte: the shortest prefix that fails to decode. Prefixes are
 * decoded in streaming mode, so an incomplete character at the cut is not an error; failing is
 * monotonic (every longer prefix fails too), hence the binary search.
 */
function firstInvalidByte(bytes: Uint8Array, label: string, complete: boolean): number {
  const streaming = (prefix: Uint8Array) => decodes(prefix, label, false);
  // Everything decodes but the end: a character cut off by the end of the input.
  if (streaming(bytes)) return complete ? lastCharStart(bytes, label) : bytes.length;
  let lo = 0; // bytes[0..lo) decodes
  let hi = bytes.length; // bytes[0..hi) fails
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (streaming(bytes.subarray(0, mid))) lo = mid;
    else hi = mid;
  }
  // Report where the bad sequence starts: the last complete-character boundary before the failure.
  let start = hi - 1;
  for (let k = start; k >= Math.max(0, hi - 4); k--) {
    if (decodes(bytes.subarray(0, k), label, true)) {
      start = k;
      break;
    }
  }
  return start;
}

/** Where the trailing incomplete character starts. */
function lastCharStart(bytes: Uint8Array, label: string): number {
  if (label === 'utf-8') {
    for (let back = 1; back <= 4 && back <= bytes.length; back++) {
      if ((bytes[bytes.length - back] & 0xc0) !== 0x80) return bytes.length - back;
    }
  }
  return Math.max(0, bytes.length - 1);
}

const invalidAt = (encoding: TextEncoding, offset: number) =>
  new ReadError(`not valid ${encoding.name} text at byte ${offset} ${hint(encoding.label)}`);

interface DecoderState {
  consumed: number;
  carry: Uint8Array;
  bomLeft: number;
}

/**
 * Decodes chunks of one input in order, keeping the byte offset so an invalid byte beyond the head
 * is reported where it is. Pieces are cut at character boundaries that each encoding makes easy to
 * find, so every piece decodes on its own (and a failure can be located within it).
 */
export class ChunkDecoder {
  private carry: Uint8Array = new Uint8Array(0);
  /** File offset of the first byte in `carry`. */
  private offset = 0;
  private bomLeft: number;
  private readonly decoder: TextDecoder;
  private readonly utf8: boolean;

  /**
   * @param options.offset the file offset of the first byte written (a byte range of a file), so that
   *   an invalid byte is reported where it is in the file.
   * @param options.oneShot decode every piece in one-shot mode (what the tests compare the streaming mode with).
   */
  constructor(
    private readonly encoding: TextEncoding,
    options: { offset?: number; oneShot?: boolean } = {},
  ) {
    this.decoder = new TextDecoder(encoding.label, { fatal: true, ignoreBOM: true });
    this.utf8 = encoding.label === 'utf-8' && !options.oneShot;
    this.offset = options.offset ?? 0;
    this.bomLeft = encoding.bomBytes;
  }

  write(chunk: Uint8Array): string {
    // The head of a small file is decoded to sniff its dialect, then read again as its first chunk.
    const again = this.offset === 0 && this.carry.length === 0 && this.bomLeft === this.encoding.bomBytes ? lastHead.reuse(chunk, this.encoding) : undefined;
    if (again) {
      this.bomLeft = again.bomLeft;
      this.offset = again.consumed;
      this.carry = again.carry; // never modified in place: write() and end() replace it
      return again.text;
    }
    if (this.bomLeft > 0) {
      const skip = Math.min(this.bomLeft, chunk.length);
      chunk = chunk.subarray(skip);
      this.bomLeft -= skip;
      this.offset += skip;
    }
    const bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const cut = boundary(bytes, this.encoding.label);
    this.carry = bytes.slice(cut);
    const text = this.decodePiece(bytes.subarray(0, cut));
    this.offset += cut;
    return text;
  }

  /** Bytes consumed so far (the mark included), those carried to the next write, mark bytes still to skip. */
  state(): DecoderState {
    return { consumed: this.offset, carry: this.carry, bomLeft: this.bomLeft };
  }

  end(): string {
    const text = this.decodePiece(this.carry, true);
    this.offset += this.carry.length;
    this.carry = new Uint8Array(0);
    return text;
  }

  private decodePiece(bytes: Uint8Array, last = false): string {
    if (bytes.length === 0) return '';
    try {
      // Valid UTF-8 pieces are decoded in streaming mode: Node 20's one-shot UTF-8 path (simdutf,
      // then V8) measured ~2× slower here than the streaming converter (~0.75 s against ~0.4 s over
      // the 102 MiB bench CSV). Each piece ends on a character boundary, so a valid one leaves
      // nothing pending and the text is the same; a piece that is not valid takes the one-shot path,
      // which throws as before (streaming would hold a truncated sequence and fail a piece later).
      if (this.utf8 && !last && isUtf8(bytes)) return this.decoder.decode(bytes, STREAM);
      return this.decoder.decode(bytes);
    } catch {
      throw invalidAt(this.encoding, this.offset + firstInvalidByte(bytes, this.encoding.label, last));
    }
  }
}

const STREAM = { stream: true } as const;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The length of the longest prefix of `bytes` that ends on a character boundary. A huge run with
 * no boundary (no ASCII at all in Shift_JIS/EUC-JP) is carried over until one comes.
 */
function boundary(bytes: Uint8Array, label: string): number {
  const n = bytes.length;
  switch (label) {
    case 'utf-8': {
      // Back off over continuation bytes to the lead byte of the last character, then keep it
      // only if it is complete.
      let i = n - 1;
      while (i >= 0 && n - i <= 4 && (bytes[i] & 0xc0) === 0x80) i--;
      if (i < 0) return 0;
      const lead = bytes[i];
      const need = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      return n - i >= need ? n : i;
    }
    case 'utf-16le':
    case 'utf-16be': {
      let cut = n & ~1;
      if (cut >= 2) {
        const unit = label === 'utf-16le' ? bytes[cut - 2] | (bytes[cut - 1] << 8) : (bytes[cut - 2] << 8) | bytes[cut - 1];
        if (unit >= 0xd800 && unit <= 0xdbff) cut -= 2; // a high surrogate waits for its pair
      }
      return cut;
    }
    case 'shift_jis': {
      // Bytes below 0x40 are neither lead nor trail bytes: a boundary follows each.
      for (let i = n - 1; i >= 0; i--) if (bytes[i] < 0x40) return i + 1;
      return 0;
    }
    case 'euc-jp': {
      for (let i = n - 1; i >= 0; i--) if (bytes[i] < 0x80) return i + 1;
      return 0;
    }
    default: {
      // Stateful or unknown encodings: cut after the last line feed (ASCII-compatible ones).
      const lf = bytes.lastIndexOf(0x0a);
      return lf >= 0 ? lf + 1 : 0;
    }
  }
}

/** A stream stage from bytes to UTF-8 text for parsers that read buffers (csv-parse). */
export function decodingStream(encoding: TextEncoding): Transform {
  const decoder = new ChunkDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        callback(null, decoder.write(chunk));
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        callback(null, decoder.end());
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

/** Decodes a whole input held in memory. */
export function decodeAll(bytes: Uint8Array, encoding: TextEncoding): string {
  const decoder = new ChunkDecoder(encoding);
  return decoder.write(bytes) + decoder.end();
}

/** The text of a head already validated by detectEncoding; a character cut at its end is dropped. */
export function decodeHead(head: Uint8Array, encoding: TextEncoding, complete: boolean): string {
  const decoder = new ChunkDecoder(encoding);
  const text = decoder.write(head);
  lastHead.remember(head, encoding, decoder.state(), text);
  return complete ? text + decoder.end() : text;
}

/**
 * What a fresh ChunkDecoder made of the last head decodeHead() saw. Readers sniff a file's head and
 * then read the file, whose first chunk is (for a file that fits in the head) the very same buffer:
 * the second decoding of ~4 KB cost ~20 µs of a small file's ~600. Matched by identity of the buffer
 * (a head is never modified) and the encoding; one entry, so nothing accumulates.
 */
class LastHead {
  private bytes: Uint8Array | undefined;
  private encoding: TextEncoding | undefined;
  private result: (DecoderState & { text: string }) | undefined;

  remember(bytes: Uint8Array, encoding: TextEncoding, state: DecoderState, text: string): void {
    this.bytes = bytes;
    this.encoding = encoding;
    this.result = { ...state, text };
  }

  reuse(bytes: Uint8Array, encoding: TextEncoding): (DecoderState & { text: string }) | undefined {
    if (bytes !== this.bytes || !this.encoding || !this.result) return undefined;
    const e = this.encoding;
    if (e.label !== encoding.label || e.bomBytes !== encoding.bomBytes || e.name !== encoding.name) return undefined;
    return this.result;
  }
}

const lastHead = new LastHead();

// Normalisation of header text: one function used for headers and for dictionary surfaces alike,
// so width, case and separator variants meet in the same key without being typed into entries.

export type ChunkKind = 'word' | 'ja' | 'num';

/** A run of the normalised header: an ASCII word, a run of Japanese (non-ASCII) text, or digits. */
export interface Chunk {
  text: string;
  kind: ChunkKind;
}

export interface Normalized {
  /** NFKC, lower case, hiragana as katakana, separators removed: the matching key. */
  key: string;
  chunks: Chunk[];
  /** For each char of key, the index of its chunk. */
  chunkOf: number[];
  /** Human-readable record of what normalisation did, for `kojin explain` (normalizeExplained only). */
  steps: { step: string; result: string }[];
}

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** Hiragana to katakana, so ふりがな and フリガナ meet. */
const HAS_HIRAGANA = /[\u3041-\u3096]/;

export function toKatakana(text: string): string {
  if (!HAS_HIRAGANA.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code >= HIRAGANA_START && code <= HIRAGANA_END ? String.fromCodePoint(code + KATAKANA_OFFSET) : ch;
  }
  return out;
}

/** Characters that only separate words (all in the BMP, so compared as UTF-16 code units). */
const SEPARATOR_CHARS = " \t\n\r\f\v_-.:/\\|,;'\"`~!?@#$%^&*+=<>\u3000・･、。，．「」『』【】〔〕［］｛｝〈〉《》()（）[]{}※＊\u00a0";

const A = 0x41, Z = 0x5a, a = 0x61, z = 0x7a, ZERO = 0x30, NINE = 0x39;
const isUpper = (c: number) => c >= A && c <= Z;
const isLower = (c: number) => c >= a && c <= z;

/** What a code unit does in a header: separate, or belong to a run of one chunk kind. */
const SEPARATOR = 0, WORD = 1, NUM = 2, JA = 3;
const KIND_NAMES: ChunkKind[] = ['word', 'word', 'num', 'ja'];

/**
 * Every code unit's class, looked up once per character: a table rather than a Set and range
 * tests, since this runs for every distinct header. Control characters and space separate too.
 */
const CLASS = (() => {
  const table = new Uint8Array(0x10000).fill(JA);
  table.fill(WORD, 0x21, 0x80);
  table.fill(NUM, ZERO, NINE + 1);
  table.fill(SEPARATOR, 0, 0x21);
  for (let i = 0; i < SEPARATOR_CHARS.length; i++) table[SEPARATOR_CHARS.charCodeAt(i)] = SEPARATOR;
  return table;
})();

/** A run becomes a chunk; ASCII words are lower-cased. */
function pushRun(chunks: Chunk[], run: string, kind: ChunkKind): void {
  if (run) chunks.push({ text: kind === 'word' ? run.toLowerCase() : run, kind });
}

/**
 * Splits NFKC text into chunks: camelCase and letter/digit boundaries split ASCII words, any
 * separator ends a chunk, and Japanese runs are kept whole (Japanese has no spaces to split on;
 * spaces between Japanese characters, as in 宿 泊 施 設 名, are dropped). Works on code units:
 * this runs for every distinct header, and per-character strings and regexes were its cost.
 */
export function chunk(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0; // start of the current run in text
  let joined = ''; // Japanese text carried over from a run that a space interrupted
  let kind: ChunkKind | null = null;
  for (let i = 0; i < text.length; i++) {
    const cls = CLASS[text.charCodeAt(i)];
    if (cls === SEPARATOR) {
      if (kind !== null) pushRun(chunks, joined + text.slice(start, i), kind);
      joined = '';
      kind = null;
      continue;
    }
    const k = KIND_NAMES[cls];
    if (k !== kind) {
      // Japanese runs separated only by spaces join up again.
      if (k === 'ja' && kind === null && chunks.length > 0 && chunks[chunks.length - 1].kind === 'ja') joined = chunks.pop()!.text;
      else if (kind !== null) {
        pushRun(chunks, joined + text.slice(start, i), kind);
        joined = '';
      }
      kind = k;
      start = i;
    } else if (k === 'word' && isCamelBoundary(text, i)) {
      pushRun(chunks, text.slice(start, i), kind);
      start = i;
    }
  }
  if (kind !== null) pushRun(chunks, joined + text.slice(start), kind);
  return chunks;
}

/** lower→Upper (firstName) or the last capital of an acronym before a lower (HTTPServer → HTTP Server). */
function isCamelBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!isUpper(c)) return false;
  const prev = text.charCodeAt(i - 1);
  return isLower(prev) || (isUpper(prev) && isLower(text.charCodeAt(i + 1)));
}

/**
 * Legacy Japanese data often types the long-vowel mark ー as a dash (コ－ド, デ−タ): in Shift_JIS
 * the full-width minus sits next to ー and looks the same. NFKC would turn the full-width forms
 * into "-", a separator, and split the word (コ | ド); so a full-width or typographic dash between
 * two katakana is read as ー first. The ASCII "-" is left alone: between katakana it is as likely
 * a separator between two words.
 */
const DASH_BETWEEN_KATAKANA = /(?<=[\u30a1-\u30fa\u30fc\uff66-\uff9f])[\uff0d\u2212\u2010\u2015\u2500](?=[\u30a1-\u30fa\u30fc\uff66-\uff9f])/g;
const HAS_WIDE_DASH = /[\uff0d\u2212\u2010\u2015\u2500]/;

export function toNfkc(text: string): string {
  const marked = HAS_WIDE_DASH.test(text) ? text.replace(DASH_BETWEEN_KATAKANA, 'ー') : text;
  return marked.normalize('NFKC');
}

export function normalize(header: string): Normalized {
  const nfkc = toNfkc(header);
  const kana = toKatakana(nfkc);
  const chunks = chunk(kana);
  let length = 0;
  for (const c of chunks) length += c.text.length;
  const chunkOf = new Array<number>(length);
  let at = 0;
  for (let index = 0; index < chunks.length; index++) for (let i = 0; i < chunks[index].text.length; i++) chunkOf[at++] = index;
  // One flat string: the segmenter reads it a code unit at a time, and a string built by `+=` is a
  // tree of pieces that V8 must first copy out.
  return { key: chunks.map((c) => c.text).join(''), chunks, chunkOf, steps: [] };
}

/** normalize() with a record of each step, for `kojin explain` (classification does not need it). */
export function normalizeExplained(header: string): Normalized {
  const norm = normalize(header);
  const nfkc = toNfkc(header);
  const kana = toKatakana(nfkc);
  norm.steps.push({ step: 'NFKC (full-width letters and digits, half-width katakana)', result: nfkc });
  if (kana !== nfkc) norm.steps.push({ step: 'hiragana → katakana', result: kana });
  norm.steps.push({ step: 'split on case, separators and scripts; lower-case', result: norm.chunks.map((c) => c.text).join(' | ') });
  return norm;
}

/** The matching key of a dictionary surface: the same normalisation, separators removed. */
export function surfaceKey(surface: string): string {
  return chunk(toKatakana(toNfkc(surface)))
    .map((c) => c.text)
    .join('');
}

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
  /** Human-readable record of what normalisation did, for `kojin explain`. */
  steps: { step: string; result: string }[];
}

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** Hiragana to katakana, so ふりがな and フリガナ meet. */
export function toKatakana(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code >= HIRAGANA_START && code <= HIRAGANA_END ? String.fromCodePoint(code + KATAKANA_OFFSET) : ch;
  }
  return out;
}

const isAsciiLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string) => c >= '0' && c <= '9';
/** Characters that only separate words. */
const SEPARATOR = /[\s_\-.:/\\|,;'"`~!?@#$%^&*+=<>\u3000・･、。，．「」『』【】〔〕［］｛｝〈〉《》()（）\[\]{}※＊]/u;

/**
 * Splits NFKC text into chunks: camelCase and letter/digit boundaries split ASCII words, any
 * separator ends a chunk, and Japanese runs are kept whole (Japanese has no spaces to split on;
 * spaces between Japanese characters, as in 宿 泊 施 設 名, are dropped).
 */
export function chunk(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let current = '';
  let kind: ChunkKind | null = null;
  const flush = () => {
    if (current) chunks.push({ text: kind === 'word' ? current.toLowerCase() : current, kind: kind! });
    current = '';
    kind = null;
  };
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (SEPARATOR.test(c)) {
      // A space between two Japanese characters is layout, not a word break.
      flush();
      continue;
    }
    const k: ChunkKind = isAsciiLetter(c) ? 'word' : isDigit(c) ? 'num' : c.charCodeAt(0) < 0x80 ? 'word' : 'ja';
    if (k !== kind) {
      // Japanese runs separated only by spaces join up again.
      if (k === 'ja' && kind === null && chunks.length > 0 && chunks[chunks.length - 1].kind === 'ja') {
        const last = chunks.pop()!;
        current = last.text;
        kind = 'ja';
      } else flush();
      kind = k;
    } else if (k === 'word' && isCamelBoundary(chars, i)) {
      flush();
      kind = k;
    }
    current += c;
  }
  flush();
  return chunks;
}

/** lower→Upper (firstName) or the last capital of an acronym before a lower (HTTPServer → HTTP Server). */
function isCamelBoundary(chars: string[], i: number): boolean {
  const c = chars[i];
  const prev = chars[i - 1];
  const next = chars[i + 1];
  const upper = (x?: string) => !!x && x >= 'A' && x <= 'Z';
  const lower = (x?: string) => !!x && x >= 'a' && x <= 'z';
  return (upper(c) && lower(prev)) || (upper(c) && upper(prev) && lower(next));
}

export function normalize(header: string): Normalized {
  const steps: Normalized['steps'] = [];
  const nfkc = header.normalize('NFKC');
  steps.push({ step: 'NFKC (full-width letters and digits, half-width katakana)', result: nfkc });
  const kana = toKatakana(nfkc);
  if (kana !== nfkc) steps.push({ step: 'hiragana → katakana', result: kana });
  const chunks = chunk(kana);
  steps.push({ step: 'split on case, separators and scripts; lower-case', result: chunks.map((c) => c.text).join(' | ') });
  let key = '';
  const chunkOf: number[] = [];
  chunks.forEach((c, index) => {
    for (let i = 0; i < c.text.length; i++) chunkOf.push(index);
    key += c.text;
  });
  return { key, chunks, chunkOf, steps };
}

/** The matching key of a dictionary surface: the same normalisation, separators removed. */
export function surfaceKey(surface: string): string {
  return chunk(toKatakana(surface.normalize('NFKC')))
    .map((c) => c.text)
    .join('');
}

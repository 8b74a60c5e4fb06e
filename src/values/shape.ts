// The shape of a cell: which kinds of characters it holds, one bit per kind, OR-ed over its code
// units. Computed in the same pass that hashes the cell (ColumnProfiler.addSpan), it lets the
// profiler skip every detector that cannot match — each detector below accepts only values whose
// characters are all of some kinds — without reading the cell again. The gates are necessary
// conditions only: a detector that passes its gate still decides by itself
// (test/unit/values/shape.test.ts checks that gating never changes a result).
import { isDashCode } from './normalize.js';

/** 0-9 */
export const DIGIT = 1 << 0;
/** Space and '-': separators between digit groups. */
export const SEP_ASCII = 1 << 1;
/** The dash look-alikes isDashCode accepts besides '-' (‐ ‑ ‒ – — ― − ー). */
export const SEP_WIDE = 1 << 2;
/** ( ) + */
export const PHONE_MARK = 1 << 3;
export const AT = 1 << 4;
/** A-Z */
export const UPPER = 1 << 5;
/** Any other ASCII character (but . and :). */
export const OTHER_ASCII = 1 << 6;
/** 〒 */
export const POSTAL_MARK = 1 << 7;
/** Any other character outside ASCII. */
export const WIDE = 1 << 8;
/** A character prepareValue folds with NFKC (normalize.ts needsNfkc); also counted as WIDE. */
export const NFKC = 1 << 9;
/** . and : — an IP address has one or the other (ip.ts), so the many ASCII codes without skip it. */
export const DOT_COLON = 1 << 10;

export const ASCII = DIGIT | SEP_ASCII | PHONE_MARK | AT | UPPER | OTHER_ASCII | DOT_COLON;
/** Digits and group separators (normalize.ts isGroupSeparator): grouped numbers. */
export const GROUPED_DIGITS = DIGIT | SEP_ASCII | SEP_WIDE;

/** The kind of one UTF-16 code unit; KIND holds it for all of them. */
export function kindOf(c: number): number {
  if (c < 128) {
    if (c >= 48 && c <= 57) return DIGIT;
    if (c === 32 || c === 45) return SEP_ASCII;
    if (c === 40 || c === 41 || c === 43) return PHONE_MARK;
    if (c === 64) return AT;
    if (c >= 65 && c <= 90) return UPPER;
    if (c === 46 || c === 58) return DOT_COLON;
    return OTHER_ASCII;
  }
  if (isDashCode(c)) return SEP_WIDE;
  if (c === 0x3012) return POSTAL_MARK;
  if (c === 0x3000 || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3200 && c <= 0x33ff)) return NFKC | WIDE;
  return WIDE;
}

/**
 * The kind of every UTF-16 code unit: one load per character in the hot loop (128 KiB). Built from
 * the few ranges kindOf tells apart rather than by calling it 65,536 times: that loop ran before the
 * JIT had compiled anything and was ~13 ms of a cold scan (0.3 s); a test checks the two agree.
 */
export const KIND: Uint16Array = (() => {
  const table = new Uint16Array(65536).fill(WIDE);
  for (let c = 0; c < 128; c++) table[c] = kindOf(c);
  table.fill(NFKC | WIDE, 0x3200, 0x3400);
  table.fill(NFKC | WIDE, 0xff00, 0xfff0);
  table[0x3000] = NFKC | WIDE;
  table[0x3012] = POSTAL_MARK;
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30fc]) table[c] = kindOf(c);
  return table;
})();

/** The shape of a whole string. */
export function shapeOf(v: string): number {
  let shape = 0;
  for (let i = 0; i < v.length; i++) shape |= KIND[v.charCodeAt(i)];
  return shape;
}

/** True when every kind in `shape` is among `allowed`. */
export function only(shape: number, allowed: number): boolean {
  return (shape & ~allowed) === 0;
}

// Shared, allocation-light helpers for value detectors.
// Every detector takes a *prepared* value: trimmed and, when it holds full-width forms, NFKC-normalised.
// The profiler prepares each cell once so that fifteen detectors do not each normalise it again.

/** Trim and normalise a raw cell. NFKC runs only when a character that NFKC would change is present. */
export function prepareValue(raw: string): string {
  const t = raw.trim();
  return t.length > 0 && needsNfkc(t) ? t.normalize('NFKC').trim() : t;
}

/**
 * True when the string holds full-width ASCII, half-width katakana, the ideographic space or squared
 * era/unit signs (㍼ ㍻ ㋿): the forms NFKC folds and that occur in Japanese data files. Checking
 * first keeps the common all-ASCII cell free of the normalisation cost.
 */
export function needsNfkc(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3000) continue;
    if (c === 0x3000 || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3200 && c <= 0x33ff)) return true;
  }
  return false;
}

/**
 * The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator): a cell of
 * only these is blank, as `cell.trim() === ''` says for a string.
 */
export function isTrimSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** ASCII hyphen and the dash look-alikes that survive NFKC in Japanese files (‐ ‑ ‒ – — ― − ー). */
export function isDashCode(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0x30fc;
}

/** A separator between groups of digits: space or a dash. */
export function isGroupSeparator(c: number): boolean {
  return c === 32 || isDashCode(c);
}

export interface DigitGroups {
  /** The digits with separators removed. */
  digits: string;
  /** Lengths of the digit groups, in order (one entry when there is no separator). */
  groups: number[];
}

/**
 * Split a value made only of ASCII digits and single separators (space or dash) into its digits and
 * group sizes. Returns null on any other character, on a leading/trailing separator, on two
 * separators in a row, or when mixed separators are used (1234-5678 9012 is not a number someone typed).
 * Callers gate on length first, so the small allocation happens only for plausible values.
 */
export function splitDigitGroups(v: string): DigitGroups | null {
  const n = v.length;
  if (n === 0) return null;
  const groups: number[] = [];
  let run = 0;
  let sep = -1;
  let plain = true;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (isDigitCode(c)) {
      run++;
      continue;
    }
    if (!isGroupSeparator(c) || run === 0 || (sep !== -1 && sep !== c)) return null;
    sep = c;
    plain = false;
    groups.push(run);
    run = 0;
  }
  if (run === 0) return null;
  groups.push(run);
  if (plain) return { digits: v, groups };
  let digits = '';
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (isDigitCode(c)) digits += v[i];
  }
  return { digits, groups };
}

/** True when `groups` equals `layout` element by element. */
export function sameGroups(groups: readonly number[], layout: readonly number[]): boolean {
  if (groups.length !== layout.length) return false;
  for (let i = 0; i < groups.length; i++) if (groups[i] !== layout[i]) return false;
  return true;
}

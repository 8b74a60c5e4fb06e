// My Number (個人番号): 12 digits whose last digit is a check digit over the first eleven
// (taxonomy.md, "The check digit of a My Number"). Accepted forms: 123456789018,
// 1234 5678 9018, 1234-5678-9018; full-width digits once the value is prepared (NFKC).
import { isDigitCode, isGroupSeparator, sameGroups, splitDigitGroups } from './normalize.js';

export type CheckResult = 'valid' | 'invalid';

/** The check digit for the first eleven digits (ASCII). */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  // P1 is the eleventh digit, P11 the first; Qn = n + 1 for n ≤ 6, n − 5 for n ≥ 7.
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48;
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True when `digits` is exactly twelve ASCII digits with a valid My Number check digit. */
export function isValidMyNumber(digits: string): boolean {
  if (digits.length !== 12) return false;
  for (let i = 0; i < 12; i++) if (!isDigitCode(digits.charCodeAt(i))) return false;
  return myNumberCheckDigit(digits) === digits.charCodeAt(11) - 48;
}

/**
 * For a value of twelve code units: the check digit of its first eleven when all twelve are ASCII
 * digits, else -1. One pass, where allDigits then isValidMyNumber read the value three times (the
 * My Number column of an --all-rows scan runs this on every row).
 */
function twelveDigitsCheck(value: string): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    const c = value.charCodeAt(i);
    if (!isDigitCode(c)) return -1;
    const n = 11 - i; // the digit is P(n), weighted Q(n) as in myNumberCheckDigit
    sum += (c - 48) * (n <= 6 ? n + 1 : n - 5);
  }
  if (!isDigitCode(value.charCodeAt(11))) return -1;
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

const GROUPED = [4, 4, 4] as const;

/**
 * Shape classifier on a prepared value: null when the value is not shaped like a My Number
 * (12 digits, or 4-4-4 separated by spaces or dashes), else whether its check digit holds.
 */
export function classifyMyNumber(value: string): CheckResult | null {
  const n = value.length;
  if (n === 12) {
    const check = twelveDigitsCheck(value);
    return check === -1 ? null : check === value.charCodeAt(11) - 48 ? 'valid' : 'invalid';
  }
  // 4-4-4: the separators must sit at 4 and 9 (checked before anything allocates).
  if (n !== 14 || !isGroupSeparator(value.charCodeAt(4)) || !isGroupSeparator(value.charCodeAt(9))) return null;
  const g = splitDigitGroups(value);
  if (g === null || !sameGroups(g.groups, GROUPED)) return null;
  return isValidMyNumber(g.digits) ? 'valid' : 'invalid';
}

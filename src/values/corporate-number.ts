// Corporate Number (法人番号): 13 digits, the FIRST being a check digit over the other twelve
// (taxonomy.md). Public information about a company, so a column of them is evidence *against*
// My Number (none/corporate). Accepted: 7000012050002 and 7-0000-1205-0002 (1-4-4-4).
import { allDigits, isDigitCode, isGroupSeparator, sameGroups, splitDigitGroups } from './normalize.js';
import type { CheckResult } from './my-number.js';

/** The check digit for the twelve digits after it (ASCII). */
export function corporateCheckDigit(last12: string): number {
  let sum = 0;
  // P1 is the last digit; Qn = 1 for odd n, 2 for even n.
  for (let n = 1; n <= 12; n++) {
    const p = last12.charCodeAt(12 - n) - 48;
    sum += n % 2 === 1 ? p : 2 * p;
  }
  return 9 - (sum % 9);
}

/** True when `digits` is exactly thirteen ASCII digits with a valid leading check digit. */
export function isValidCorporateNumber(digits: string): boolean {
  if (digits.length !== 13) return false;
  for (let i = 0; i < 13; i++) if (!isDigitCode(digits.charCodeAt(i))) return false;
  return corporateCheckDigit(digits.slice(1)) === digits.charCodeAt(0) - 48;
}

const GROUPED = [1, 4, 4, 4] as const;

/** Shape classifier on a prepared value: null unless 13 digits (or 1-4-4-4), else the check result. */
export function classifyCorporateNumber(value: string): CheckResult | null {
  const n = value.length;
  if (n === 13) return allDigits(value) ? (isValidCorporateNumber(value) ? 'valid' : 'invalid') : null;
  if (n !== 16 || !isGroupSeparator(value.charCodeAt(1)) || !isGroupSeparator(value.charCodeAt(6))) return null;
  const g = splitDigitGroups(value);
  if (g === null || !sameGroups(g.groups, GROUPED)) return null;
  return isValidCorporateNumber(g.digits) ? 'valid' : 'invalid';
}

// Payment card numbers: 14–16 digits (optionally grouped by spaces or hyphens), an issuer prefix
// (Visa 4…, Mastercard 51–55 and 2221–2720, Amex 34/37, JCB 3528–3589, Diners 300–305/36/38/39)
// and the Luhn check. Only 'valid' counts as evidence; a random number with an issuer prefix passes
// Luhn one time in ten, so the profiler applies the same distinct-count rule as for My Numbers.
import { splitDigitGroups } from './normalize.js';
import type { CheckResult } from './my-number.js';

export type CardIssuer = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'diners';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

export function cardIssuer(digits: string): CardIssuer | null {
  const len = digits.length;
  const p2 = +digits.slice(0, 2);
  const p3 = +digits.slice(0, 3);
  const p4 = +digits.slice(0, 4);
  if (len === 16 && digits.charCodeAt(0) === 52) return 'visa';
  if (len === 16 && ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))) return 'mastercard';
  if (len === 15 && (p2 === 34 || p2 === 37)) return 'amex';
  if (len === 16 && p4 >= 3528 && p4 <= 3589) return 'jcb';
  if (len === 14 && ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39)) return 'diners';
  return null;
}

/** Null unless the prepared value has a card's shape and issuer prefix; else the Luhn result. */
export function classifyCreditCard(value: string): CheckResult | null {
  const n = value.length;
  if (n < 14 || n > 19) return null;
  const c0 = value.charCodeAt(0);
  if (c0 < 50 || c0 > 53) return null; // issuers start with 2, 3, 4 or 5
  const g = splitDigitGroups(value);
  if (g === null || g.digits.length < 14 || g.digits.length > 16) return null;
  for (const size of g.groups) if (size < 4 && g.groups.length > 1) return null;
  if (cardIssuer(g.digits) === null) return null;
  return luhnValid(g.digits) ? 'valid' : 'invalid';
}

// Japanese telephone numbers: fixed lines (0X…, 10 digits), mobile 070/080/090 and IP 050 (11 digits),
// toll-free 0120 (10 digits) and 0800 (11 digits); with or without hyphens, spaces or parentheses,
// and in the international form +81 (leading 0 dropped, or kept in parentheses: +81 (0)3 …).
import { isDigitCode, isGroupSeparator } from './normalize.js';

export type PhoneKind = 'mobile' | 'ip' | 'toll_free' | 'fixed';

/** Kind of Japanese phone number in a prepared value, or null. Allocation-free. */
export function classifyPhone(value: string): PhoneKind | null {
  const n = value.length;
  if (n < 10 || n > 22) return null;
  let i = 0;
  let intl = false;
  if (value.charCodeAt(0) === 43 /* + */) {
    if (value.charCodeAt(1) !== 56 || value.charCodeAt(2) !== 49) return null; // +81 only
    intl = true;
    i = 3;
  }
  // Collect up to 12 digits into a small integer window: we need only the count and the first four.
  let count = 0;
  let head = 0; // first four digits as a number
  let headLen = 0;
  let firstDigitZero = false;
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c)) {
      if (count === 0) firstDigitZero = c === 48;
      count++;
      if (count > 12) return null;
      if (headLen < 4) {
        head = head * 10 + (c - 48);
        headLen++;
      }
      continue;
    }
    if (isGroupSeparator(c) || c === 40 || c === 41 /* ( ) */) continue;
    return null;
  }
  if (intl && !firstDigitZero) {
    // +81 3 1234 5678 → 03 1234 5678: add the trunk prefix back.
    count++;
    head = Math.floor(head / 10);
    firstDigitZero = true;
  } else if (!firstDigitZero) {
    return null;
  }
  // head now holds the first four digits (with the leading 0) as a number below 1000.
  const h3 = Math.floor(head / 10); // e.g. 90 for 090x
  if (count === 11) {
    if (head === 800) return 'toll_free'; // before 080: 0800 is toll-free, not mobile
    if (h3 === 70 || h3 === 80 || h3 === 90) return 'mobile';
    if (h3 === 50) return 'ip';
    return null;
  }
  if (count === 10) {
    if (head === 120) return 'toll_free';
    const second = Math.floor(head / 100); // second digit
    if (second === 0) return null;
    // 10-digit 050/070/080/090 are not assigned today.
    if (h3 === 50 || h3 === 70 || h3 === 80 || h3 === 90) return null;
    return 'fixed';
  }
  return null;
}

export function isJapanesePhone(value: string): boolean {
  return classifyPhone(value) !== null;
}

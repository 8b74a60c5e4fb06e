// Japanese postal codes: 〒123-4567, 〒1234567, 123-4567. A bare 1234567 is just a 7-digit number
// unless the header says postal code, so it is reported as its own form and the profiler counts it
// only with that hint.
import { isDashCode, isDigitCode } from './normalize.js';

export type PostalForm = 'marked' | 'hyphenated' | 'bare';

const POSTAL_MARK = 0x3012; // 〒

export function classifyPostalCode(value: string): PostalForm | null {
  const n = value.length;
  if (n < 7 || n > 10) return null;
  let i = 0;
  let marked = false;
  if (value.charCodeAt(0) === POSTAL_MARK) {
    marked = true;
    i = 1;
    if (value.charCodeAt(1) === 32) i = 2;
  }
  const rest = n - i;
  if (rest === 8) {
    for (let k = 0; k < 3; k++) if (!isDigitCode(value.charCodeAt(i + k))) return null;
    if (!isDashCode(value.charCodeAt(i + 3))) return null;
    for (let k = 4; k < 8; k++) if (!isDigitCode(value.charCodeAt(i + k))) return null;
    return marked ? 'marked' : 'hyphenated';
  }
  if (rest === 7) {
    for (let k = 0; k < 7; k++) if (!isDigitCode(value.charCodeAt(i + k))) return null;
    return marked ? 'marked' : 'bare';
  }
  return null;
}

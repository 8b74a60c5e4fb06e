// Japanese passport numbers: two Latin capitals and seven digits (e.g. the shape AA1234567).
import { isDigitCode } from './normalize.js';

export function isPassportNumber(value: string): boolean {
  if (value.length !== 9) return false;
  for (let i = 0; i < 2; i++) {
    const c = value.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  for (let i = 2; i < 9; i++) if (!isDigitCode(value.charCodeAt(i))) return false;
  return true;
}

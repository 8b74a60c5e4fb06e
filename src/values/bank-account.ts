// Japanese bank account numbers (口座番号) are 7 digits. Seven digits alone mean nothing (a bare
// postal code, an amount, an ID), so the profiler counts this only when the header says
// financial_account.
import { isDigitCode } from './normalize.js';

export function isBankAccountShape(value: string): boolean {
  if (value.length !== 7) return false;
  for (let i = 0; i < 7; i++) if (!isDigitCode(value.charCodeAt(i))) return false;
  return true;
}

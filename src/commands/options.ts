// Parsing and checking option values shared by the commands. Bad values are UsageErrors.
import { resolveLang, type Lang } from '../i18n/index.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { FAIL_ON_CHOICES } from '../report/gate.js';
import type { Category } from '../types.js';

export function parseFailOn(value: string | undefined): Category[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of list) {
    if (!FAIL_ON_CHOICES.includes(item as Category)) throw new UsageError(`--fail-on: "${item}" is not one of ${FAIL_ON_CHOICES.join(', ')}`);
  }
  return list as Category[];
}

export function parseCount(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${name}: expected a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${value}"`);
  return Number(value);
}

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value !== undefined && value !== 'ja' && value !== 'en') throw new UsageError(`--lang: expected ja or en, got "${value}"`);
  return resolveLang(value, env);
}

/** Colour when asked for and the output is a terminal; never with --no-color or NO_COLOR. */
export function useColor(option: boolean | undefined, io: CliIO): boolean {
  if (option === false || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')) return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY === true;
}

// Column-level thresholds: when a detector's matches are strong enough to decide a column alone.
// Kept apart from the profiler so the numbers can be read, tested and quoted in README.md.

/**
 * My Number (and the other check-digit detectors: corporate number, payment card).
 * A random 12-digit number passes the My Number check digit with probability exactly 1/10 (the
 * check digit is a function of the first eleven digits, taking values 0–9; a uniform last digit
 * equals it one time in ten). Over n distinct random values the count passing is Binomial(n, 0.1).
 * Requiring at least MIN_DISTINCT passing values AND at least MIN_PASS_RATE of all distinct
 * non-empty values bounds the chance that a column of random IDs is decided by
 *   P[Bin(n, 0.1) ≥ max(5, ⌈0.9·n⌉)] ≤ 1e-5, the maximum being at n = 5 (0.1^5); it is 1e-6 at
 *   n = 6, 9.1e-9 at n = 10, 1.5e-16 at n = 20 and below 1e-80 at n = 100.
 * Values that fail the check (typos, a few test rows) are tolerated up to 10 %.
 */
export const CHECK_DIGIT_MIN_DISTINCT = 5;
export const CHECK_DIGIT_MIN_PASS_RATE = 0.9;

export function checkDigitDecisive(validDistinct: number, distinct: number): boolean {
  return (
    validDistinct >= CHECK_DIGIT_MIN_DISTINCT &&
    distinct > 0 &&
    validDistinct / distinct >= CHECK_DIGIT_MIN_PASS_RATE
  );
}

/** Pattern detectors (phone, e-mail, postal code, address, IP, passport, account number). */
export const PATTERN_MIN_RATE = 0.8;
export const PATTERN_MIN_DISTINCT = 3;

export function patternDecisive(rate: number, matchedDistinct: number): boolean {
  return rate >= PATTERN_MIN_RATE && matchedDistinct >= PATTERN_MIN_DISTINCT;
}

/** Weak shapes (person names by shape alone): a high rate over several distinct values. */
export const WEAK_MIN_RATE = 0.9;
export const WEAK_MIN_DISTINCT = 5;

export function weakDecisive(rate: number, matchedDistinct: number): boolean {
  return rate >= WEAK_MIN_RATE && matchedDistinct >= WEAK_MIN_DISTINCT;
}

/** Gender: few distinct values by nature, so count rows, and require both sexes to appear. */
export function genderDecisive(rate: number, matched: number, matchedDistinct: number): boolean {
  return rate >= 0.9 && matched >= 5 && matchedDistinct >= 2;
}

/**
 * Birth dates are a column-level judgement: dates at a plausible age (0–120 years before today)
 * that span at least BIRTH_MIN_SPAN_YEARS. Processing dates cluster within months, so they stay
 * plain dates (none/date), which is never decisive: a school class born in one year looks the same.
 */
export const BIRTH_MIN_SPAN_YEARS = 10;
export const BIRTH_MIN_PLAUSIBLE = 0.95;

export function looksLikeBirthDates(plausible: number, dates: number, spanYears: number): boolean {
  return dates > 0 && plausible / dates >= BIRTH_MIN_PLAUSIBLE && spanYears >= BIRTH_MIN_SPAN_YEARS;
}

export function birthDecisive(rate: number, matchedDistinct: number): boolean {
  return rate >= PATTERN_MIN_RATE && matchedDistinct >= 5;
}

/** Detectors whose evidence is shape only: they may fill an unknown header, never override one. */
export const WEAK_DETECTORS: ReadonlySet<string> = new Set(['person_name']);

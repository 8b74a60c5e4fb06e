// Dates in the forms Japanese files use, Western (1975-01-01, 1975/1/1, 1975.1.1, 19750101,
// 1975年1月1日, with an optional time after a space or T) and 和暦 (昭和50年1月1日, 昭和50.1.1,
// S50.1.1, H2/4/1, R2/4/1, 平成元年4月1日). A single date never says "birth date": the profiler
// judges the column (plausible ages 0–120, dates spanning years), so this module only parses.

export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

// Era start years: year n of an era is start + n − 1.
const ERA_START: Record<string, number> = {
  明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019,
  M: 1868, T: 1912, S: 1926, H: 1989, R: 2019,
};
// Last year number each era reached (令和 still running: allow headroom).
const ERA_MAX: Record<string, number> = {
  明治: 45, 大正: 15, 昭和: 64, 平成: 31, 令和: 99, M: 45, T: 15, S: 64, H: 31, R: 99,
};

/** M T S H R in either case (c | 0x20 folds exactly the two cases of a letter, nothing else onto it). */
function isEraLetter(c: number): boolean {
  const l = c | 0x20;
  return l === 109 || l === 116 || l === 115 || l === 104 || l === 114;
}

// Anchored, no nested quantifiers: linear time whatever the input.
const WAREKI = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr]) ?(元|\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function make(year: number, month: number, day: number): SimpleDate | null {
  if (year < 1868 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The number written by ASCII digits v[from..to) (already checked to be digits). */
function digitsAt(v: string, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) x = x * 10 + v.charCodeAt(i) - 48;
  return x;
}

function isDateSep(c: number, kanji: number): boolean {
  return c === 45 || c === 47 || c === 46 || c === kanji;
}

/** YYYY-M-D with - / . or 年月日, by hand: no regex, no match array. */
function parseWestern(v: string, n: number): SimpleDate | null {
  for (let i = 0; i < 4; i++) if (!isDigit(v.charCodeAt(i))) return null;
  if (!isDateSep(v.charCodeAt(4), 0x5e74 /* 年 */)) return null;
  let i = 5;
  let month = 0;
  let k = 0;
  for (; i < n && k < 2 && isDigit(v.charCodeAt(i)); i++, k++) month = month * 10 + v.charCodeAt(i) - 48;
  if (k === 0 || i >= n || !isDateSep(v.charCodeAt(i), 0x6708 /* 月 */)) return null;
  i++;
  let day = 0;
  k = 0;
  for (; i < n && k < 2 && isDigit(v.charCodeAt(i)); i++, k++) day = day * 10 + v.charCodeAt(i) - 48;
  if (k === 0) return null;
  if (i < n && v.charCodeAt(i) === 0x65e5 /* 日 */) i++;
  if (i !== n) return null;
  return make(digitsAt(v, 0, 4), month, day);
}

/** Whether a date can start with this character: a digit, an era name's first character or an era letter. */
export function mayStartDate(c0: number): boolean {
  return isDigit(c0) || c0 === 0x660e || c0 === 0x5927 || c0 === 0x662d || c0 === 0x5e73 || c0 === 0x4ee4 || isEraLetter(c0);
}

/**
 * A necessary condition for parseDate(value) !== null: mayStartDate of its first character and, for
 * a digit-led value longer than 11 (only those make parseDate search for a time part, two indexOf),
 * four digits first — such a date is a four-digit year and a separator, or 8 digits, before any
 * time part, which is cut at position 6 at the earliest. It keeps the profiler from that search on
 * every phone number (bench/README.md, "Cheaper cells"); shorter values go straight to parseDate,
 * whose own first checks are as cheap.
 */
export function mayBeDate(value: string): boolean {
  const c0 = value.charCodeAt(0);
  if (!mayStartDate(c0)) return false;
  if (value.length <= 11 || !isDigit(c0)) return true;
  return isDigit(value.charCodeAt(1)) && isDigit(value.charCodeAt(2)) && isDigit(value.charCodeAt(3));
}

/** Parse a prepared value as a calendar date, or null (always null unless mayStartDate(value[0])). */
export function parseDate(value: string): SimpleDate | null {
  let v = value;
  let n = v.length;
  if (n < 6) return null;
  if (n > 11) {
    // Drop a time part: "1975-01-01 00:00:00", "1975-01-01T00:00:00Z".
    const t = v.indexOf('T') > 0 ? v.indexOf('T') : v.indexOf(' ');
    if (t >= 6 && t <= 11 && isDigit(v.charCodeAt(t + 1))) {
      v = v.slice(0, t);
      n = t;
    }
    if (n > 12) return null;
  }
  const c0 = v.charCodeAt(0);
  if (isDigit(c0)) {
    if (n === 8 && isDigit(v.charCodeAt(4))) {
      for (let i = 0; i < 8; i++) if (!isDigit(v.charCodeAt(i))) return null;
      return make(digitsAt(v, 0, 4), digitsAt(v, 4, 6), digitsAt(v, 6, 8));
    }
    return parseWestern(v, n);
  }
  // 和暦 starts with an era letter or an era name; anything else is not a date.
  if (!mayStartDate(c0)) return null;
  const m = WAREKI.exec(v);
  if (!m) return null;
  const era = m[1].length === 1 ? m[1].toUpperCase() : m[1];
  const ey = m[2] === '元' ? 1 : +m[2];
  if (ey < 1 || ey > ERA_MAX[era]) return null;
  return make(ERA_START[era] + ey - 1, +m[3], +m[4]);
}

/** A day count good enough for spans and age comparisons (months of 31 days). */
export function dateOrdinal(d: SimpleDate): number {
  return (d.year * 12 + (d.month - 1)) * 31 + (d.day - 1);
}

/** Ordinal of the same calendar day `years` years before `now`. */
export function ordinalYearsBefore(now: Date, years: number): number {
  return dateOrdinal({ year: now.getFullYear() - years, month: now.getMonth() + 1, day: now.getDate() });
}

/** Ordinal days per year in dateOrdinal's calendar. */
export const ORDINAL_YEAR = 12 * 31;

/** Whether the date is a plausible birth date on `now`: not in the future, age at most 120. */
export function isPlausibleBirthDate(d: SimpleDate, now: Date): boolean {
  const o = dateOrdinal(d);
  return o <= ordinalYearsBefore(now, 0) && o >= ordinalYearsBefore(now, 120);
}

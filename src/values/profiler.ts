// ColumnProfiler: runs every value detector on each cell of one column and keeps only counts.
// Cost per cell: one trim (plus NFKC only for full-width input), one 32-bit hash, and detectors
// that each reject on length or first character before doing any real work; no regex runs on a
// value that could not match. Over cell spans (addSpan) a new cell is hashed and shaped in one pass
// and only the detectors its shape allows run (shape.ts). Memory is bounded by the DistinctSampler
// (hashes, never values). Profilers of parts of one column merge exactly (split/merge), so byte
// ranges of a file can be profiled on several threads (parallel/ranges.ts).
import type { Category, ValueEvidence, ValueFinding } from '../types.js';
import { CATEGORY_RANK } from '../types.js';
import { isAddress } from './address.js';
import { isBankAccountShape } from './bank-account.js';
import { dateOrdinal, mayBeDate, ORDINAL_YEAR, ordinalYearsBefore, parseDate } from './birth-date.js';
import { classifyCorporateNumber } from './corporate-number.js';
import { classifyCreditCard } from './credit-card.js';
import { DistinctSampler, DEFAULT_DISTINCT_CAP, finishHash, hash32, zeros, type SamplerState } from './distinct.js';
import { isEmail } from './email.js';
import { classifyGender } from './gender.js';
import { ipVersion } from './ip.js';
import { classifyMyNumber } from './my-number.js';
import { isTrimSpace, prepareValue } from './normalize.js';
import { ASCII, AT, DIGIT, DOT_COLON, GROUPED_DIGITS, KIND, NFKC, only, PHONE_MARK, POSTAL_MARK, shapeOf, UPPER } from './shape.js';
import { MISSING, SpanMemo } from './span-memo.js';
import { isPassportNumber } from './passport.js';
import { classifyPersonName } from './person-name.js';
import { isJapanesePhone } from './phone.js';
import { classifyPostalCode } from './postal-code.js';
import {
  birthDecisive,
  checkDigitDecisive,
  genderDecisive,
  looksLikeBirthDates,
  patternDecisive,
  weakDecisive,
} from './rules.js';

/** What a ColumnProfiler has counted (ColumnProfiler.state), to merge in another thread's profiler. */
export interface ProfilerState {
  sampled: number;
  nonEmpty: number;
  counts: number[];
  minDate: number;
  maxDate: number;
  sampler: SamplerState;
}

/** What the header said, so ambiguous shapes (1/2, bare 7 digits) can count. */
export interface ValueHints {
  subcategory?: string | null;
}

export interface ProfilerOptions {
  /** "Today" for the age check of birth dates; injectable so tests are stable. */
  now?: Date;
  /** Maximum number of distinct hashes kept before switching to sampling. */
  distinctCap?: number;
  /** Entries of the repeated-value memo used by addSpan (0: none). Default MEMO_DEFAULT_ENTRIES. */
  memoEntries?: number;
}

/**
 * The memo of addSpan: a cell's detector bits, keyed by the cell's exact text. Detectors are pure
 * functions of the prepared cell, so a repeated cell counts the same bits as its first occurrence;
 * its date (if any) is the first occurrence's, which the date range already holds; and adding a hash
 * seen before is a no-op for the DistinctSampler (kept, or filtered by a level that only rises).
 * Serving repeats from the memo therefore gives the same evidence as add(), bit for bit. It holds
 * the code units of at most `memoEntries` cells of up to MEMO_MAX_LENGTH characters, in memory only
 * and only while the column is profiled; a column whose values rarely repeat drops it
 * (span-memo.ts).
 */
export const MEMO_DEFAULT_ENTRIES = 16384;
const MEMO_MAX_LENGTH = 64;

// One bit per thing a cell can be; a cell's mask is stored with its hash for distinct counting.
const B = {
  MY_NUMBER: 0,
  TWELVE_INVALID: 1,
  CORPORATE: 2,
  PHONE: 3,
  EMAIL: 4,
  POSTAL: 5,
  SEVEN_DIGITS: 6,
  ADDRESS: 7,
  DATE: 8,
  BIRTH_PLAUSIBLE: 9,
  NAME: 10,
  GENDER: 11,
  GENDER_CODE: 12,
  CARD: 13,
  IP: 14,
  PASSPORT: 15,
} as const;
const NBITS = 16;

export class ColumnProfiler {
  private sampled = 0;
  private nonEmpty = 0;
  private readonly counts: number[] = zeros(NBITS);
  private sampler: DistinctSampler;
  /** What addCell saw last: hash32 of the prepared value, and its date ordinal (-1: not a date). */
  private cellHash = 0;
  private cellDate = -1;
  // Plausible birth dates lie between 120 years ago and today (isPlausibleBirthDate, precomputed).
  private readonly birthFrom: number;
  private readonly birthTo: number;
  private minDate = Number.POSITIVE_INFINITY;
  private maxDate = Number.NEGATIVE_INFINITY;
  /** The memo of addSpan (see MEMO_DEFAULT_ENTRIES); made at addSpan's first cell, undefined until then and when off. */
  private memo: SpanMemo | undefined;
  /** Entries the memo may hold; 0 when it is off (or turned off: worth keeping no more). */
  private memoEntries: number;

  constructor(options: ProfilerOptions = {}) {
    const now = options.now ?? new Date();
    this.birthFrom = ordinalYearsBefore(now, 120);
    this.birthTo = ordinalYearsBefore(now, 0);
    this.sampler = new DistinctSampler(options.distinctCap ?? DEFAULT_DISTINCT_CAP);
    // Not made here: a sampled scan only calls add(), and five typed arrays per column of every
    // small file were a few per cent of its CPU (allocation and the GC of it).
    this.memoEntries = Math.max(0, options.memoEntries ?? MEMO_DEFAULT_ENTRIES);
  }

  add(value: string): void {
    this.sampled++;
    this.addCell(value);
  }

  /** Counts one cell after `sampled`; returns its detector bits, or -1 when it prepares to empty. */
  private addCell(value: string): number {
    const v = prepareValue(value);
    if (v.length === 0) return -1;
    return this.addPrepared(v, shapeOf(v), hash32(v));
  }

  /** Counts a prepared, non-empty value of the given shape (shape.ts) and hash32. */
  private addPrepared(v: string, shape: number, hash: number): number {
    this.nonEmpty++;
    this.cellDate = -1;
    const mask = this.detect(v, shape);
    this.countBits(mask);
    this.cellHash = hash;
    this.sampler.add(hash, mask);
    return mask;
  }

  /**
   * addCell(text.slice(start, end)) in one pass over the cell: its hash and shape together. A cell
   * with no space to trim at either end and nothing for NFKC to fold is its own prepared value
   * (prepareValue returns it unchanged), so hash32 of it is the loop's hash finished; any other cell
   * takes the general path.
   */
  private addNew(text: string, start: number, end: number): number {
    const n = end - start;
    let h = 0x811c9dc5 | 0;
    let shape = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      shape |= KIND[c];
    }
    if ((shape & NFKC) !== 0 || n > 256 || isTrimSpace(text.charCodeAt(start)) || isTrimSpace(text.charCodeAt(end - 1))) {
      return this.addCell(text.slice(start, end));
    }
    return this.addPrepared(text.slice(start, end), shape, finishHash(h ^ n));
  }

  /** A date ordinal into the column's date range. */
  private noteDate(o: number): void {
    if (o < this.minDate) this.minDate = o;
    if (o > this.maxDate) this.maxDate = o;
  }

  private countBits(mask: number): void {
    for (let m = mask; m !== 0; m &= m - 1) this.counts[31 - Math.clz32(m & -m)]++;
  }

  /**
   * Exactly add(text.slice(start, end)), with repeated cells served from the memo: the cell is hashed
   * and compared in place, and sliced out of `text` only the first time it is seen. A column whose
   * values rarely repeat soon turns the memo off and pays only the slice.
   */
  addSpan(text: string, start: number, end: number): void {
    this.sampled++;
    const n = end - start;
    if (n === 0) return;
    if (n > MEMO_MAX_LENGTH || (this.memo === undefined && this.memoEntries === 0)) {
      this.addNew(text, start, end);
      return;
    }
    const memo = (this.memo ??= new SpanMemo(this.memoEntries));
    let h = 0x811c9dc5 | 0; // FNV-1a over the code units, then the length
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h ^= n;
    const at = memo.lookup(text, start, end, h);
    const hit = at !== MISSING;
    if (hit) {
      const mask = memo.mask(at);
      if (mask !== -1) {
        this.nonEmpty++;
        this.countBits(mask);
        if (memo.stale(at)) {
          // First seen before a split(): a first occurrence for this state.
          memo.refresh(at);
          this.sampler.add(memo.valueHash(at) >>> 0, mask);
          if (memo.date(at) !== -1) this.noteDate(memo.date(at));
        }
      }
    } else {
      const mask = this.addNew(text, start, end);
      memo.insert(text, start, end, h, mask, this.cellHash, this.cellDate);
    }
    if (!memo.worthKeeping(hit)) {
      this.memo = undefined;
      this.memoEntries = 0;
    }
  }

  /**
   * The detector bits of a prepared value of the given shape (shape.ts). Each detector runs only when
   * the value's length and shape allow it to match (a necessary condition it would check itself),
   * in the order that decides which early return wins.
   */
  private detect(v: string, shape: number): number {
    const n = v.length;
    let m = 0;
    if (only(shape, GROUPED_DIGITS)) {
      if (n === 12 || n === 14) {
        const mn = classifyMyNumber(v);
        if (mn !== null) return 1 << (mn === 'valid' ? B.MY_NUMBER : B.TWELVE_INVALID);
      }
      if ((n === 13 || n === 16) && classifyCorporateNumber(v) === 'valid') return 1 << B.CORPORATE;
      if (n >= 14 && n <= 19 && classifyCreditCard(v) === 'valid') return 1 << B.CARD;
    }
    if (n >= 10 && n <= 22 && only(shape, GROUPED_DIGITS | PHONE_MARK) && isJapanesePhone(v)) m |= 1 << B.PHONE;
    if ((shape & AT) !== 0 && only(shape, ASCII) && isEmail(v)) return 1 << B.EMAIL;
    if (n >= 7 && n <= 10 && only(shape, GROUPED_DIGITS | POSTAL_MARK)) {
      const postal = classifyPostalCode(v);
      if (postal === 'bare') m |= 1 << B.SEVEN_DIGITS;
      else if (postal !== null) m |= 1 << B.POSTAL;
      if (isBankAccountShape(v)) m |= 1 << B.SEVEN_DIGITS;
    }
    if (n === 9 && only(shape, UPPER | DIGIT) && isPassportNumber(v)) m |= 1 << B.PASSPORT;
    if ((shape & DOT_COLON) !== 0 && only(shape, ASCII) && ipVersion(v) !== 0) m |= 1 << B.IP;
    if (n <= 6) {
      const gender = classifyGender(v);
      if (gender === 'code') m |= 1 << B.GENDER_CODE;
      else if (gender !== null) m |= 1 << B.GENDER;
    }
    const c0 = v.charCodeAt(0);
    const date = mayBeDate(v) ? parseDate(v) : null;
    if (date !== null) {
      m |= 1 << B.DATE;
      const o = dateOrdinal(date);
      this.noteDate(o);
      this.cellDate = o;
      if (o >= this.birthFrom && o <= this.birthTo) m |= 1 << B.BIRTH_PLAUSIBLE;
    }
    // Japanese-text detectors: skip ASCII-led cells outright.
    if (c0 >= 0x3000) {
      if (isAddress(v)) m |= 1 << B.ADDRESS;
      else if (classifyPersonName(v) !== null) m |= 1 << B.NAME;
    }
    return m;
  }

  /** What the profiler has counted (the memo aside): plain data, to cross threads. */
  state(): ProfilerState {
    return { sampled: this.sampled, nonEmpty: this.nonEmpty, counts: [...this.counts], minDate: this.minDate, maxDate: this.maxDate, sampler: this.sampler.state() };
  }

  /**
   * Hands off what has been counted so far and starts again from nothing, keeping the memo of
   * repeated cells warm (its entries say what the cells are whatever the state): a thread reading
   * byte range after byte range pays the memo's fill once. The next state's evidence is exactly
   * that of a fresh profiler over the cells that follow.
   */
  split(): ProfilerState {
    const state = this.state();
    this.sampled = 0;
    this.nonEmpty = 0;
    this.counts.fill(0);
    this.minDate = Number.POSITIVE_INFINITY;
    this.maxDate = Number.NEGATIVE_INFINITY;
    this.sampler = this.sampler.successor();
    this.memo?.newEpoch();
    return state;
  }

  /**
   * Lets the distinct sampler skip the hashes a merge of this column would drop anyway: `level` is
   * one that another part of the same column reached (DistinctSampler.raiseTo; ProfilerState.sampler).
   */
  distinctLevelAtLeast(level: number): void {
    this.sampler.raiseTo(level);
  }

  /** The level the distinct sampler has reached, to pass to distinctLevelAtLeast of another part. */
  get distinctLevel(): number {
    return this.sampler.filterLevel;
  }

  /**
   * Takes in what another profiler counted over the cells that follow this one's in the same column
   * (a later byte range of the file): the evidence is then the same as one profiler over all of them.
   * Counts add, the date range widens, and the samplers merge exactly (DistinctSampler.merge). Both
   * must have the same distinct cap and "today".
   */
  merge(later: ProfilerState): void {
    this.sampled += later.sampled;
    this.nonEmpty += later.nonEmpty;
    for (let b = 0; b < NBITS; b++) this.counts[b] += later.counts[b];
    if (later.minDate < this.minDate) this.minDate = later.minDate;
    if (later.maxDate > this.maxDate) this.maxDate = later.maxDate;
    this.sampler.merge(later.sampler);
  }

  /** What the values showed, as counts: the column's evidence once its header is known (evidenceOf). */
  tally(): ValueTally {
    const dates = this.counts[B.DATE];
    return {
      sampled: this.sampled,
      nonEmpty: this.nonEmpty,
      distinct: this.sampler.distinct(),
      approximate: this.sampler.approximate,
      counts: [...this.counts],
      distinctCounts: this.sampler.distinctPerBit(NBITS),
      dateSpanYears: dates === 0 ? 0 : Math.floor((this.maxDate - this.minDate) / ORDINAL_YEAR),
    };
  }

  /** The column's evidence given what its header says: evidenceOf(this.tally(), hints). */
  result(hints: ValueHints = {}): ValueEvidence {
    return evidenceOf(this.tally(), hints);
  }
}

/**
 * What a column's values showed, in counts only: small plain data, so the thread that read the
 * values sends this and the thread that classified the header judges it (evidenceOf). Counts are
 * per detector bit (B); distinct counts are estimates when `approximate`.
 */
export interface ValueTally {
  sampled: number;
  nonEmpty: number;
  distinct: number;
  approximate: boolean;
  counts: number[];
  distinctCounts: number[];
  /** Whole years between the earliest and the latest date (0 when there is none). */
  dateSpanYears: number;
}

/**
 * The evidence of a column's values: which detectors matched how many values, and which of them
 * decides. `hints` is what the header said, for shapes that are ambiguous alone (bare 7 digits,
 * gender codes). Pure: the same tally and hints give the same evidence on any thread.
 */
export function evidenceOf(tally: ValueTally, hints: ValueHints = {}): ValueEvidence {
  const sub = hints.subcategory ?? null;
  const approx = tally.approximate;
  const distinct = tally.distinct;
  const dd = tally.distinctCounts;
  const c = tally.counts;
  const ne = tally.nonEmpty;
  const num = (n: number): string => (approx ? `about ${Math.round(n)}` : `${n}`);
  const est = approx ? ' (distinct counts estimated from a hash sample)' : '';
  const findings: ValueFinding[] = [];

  const push = (
    detector: string,
    category: Category,
    subcategory: string,
    matched: number,
    matchedDistinct: number,
    shape: string,
    decisive: boolean,
  ): void => {
    if (matched === 0) return;
    findings.push({
      detector,
      category,
      subcategory,
      matched,
      matchedDistinct,
      rate: ne === 0 ? 0 : matched / ne,
      shape,
      decisive,
    });
  };
  const rowsShape = (what: string, matched: number, md: number): string =>
    `${what} in ${matched} of ${ne} values (${num(md)} distinct)${est}`;

  // Check-digit detectors: the pass rate is over distinct non-empty values (see rules.ts).
  push('my_number', 'my_number', 'individual_number', c[B.MY_NUMBER], dd[B.MY_NUMBER],
    `12 digits, check digit valid in ${num(dd[B.MY_NUMBER])} of ${num(distinct)} distinct values${est}`,
    checkDigitDecisive(dd[B.MY_NUMBER], distinct));
  push('twelve_digit_number', 'unknown', 'numeric_id', c[B.TWELVE_INVALID], dd[B.TWELVE_INVALID],
    `12 digits, My Number check digit fails in ${num(dd[B.TWELVE_INVALID])} of ${num(distinct)} distinct values${est}`,
    false);
  push('corporate_number', 'none', 'corporate', c[B.CORPORATE], dd[B.CORPORATE],
    `13 digits, corporate-number check digit valid in ${num(dd[B.CORPORATE])} of ${num(distinct)} distinct values${est}`,
    checkDigitDecisive(dd[B.CORPORATE], distinct));
  push('credit_card', 'personal', 'financial_account', c[B.CARD], dd[B.CARD],
    `payment card numbers (issuer prefix, Luhn valid) in ${num(dd[B.CARD])} of ${num(distinct)} distinct values${est}`,
    checkDigitDecisive(dd[B.CARD], distinct));

  const pattern = (detector: string, subcategory: string, bit: number, what: string): void => {
    const rate = ne === 0 ? 0 : c[bit] / ne;
    push(detector, 'personal', subcategory, c[bit], dd[bit], rowsShape(what, c[bit], dd[bit]),
      patternDecisive(rate, dd[bit]));
  };
  pattern('phone', 'contact', B.PHONE, 'Japanese phone numbers');
  pattern('email', 'contact', B.EMAIL, 'e-mail addresses');
  pattern('address', 'address', B.ADDRESS, 'Japanese addresses (prefecture or municipality)');
  pattern('ip_address', 'online_id', B.IP, 'IP addresses');
  pattern('passport', 'gov_id', B.PASSPORT, 'passport-number shapes (2 letters + 7 digits)');

  // Postal codes: 〒/hyphenated always; bare 7 digits only when the header says postal code.
  {
    const bare = sub === 'postal_code';
    const m = c[B.POSTAL] + (bare ? c[B.SEVEN_DIGITS] : 0);
    const md = dd[B.POSTAL] + (bare ? dd[B.SEVEN_DIGITS] : 0);
    const what = bare ? 'postal codes (〒, 3-4 or 7 digits)' : 'postal codes (〒 or 3-4 digits)';
    push('postal_code', 'personal', 'postal_code', m, md, rowsShape(what, m, md),
      patternDecisive(ne === 0 ? 0 : m / ne, md));
  }
  if (sub === 'financial_account') {
    const m = c[B.SEVEN_DIGITS];
    push('bank_account', 'personal', 'financial_account', m, dd[B.SEVEN_DIGITS],
      rowsShape('7-digit account numbers', m, dd[B.SEVEN_DIGITS]),
      patternDecisive(ne === 0 ? 0 : m / ne, dd[B.SEVEN_DIGITS]));
  }
  {
    const codes = sub === 'gender';
    const m = c[B.GENDER] + (codes ? c[B.GENDER_CODE] : 0);
    const md = dd[B.GENDER] + (codes ? dd[B.GENDER_CODE] : 0);
    const what = codes ? 'gender words, letters or codes' : 'gender words or letters';
    push('gender', 'personal', 'gender', m, md, rowsShape(what, m, md),
      genderDecisive(ne === 0 ? 0 : m / ne, m, md));
  }
  {
    const nameRate = ne === 0 ? 0 : c[B.NAME] / ne;
    push('person_name', 'personal', 'name', c[B.NAME], dd[B.NAME],
      rowsShape('person-name shapes (family and given name)', c[B.NAME], dd[B.NAME]),
      weakDecisive(nameRate, dd[B.NAME]));
  }
  const dates = c[B.DATE];
  if (dates > 0) {
    const plausible = c[B.BIRTH_PLAUSIBLE];
    const spanYears = tally.dateSpanYears;
    const rate = ne === 0 ? 0 : dates / ne;
    const span = spanYears >= 1 ? `spanning ${spanYears} years` : 'spanning under a year';
    const what = `dates ${span}, ${plausible} of ${dates} at a plausible age (0–120)`;
    if (looksLikeBirthDates(plausible, dates, spanYears)) {
      push('birth_date', 'personal', 'birth_date', dates, dd[B.DATE], rowsShape(what, dates, dd[B.DATE]),
        birthDecisive(rate, dd[B.DATE]));
    } else {
      push('date', 'none', 'date', dates, dd[B.DATE], rowsShape(what, dates, dd[B.DATE]), false);
    }
  }

  findings.sort(compareFindings);
  const top = findings[0];
  const best = top !== undefined && (top.decisive || top.rate >= 0.5) ? top : undefined;
  const evidence: ValueEvidence = { sampled: tally.sampled, nonEmpty: ne, distinct, findings };
  if (best) evidence.best = best;
  return evidence;
}

/** Decisive first; among decisive, the stronger category; then the higher rate. */
export function compareFindings(a: ValueFinding, b: ValueFinding): number {
  if (a.decisive !== b.decisive) return a.decisive ? -1 : 1;
  if (a.decisive && a.category !== b.category) return CATEGORY_RANK[b.category] - CATEGORY_RANK[a.category];
  if (a.rate !== b.rate) return b.rate - a.rate;
  return CATEGORY_RANK[b.category] - CATEGORY_RANK[a.category];
}

/** Convenience: profile a whole array of cells. */
export function profileValues(values: Iterable<string>, hints?: ValueHints, options?: ProfilerOptions): ValueEvidence {
  const p = new ColumnProfiler(options);
  for (const v of values) p.add(v);
  return p.result(hints);
}

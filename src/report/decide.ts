// Combine what a column's header says with what its sampled values show.
// The header is read cautiously and stays in charge, with two exceptions where values are stronger
// than any name: valid My Numbers (a check digit over ≥ 5 distinct values: see src/values/README.md)
// win over every header, and payment card numbers (issuer prefix + Luhn) win over a `none` header.
// An `unknown` header takes any decisive value finding. Reasons carry shapes and counts, never values.
import type { Category, HeaderEvidence, Reason, ValueEvidence, ValueFinding } from '../types.js';
import { CATEGORY_RANK } from '../types.js';
import { CHECK_DIGIT_MIN_DISTINCT, WEAK_DETECTORS } from '../values/rules.js';

export interface Decision {
  category: Category;
  subcategory: string | null;
  confidence: number;
  reasons: Reason[];
  /** Set when the values show a stronger category than the header says. */
  headerHid?: boolean;
}

/** A my_number header at or above this confidence "says so explicitly" and is kept whatever the values. */
export const EXPLICIT_HEADER_CONFIDENCE = 0.7;

const LABELS: Record<string, string> = {
  my_number: 'My Numbers',
  corporate_number: 'corporate numbers',
  phone: 'phone numbers',
  email: 'e-mail addresses',
  postal_code: 'postal codes',
  address: 'addresses',
  birth_date: 'birth dates',
  date: 'dates',
  person_name: 'person names',
  gender: 'gender values',
  credit_card: 'payment card numbers',
  bank_account: 'bank account numbers',
  ip_address: 'IP addresses',
  passport: 'passport numbers',
  twelve_digit_number: '12-digit numbers',
};

function label(f: ValueFinding): string {
  return LABELS[f.detector] ?? f.detector.replace(/_/g, ' ');
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Move confidence a fraction `k` of the way towards 1 (never above 0.99). */
function raise(c: number, k: number): number {
  return round2(Math.min(0.99, c + (1 - c) * k));
}

function myNumberConfidence(f: ValueFinding): number {
  // 5 valid distinct values already have a false-positive bound of 1e-5; more values, more certainty.
  return round2(0.8 + 0.15 * Math.min(1, f.matchedDistinct / 20));
}

function valueOnlyConfidence(f: ValueFinding): number {
  if (f.category === 'none') return 0.6;
  if (WEAK_DETECTORS.has(f.detector)) return 0.5;
  return round2(0.6 + 0.25 * f.rate * Math.min(1, f.matchedDistinct / 20));
}

function headerToken(h: HeaderEvidence): string | undefined {
  for (const r of h.reasons) if (r.tokens && r.tokens.length > 0) return r.tokens[0];
  return undefined;
}

function valueReason(text: string, tokens?: string): Reason {
  return tokens ? { rule: 'value', text, tokens: [tokens] } : { rule: 'value', text };
}

function agreementText(h: HeaderEvidence, f: ValueFinding): string {
  const tok = headerToken(h);
  return tok ? `header token ${tok} + ${f.shape}` : `header (${h.category}/${h.subcategory ?? '-'}) + ${f.shape}`;
}

function find(v: ValueEvidence, detector: string): ValueFinding | undefined {
  return v.findings.find((f) => f.detector === detector);
}

/**
 * When a header says my_number, the value finding that says otherwise, if any: corporate numbers,
 * 12-digit numbers that mostly fail the check digit, or another decisive shape (phones, dates…).
 */
function contradiction(v: ValueEvidence): ValueFinding | undefined {
  const corp = find(v, 'corporate_number');
  if (corp?.decisive) return corp;
  const bad = find(v, 'twelve_digit_number');
  const good = find(v, 'my_number');
  const goodD = good?.matchedDistinct ?? 0;
  if (bad && bad.matchedDistinct >= CHECK_DIGIT_MIN_DISTINCT && goodD < 0.5 * (goodD + bad.matchedDistinct)) return bad;
  return v.findings.find((f) => f.decisive && f.category !== 'my_number');
}

function fromHeader(h: HeaderEvidence): Decision {
  return { category: h.category, subcategory: h.subcategory, confidence: h.confidence, reasons: [...h.reasons] };
}

export function decide(header: HeaderEvidence, values: ValueEvidence | undefined): Decision {
  const decision = decideBoth(header, values);
  // When the values decided, their reason is the one a reader needs first.
  if (decision.category !== header.category && decision.reasons.length > 1) {
    const last = decision.reasons[decision.reasons.length - 1];
    if (last.rule === 'value') decision.reasons = [last, ...decision.reasons.slice(0, -1)];
  }
  return decision;
}

function decideBoth(header: HeaderEvidence, values: ValueEvidence | undefined): Decision {
  const out = fromHeader(header);
  if (!values || values.nonEmpty === 0 || values.findings.length === 0) return out;
  const tok = headerToken(header);
  const mn = find(values, 'my_number');

  // 1. Valid My Numbers decide the column whatever the header says.
  if (mn?.decisive) {
    if (header.category === 'my_number') {
      out.subcategory = header.subcategory ?? 'individual_number';
      out.confidence = raise(Math.max(header.confidence, 0.5), 0.6);
      out.reasons.push(valueReason(agreementText(header, mn), tok));
      return out;
    }
    return {
      category: 'my_number',
      subcategory: 'individual_number',
      confidence: myNumberConfidence(mn),
      reasons: [...header.reasons, valueReason(`values show My Numbers; the header does not say so: ${mn.shape}`, tok)],
      headerHid: true,
    };
  }

  // 2. A my_number header: the values may agree weakly, or say the column holds something else.
  if (header.category === 'my_number') {
    const contra = contradiction(values);
    if (!contra) {
      if (mn && mn.rate >= 0.5) {
        out.confidence = raise(header.confidence, 0.2);
        out.reasons.push(valueReason(`${agreementText(header, mn)} (too few values to decide alone)`, tok));
      }
      return out;
    }
    if (header.confidence >= EXPLICIT_HEADER_CONFIDENCE) {
      // Cautious gate: the header says My Number in so many words; keep it, but say the values disagree.
      out.confidence = round2(Math.min(header.confidence * 0.6, 0.55));
      out.reasons.push(valueReason(`values do not look like My Numbers: ${contra.shape}`, tok));
      return out;
    }
    const reason = valueReason(`values do not look like My Numbers: ${contra.shape}`, tok);
    if (contra.detector === 'twelve_digit_number') {
      // A system's own 12-digit person number that borrows the words (国保個人番号): personal.
      return { category: 'personal', subcategory: 'resident_id', confidence: 0.5, reasons: [...header.reasons, reason] };
    }
    return {
      category: contra.category,
      subcategory: contra.subcategory,
      confidence: valueOnlyConfidence(contra),
      reasons: [...header.reasons, reason],
    };
  }

  // Below: neither the header nor the values say My Number.
  if (mn && mn.rate >= 0.5) {
    out.reasons.push(
      valueReason(`some values pass the My Number check digit, too few to decide: ${mn.shape}`, tok),
    );
  }
  const decisive = values.findings.filter((f) => f.decisive);

  // 3. Agreement on the subcategory raises confidence.
  const same = values.findings.find(
    (f) => f.category === header.category && f.subcategory === header.subcategory && (f.decisive || f.rate >= 0.5),
  );
  if (same) {
    out.confidence = raise(header.confidence, same.decisive ? 0.5 : 0.2);
    out.reasons.push(valueReason(agreementText(header, same), tok));
    return out;
  }
  const top = decisive[0];
  if (!top) return out;

  // 4. An unknown header takes the decisive value finding (weak shapes need their high rate, which
  //    the profiler's `decisive` already demands).
  if (header.category === 'unknown') {
    const hid = CATEGORY_RANK[top.category] > CATEGORY_RANK.unknown;
    const text = hid
      ? `values look like ${label(top)}; the header does not say so: ${top.shape}`
      : `values look like ${label(top)}: ${top.shape}`;
    const d: Decision = {
      category: top.category,
      subcategory: top.subcategory,
      confidence: valueOnlyConfidence(top),
      reasons: [...header.reasons, valueReason(text, tok)],
    };
    if (hid) d.headerHid = true;
    return d;
  }

  // 5. A `none` header over payment card numbers: a card number is a person's whatever the column is called.
  if (header.category === 'none' && top.detector === 'credit_card') {
    return {
      category: 'personal',
      subcategory: 'financial_account',
      confidence: valueOnlyConfidence(top),
      reasons: [...header.reasons, valueReason(`values look like payment card numbers; the header does not say so: ${top.shape}`, tok)],
      headerHid: true,
    };
  }

  // 6. Otherwise the header stands (it knows whose phone or address it is); note what the values show.
  out.reasons.push(valueReason(`values look like ${label(top)}; the header's reading is kept: ${top.shape}`, tok));
  return out;
}

// Header evidence from segments. Japanese field names are head-final: the last meaningful word says
// what the field is, the words before it say whose it is. One mechanism serves English too
// (first_name, company_address), whose compounds are head-final as well.
import type { DictionaryEntry } from '../dictionary/schema.js';
import type { Category, HeaderEvidence, Reason } from '../types.js';
import type { Segment } from './segment.js';

/** Confidence of a header whose head word is unknown but whose owner is a person. */
const UNKNOWN_HEAD_PERSON_CONFIDENCE = 0.5;
/** Category borrowed from a modifier when the head word is unknown: weak. */
const UNKNOWN_HEAD_FACTOR = 0.5;
const INHERIT_FACTOR = 0.9;
const ORG_OWNED_CONFIDENCE = 0.8;

export interface HeadOptions {
  /** Indices of residue segments known to be grammatical filler (particles, symbols) from kuromoji. */
  fillerResidue?: ReadonlySet<number>;
}

const isFiller = (s: Segment, index: number, options: HeadOptions) =>
  s.kind === 'num' || (s.kind === 'match' && s.entry!.role === 'ignore') || (s.kind === 'residue' && !!options.fillerResidue?.has(index));

/** A word that carries a category of its own (not a neutral word, not filler, not unknown). */
const isMeaningful = (s: Segment) => s.kind === 'match' && s.entry!.category !== 'unknown' && s.entry!.role !== 'ignore';

/** The concluding reason comes first, so a one-line view shows why; token matches follow. */
export function headEvidence(segments: Segment[], options: HeadOptions = {}): HeaderEvidence {
  const evidence = decideHead(segments, options);
  const conclusion = evidence.reasons.pop();
  if (conclusion) evidence.reasons.unshift(conclusion);
  return evidence;
}

function decideHead(segments: Segment[], options: HeadOptions): HeaderEvidence {
  const words = segments.map((s, i) => ({ s, i })).filter(({ s, i }) => !isFiller(s, i, options));
  const reasons: Reason[] = segments
    .filter((s) => s.kind === 'match')
    .map((s) => ({
      rule: 'dictionary',
      text: s.entry!.role === 'ignore' ? `token "${s.text}" is filler (${s.entry!.id})` : `token "${s.text}" matched ${s.entry!.id} (${label(s.entry!)})`,
      tokens: [s.text],
      entry: s.entry!.id,
      weight: s.entry!.weight,
    }));
  if (words.length === 0) return unknown(reasons, 'no words to classify');
  const coverage = coverageOf(segments);
  const head = words[words.length - 1].s;
  const modifiers = words.slice(0, -1).map((w) => w.s).reverse(); // nearest first
  const nearest = modifiers.find(isMeaningful);

  if (head.kind !== 'match') return unknownHead(head, modifiers, nearest, reasons, coverage);

  const entry = head.entry!;
  if (entry.orgOwned && nearest?.entry!.role === 'org') {
    reasons.push({
      rule: 'org_owner',
      text: `head "${head.text}" belongs to an organisation ("${nearest.text}"), not a person`,
      tokens: [nearest.text, head.text],
      entry: nearest.entry!.id,
    });
    return { category: 'none', subcategory: 'corporate', confidence: round(ORG_OWNED_CONFIDENCE * scale(coverage)), reasons };
  }
  if (entry.head === 'inherit' && nearest) return inherit(head, nearest, reasons, coverage);
  if (entry.category === 'unknown') {
    return unknown(reasons, `head "${head.text}" (${entry.id}) says nothing on its own and no word before it says whose it is`);
  }
  reasons.push({
    rule: 'head',
    text: `head word "${head.text}" is ${label(entry)}${modifiers.length ? ' (compounds are head-final)' : ''}`,
    tokens: [head.text],
    entry: entry.id,
    weight: entry.weight,
  });
  return { category: entry.category, subcategory: entry.subcategory, confidence: round(entry.weight * scale(coverage)), reasons };
}

/** A neutral head (番号, 名, 日, 区分) takes its category from the nearest meaningful word before it. */
function inherit(head: Segment, from: Segment, reasons: Reason[], coverage: number): HeaderEvidence {
  const h = head.entry!;
  const m = from.entry!;
  let category: Category = m.category;
  let subcategory: string;
  let note = '';
  if (category === 'none') {
    subcategory = h.category === 'none' ? h.subcategory : m.subcategory;
  } else if (category === 'sensitive') {
    subcategory = m.subcategory;
  } else {
    if (category === 'my_number') {
      // Only the number itself is My Number; a date or flag about it is personal data about the person.
      category = 'personal';
      note = '; a field about the My Number is not the number itself';
    }
    subcategory =
      h.ownedSubcategory === 'id'
        ? (m.idSubcategory ?? (m.category === 'personal' ? m.subcategory : 'gov_id'))
        : (h.ownedSubcategory ?? (m.category === 'personal' ? m.subcategory : 'gov_id'));
  }
  reasons.push({
    rule: 'inherit',
    text: `head "${head.text}" is neutral; "${from.text}" before it makes it ${category}/${subcategory}${note}`,
    tokens: [from.text, head.text],
    entry: m.id,
    weight: m.weight,
  });
  return { category, subcategory, confidence: round(Math.min(h.weight, m.weight) * INHERIT_FACTOR * scale(coverage)), reasons };
}

function unknownHead(head: Segment, modifiers: Segment[], nearest: Segment | undefined, reasons: Reason[], coverage: number): HeaderEvidence {
  const person = modifiers.find((s) => s.kind === 'match' && s.entry!.role === 'person');
  if (person) {
    const p = person.entry!;
    reasons.push({
      rule: 'owner',
      text: `head "${head.text}" is not in the dictionaries, but "${person.text}" marks the owner as a person`,
      tokens: [person.text, head.text],
      entry: p.id,
    });
    return { category: 'personal', subcategory: p.category === 'personal' ? p.subcategory : 'other', confidence: UNKNOWN_HEAD_PERSON_CONFIDENCE, reasons };
  }
  if (nearest && nearest.entry!.category !== 'none') {
    const m = nearest.entry!;
    const category = m.category === 'my_number' ? 'personal' : m.category;
    reasons.push({
      rule: 'unknown_head',
      text: `head "${head.text}" is not in the dictionaries; "${nearest.text}" before it is ${label(m)}`,
      tokens: [nearest.text, head.text],
      entry: m.id,
    });
    return { category, subcategory: category === m.category ? m.subcategory : 'gov_id', confidence: round(m.weight * UNKNOWN_HEAD_FACTOR * scale(coverage)), reasons };
  }
  return unknown(reasons, `head "${head.text}" is not in the dictionaries`);
}

function unknown(reasons: Reason[], why: string): HeaderEvidence {
  reasons.push({ rule: 'unknown', text: why });
  return { category: 'unknown', subcategory: null, confidence: 0, reasons };
}

/** Share of the header's letters explained by dictionary matches (digits and filler aside). */
function coverageOf(segments: Segment[]): number {
  let covered = 0;
  let total = 0;
  for (const s of segments) {
    if (s.kind === 'num') continue;
    total += s.end - s.start;
    if (s.kind === 'match') covered += s.end - s.start;
  }
  return total === 0 ? 0 : covered / total;
}

/** Unexplained text lowers confidence but never below half. */
const scale = (coverage: number) => 0.5 + 0.5 * coverage;
const round = (x: number) => Math.round(x * 100) / 100;
const label = (e: DictionaryEntry) => `${e.category}/${e.subcategory}`;

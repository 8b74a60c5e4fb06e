// Header evidence from segments. Japanese field names are head-final: the last meaningful word says
// what the field is, the words before it say whose it is. One mechanism serves English too
// (first_name, company_address), whose compounds are head-final as well.
import type { DictionaryEntry } from '../dictionary/schema.js';
import { CATEGORY_RANK, type Category, type HeaderEvidence, type Reason } from '../types.js';
import { memoByEntry, memoByPair } from './reason-memo.js';
import type { Segment } from './segment.js';

/** Confidence of a header whose head word is unknown but whose owner is a person. */
const UNKNOWN_HEAD_PERSON_CONFIDENCE = 0.5;
/** Category borrowed from a modifier when the head word is unknown: weak. */
const UNKNOWN_HEAD_FACTOR = 0.5;
const INHERIT_FACTOR = 0.9;
const LONE_NEUTRAL_FACTOR = 0.8;
const ORG_OWNED_CONFIDENCE = 0.8;

export interface HeadOptions {
  /** Indices of residue segments known to be grammatical filler (particles, symbols) from kuromoji. */
  fillerResidue?: ReadonlySet<number>;
}

const isFiller = (s: Segment, index: number, options: HeadOptions) =>
  s.kind === 'num' || (s.kind === 'match' && s.entry!.role === 'ignore') || (s.kind === 'residue' && !!options.fillerResidue?.has(index));

/** A token as a reader would write it: the dictionary's spelling for matches. */
const shown = (s: Segment) => s.surface ?? s.text;

/**
 * A word that carries a category of its own: not a neutral word, not filler, not unknown, and not
 * a non-personal neutral head (有無 in 有無区分 is part of the head, not its owner).
 */
const isMeaningful = (s: Segment) =>
  s.kind === 'match' && s.entry!.category !== 'unknown' && s.entry!.role !== 'ignore' && !(s.entry!.head === 'inherit' && s.entry!.category === 'none');

/** A known word that only qualifies (新, 旧, new, old): neither a head nor an owner. */
const isPureNeutral = (s: Segment) => s.kind === 'match' && s.entry!.category === 'unknown' && s.entry!.head !== 'inherit' && s.entry!.role === undefined;

/** One unknown ASCII letter standing as a word of its own. */
const isVariantLetter = (s: Segment) => s.kind === 'residue' && s.script === 'word' && !s.stem && s.text.length === 1;

/** A role word that names no attribute of its own: the person it marks is the only thing it says. */
const isOwnerOnly = (s: Segment) => s.kind === 'match' && s.entry!.role === 'person' && s.entry!.subcategory === 'name';

const isNeutralNoneHead = (s: Segment) => s.kind === 'match' && s.entry!.head === 'inherit' && s.entry!.category === 'none';

// The predicates below are module functions, not arrows written where they are used: an arrow is a
// new closure object each time its expression runs, and the head rule runs for every distinct header.

/** A word that could say whose the field is: a meaningful word, an unknown one, or a non-personal neutral head. */
const mayTellOwner = (s: Segment) => isMeaningful(s) || (s.kind === 'residue' && !s.stem) || isNeutralNoneHead(s);
const isSensitiveWord = (s: Segment) => s.kind === 'match' && s.entry!.category === 'sensitive';
const isMeaningfulNotOwner = (s: Segment) => isMeaningful(s) && !isOwnerOnly(s);
const isVerb = (s: Segment) => s.kind === 'match' && (s.entry!.role === 'predicate' || s.entry!.role === 'copula');
const isCopula = (s: Segment) => s.kind === 'match' && s.entry!.role === 'copula';

/**
 * Where a verb stands among the words (indices into segments), or -1: a leading yes/no word
 * (with_my_number, is_foreigner) or a copula after its subject (crew_is_for_tax_deduction,
 * DependentsIsForCat3Ins). A verb that is the last word is not one (it is the head).
 */
function verbIndex(segments: Segment[], words: number[]): number {
  for (let k = 0; k < words.length - 1; k++) if (k === 0 ? isVerb(segments[words[k]]) : isCopula(segments[words[k]])) return k;
  return -1;
}

/** A matched token (built once per entry and surface: see reason-memo.ts). */
const tokenReason = memoByEntry((entry, token) => ({
  rule: 'dictionary',
  text: entry.role === 'ignore' ? `token "${token}" is filler (${entry.id})` : `token "${token}" matched ${entry.id} (${label(entry)})`,
  tokens: [token],
  entry: entry.id,
  weight: entry.weight,
}));

/** A head word read as its own meaning; `compound` when words stand before it. */
const headReason = memoByEntry((entry, token, compound) => ({
  rule: 'head',
  text: `head word "${token}" is ${label(entry)}${compound ? ' (compounds are head-final)' : ''}`,
  tokens: [token],
  entry: entry.id,
  weight: entry.weight,
}));

/** The concluding reason comes first, so a one-line view shows why; token matches follow. */
export function headEvidence(segments: Segment[], options: HeadOptions = {}): HeaderEvidence {
  const evidence = decideHead(segments, options);
  evidence.reasons = concludingFirst(evidence.reasons);
  return evidence;
}

/**
 * The last reason first, the others after it in order, in a new array of exactly their length: a
 * result keeps its reasons for the run, and the array the rules pushed to has room for many more.
 */
function concludingFirst(reasons: Reason[]): Reason[] {
  const out = reasons.slice(); // a copy is allocated at its exact length
  const n = out.length;
  if (n > 1) {
    out.copyWithin(1, 0, n - 1);
    out[0] = reasons[n - 1];
  }
  return out;
}

function decideHead(segments: Segment[], options: HeadOptions): HeaderEvidence {
  // Loops rather than map/filter chains: this runs for every distinct header.
  // Indices of the segments that are words (not filler).
  const words: number[] = [];
  const reasons: Reason[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (!isFiller(s, i, options)) words.push(i);
    if (s.kind !== 'match') continue;
    reasons.push(tokenReason(s.entry!, shown(s)));
  }
  if (words.length === 0) return unknown(reasons, 'no words to classify');
  const verbAt = verbIndex(segments, words);
  if (verbAt !== -1) {
    const verb = { s: segments[words[verbAt]], i: words[verbAt] };
    const rest = decideHead(segments.slice(verb.i + 1), { ...options, fillerResidue: shiftSet(options.fillerResidue, verb.i + 1) });
    // The verb's own token match goes before the concluding reason, which stays last (see headEvidence).
    const verbMatch = reasons[segments.slice(0, verb.i + 1).filter((s) => s.kind === 'match').length - 1];
    rest.reasons.splice(Math.max(0, rest.reasons.length - 1), 0, verbMatch);
    // A yes/no about sensitive data is kept sensitive (caution); about anything else it is a flag:
    // with_my_number and has_password hold no number and no password. A leading verb before words
    // the dictionaries cannot read says too little; a statement about a subject is a flag whatever
    // it says.
    if (rest.category === 'sensitive' || rest.category === 'none' || (rest.category === 'unknown' && verbAt === 0)) return rest;
    rest.reasons.push({ rule: 'predicate', text: `"${shown(verb.s)}" makes the field a yes/no flag about ${rest.category === 'unknown' ? 'what follows it' : `${rest.category}/${rest.subcategory}`}, not the data itself`, tokens: [shown(verb.s)], entry: verb.s.entry!.id });
    return { category: 'none', subcategory: 'flag', confidence: rest.category === 'unknown' ? round(verb.s.entry!.weight) : rest.confidence, reasons: rest.reasons };
  }
  const coverage = coverageOf(segments);
  // Trailing neutral words (premium_new, address_old) qualify the head; they are not the head. So
  // does one trailing letter (City_F, Post_U: furigana, upper part): a letter names no field.
  let last = words.length - 1;
  while (last > 0 && (isPureNeutral(segments[words[last]]) || isVariantLetter(segments[words[last]]))) last--;
  const head = segments[words[last]];
  const modifiers: Segment[] = []; // nearest first
  for (let k = last - 1; k >= 0; k--) modifiers.push(segments[words[k]]);
  const nearest = modifiers.find(isMeaningful);
  // The nearest word that could say whose the field is: a meaningful word, an unknown one, or a
  // non-personal neutral head (type_name, 機能モード名: the name of a type, not of a person).
  const owner = modifiers.find(mayTellOwner);

  if (head.kind !== 'match') return unknownHead(head, modifiers, nearest, reasons, coverage);

  const entry = head.entry!;
  if (entry.orgOwned && nearest?.entry!.role === 'org') {
    reasons.push({
      rule: 'org_owner',
      text: `head "${shown(head)}" belongs to an organisation ("${shown(nearest)}"), not a person`,
      tokens: [shown(nearest), shown(head)],
      entry: nearest.entry!.id,
    });
    return { category: 'none', subcategory: 'corporate', confidence: round(ORG_OWNED_CONFIDENCE * scale(coverage)), reasons };
  }
  if (isOwnerOnly(head) && nearest?.entry!.category === 'sensitive') {
    // A person named by what they are (disabled_persons, がん患者): the field says that of them.
    return inherit(head, nearest, reasons, coverage);
  }
  if (entry.head === 'inherit') {
    // A word that only says whose the field is (申出人, crew) makes personal data of a head naming
    // what a person owns (番号, 名, コード: those with an ownedSubcategory). A flag, date or amount it
    // merely owns (申出人区分, crew_created) is decided by the words before it, or by its own meaning.
    // A flag, date or amount anywhere after a sensitive word is about it (高度障害Ｓ支払年月日: the
    // date a benefit for a severe disability was paid): caution beats precision there.
    // (An id or name of a person (受診者番号: 受診 + 者 + 番号) stays the person's id or name.)
    const personOwned = entry.ownedSubcategory && nearest && isOwnerOnly(nearest);
    const sensitive = (entry.category === 'none' || entry.category === 'unknown') && !personOwned ? modifiers.find(isSensitiveWord) : undefined;
    if (sensitive && mayInherit(entry, sensitive.entry!)) return inherit(head, sensitive, reasons, coverage);
    const lender = entry.ownedSubcategory ? nearest : modifiers.find(isMeaningfulNotOwner);
    const decided = neutralHead(head, owner, resolveNeutral(segments, lender, options), reasons, coverage);
    if (decided) return decided;
  }
  if (entry.category === 'unknown') {
    return unknown(reasons, `head "${shown(head)}" (${entry.id}) says nothing on its own and no word before it says whose it is`);
  }
  // A neutral head standing alone (名, カナ, 日付) is read as its own meaning, less surely.
  const alone = entry.head === 'inherit' ? LONE_NEUTRAL_FACTOR : 1;
  reasons.push(headReason(entry, shown(head), modifiers.length > 0));
  return { category: entry.category, subcategory: entry.subcategory, confidence: round(entry.weight * alone * scale(coverage)), reasons };
}

/**
 * A neutral head (番号, 名, 日, 区分, 金額) is decided by what stands before it: a non-personal neutral
 * head owns it (type_name), an unknown word hides its owner (block_name → unknown; a flag or date of
 * an unknown thing stays a plain flag or date), or the nearest meaningful word lends its category
 * within the head's inheritsFrom. Undefined when nothing before it decides (the head stands alone).
 */
function neutralHead(head: Segment, owner: Segment | undefined, nearest: Segment | undefined, reasons: Reason[], coverage: number): HeaderEvidence | undefined {
  const entry = head.entry!;
  if (owner && isNeutralNoneHead(owner) && entry.category !== 'none') {
    reasons.push({ rule: 'inherit', text: `head "${shown(head)}" belongs to "${shown(owner)}" (${label(owner.entry!)}), not to a person`, tokens: [shown(owner), shown(head)], entry: owner.entry!.id });
    return { category: 'none', subcategory: owner.entry!.subcategory, confidence: round(Math.min(entry.weight, owner.entry!.weight) * INHERIT_FACTOR * scale(coverage)), reasons };
  }
  if (owner?.kind === 'residue' && entry.category !== 'none' && entry.category !== 'sensitive') {
    // block_name, 規格名: the name of something the dictionaries do not know need not be a person's.
    // (A date or amount of an unknown thing stays a plain date or amount, and a sensitive head of
    // an unknown thing stays sensitive, 眼科所見: caution beats precision there.)
    return unknown(reasons, `head "${shown(head)}" is neutral and the word before it, "${shown(owner)}", is not in the dictionaries, so whose it is is unknown`);
  }
  if (owner?.kind === 'residue' && !(nearest && CATEGORY_RANK[nearest.entry!.category] > CATEGORY_RANK.personal)) {
    // 口座名義人特認区分: an unknown word stands between the flag and the person; the flag is about it.
    // Sensitive and My Number words still pass through (がん診断確定日): caution beats precision there.
    reasons.push({ rule: 'head', text: `head "${shown(head)}" is neutral and the word before it, "${shown(owner)}", is not in the dictionaries; read as ${label(entry)}`, tokens: [shown(head)], entry: entry.id, weight: entry.weight });
    return { category: entry.category, subcategory: entry.subcategory, confidence: round(entry.weight * UNKNOWN_HEAD_FACTOR * scale(coverage)), reasons };
  }
  if (nearest && mayInherit(entry, nearest.entry!)) return inherit(head, nearest, reasons, coverage);
  if (nearest && entry.category !== 'unknown') {
    reasons.push({ rule: 'head', text: `head "${shown(head)}" does not take its category from "${shown(nearest)}" (${label(nearest.entry!)}); read as ${label(entry)}`, tokens: [shown(head)], entry: entry.id, weight: entry.weight });
    return { category: entry.category, subcategory: entry.subcategory, confidence: round(entry.weight * INHERIT_FACTOR * scale(coverage)), reasons };
  }
  return undefined;
}

/**
 * A neutral word before a neutral head is itself decided by what stands before it: in 業者名コード
 * the code belongs to 業者名, the name of a vendor (none), not to a person's name. The modifier is
 * replaced by a copy carrying the category that its own compound resolves to.
 */
function resolveNeutral(segments: Segment[], modifier: Segment | undefined, options: HeadOptions): Segment | undefined {
  if (!modifier || modifier.entry!.head !== 'inherit') return modifier;
  const end = segments.indexOf(modifier);
  if (end <= 0) return modifier;
  const inner = decideHead(segments.slice(0, end + 1), options);
  if (inner.category === 'unknown' || inner.category === modifier.entry!.category) return modifier;
  return { ...modifier, entry: { ...modifier.entry!, category: inner.category, subcategory: inner.subcategory ?? modifier.entry!.subcategory } };
}

/** Whether a neutral head may take its category from this modifier (its inheritsFrom list, if any). */
function mayInherit(head: DictionaryEntry, modifier: DictionaryEntry): boolean {
  if (!head.inheritsFrom || modifier.category === 'none') return true;
  return head.inheritsFrom.includes(modifier.category) || head.inheritsFrom.includes(`${modifier.category}/${modifier.subcategory}`);
}

/** A neutral head (番号, 名, 日, 区分) takes its category from the nearest meaningful word before it. */
function inherit(head: Segment, from: Segment, reasons: Reason[], coverage: number): HeaderEvidence {
  const h = head.entry!;
  const m = from.entry!;
  const kind = inheritedKind(h, m);
  reasons.push(inheritReason(h, m, shown(head), shown(from)));
  if (kind.aboutMyNumber) return { category: 'none', subcategory: h.subcategory, confidence: round(h.weight * INHERIT_FACTOR * scale(coverage)), reasons };
  return { category: kind.category, subcategory: kind.subcategory, confidence: round(Math.min(h.weight, m.weight) * INHERIT_FACTOR * scale(coverage)), reasons };
}

/**
 * What a neutral head `h` becomes after the modifier `m`: from the two entries alone (the reason
 * built from it is memoised on them). `aboutMyNumber`: a flag, code or amount about the My Number
 * keeps the head's own meaning (個人番号利用有無 → none/flag).
 */
function inheritedKind(h: DictionaryEntry, m: DictionaryEntry): { category: Category; subcategory: string; aboutMyNumber: boolean } {
  if (m.category === 'none') return { category: 'none', subcategory: h.category === 'none' ? h.subcategory : m.subcategory, aboutMyNumber: false };
  if (m.category === 'sensitive') return { category: 'sensitive', subcategory: m.subcategory, aboutMyNumber: false };
  // Only the number itself is My Number; anything else about it is personal data.
  if (m.category === 'my_number' && h.category === 'none') return { category: 'none', subcategory: h.subcategory, aboutMyNumber: true };
  const subcategory =
    h.ownedSubcategory === 'id'
      ? (m.idSubcategory ?? (m.category === 'personal' ? m.subcategory : 'gov_id'))
      : (h.ownedSubcategory ?? (m.category === 'personal' ? m.subcategory : 'gov_id'));
  return { category: m.category === 'my_number' ? 'personal' : m.category, subcategory, aboutMyNumber: false };
}

/** Why a neutral head took its category from the word before it (built once per pair of words). */
const inheritReason = memoByPair((h, m, headToken, fromToken): Reason => {
  const kind = inheritedKind(h, m);
  if (kind.aboutMyNumber) {
    return { rule: 'inherit', text: `head "${headToken}" is about the My Number ("${fromToken}"), not the number itself: ${label(h)}`, tokens: [fromToken, headToken], entry: h.id, weight: h.weight };
  }
  const note = m.category === 'my_number' ? '; a field about the My Number is not the number itself' : '';
  return {
    rule: 'inherit',
    text: `head "${headToken}" is neutral; "${fromToken}" before it makes it ${kind.category}/${kind.subcategory}${note}`,
    tokens: [fromToken, headToken],
    entry: m.id,
    weight: m.weight,
  };
});

function unknownHead(head: Segment, modifiers: Segment[], nearest: Segment | undefined, reasons: Reason[], coverage: number): HeaderEvidence {
  const person = modifiers.find((s) => s.kind === 'match' && s.entry!.role === 'person');
  if (person) {
    const p = person.entry!;
    reasons.push({
      rule: 'owner',
      text: `head "${shown(head)}" is not in the dictionaries, but "${shown(person)}" marks the owner as a person`,
      tokens: [shown(person), shown(head)],
      entry: p.id,
    });
    // The nearest personal word says more about the field than the role does (customer.address.x).
    const subcategory = nearest?.entry!.category === 'personal' ? nearest.entry!.subcategory : p.category === 'personal' ? p.subcategory : 'other';
    return { category: 'personal', subcategory, confidence: UNKNOWN_HEAD_PERSON_CONFIDENCE, reasons };
  }
  if (nearest && nearest.entry!.category !== 'none') {
    const m = nearest.entry!;
    const category = m.category === 'my_number' ? 'personal' : m.category;
    reasons.push({
      rule: 'unknown_head',
      text: `head "${shown(head)}" is not in the dictionaries; "${shown(nearest)}" before it is ${label(m)}`,
      tokens: [shown(nearest), shown(head)],
      entry: m.id,
    });
    return { category, subcategory: category === m.category ? m.subcategory : 'gov_id', confidence: round(m.weight * UNKNOWN_HEAD_FACTOR * scale(coverage)), reasons };
  }
  return unknown(reasons, `head "${shown(head)}" is not in the dictionaries`);
}

function unknown(reasons: Reason[], why: string): HeaderEvidence {
  reasons.push({ rule: 'unknown', text: why });
  return { category: 'unknown', subcategory: null, confidence: 0, reasons };
}

function shiftSet(set: ReadonlySet<number> | undefined, by: number): Set<number> | undefined {
  return set ? new Set([...set].map((i) => i - by).filter((i) => i >= 0)) : undefined;
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

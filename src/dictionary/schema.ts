// The shape of a dictionary entry, and its validation. Dictionaries are data (YAML or CSV);
// this file only says what an entry may hold.
import { CATEGORIES, type Category } from '../types.js';

/** How an entry behaves as the last (head) word of a header. */
export type HeadMode =
  /** The field is what the entry says (氏名, 住所, 身長, 年度). */
  | 'fixed'
  /** A neutral head (番号, 名, 日, 区分, 金額) whose category comes from the nearest meaningful word before it. */
  | 'inherit';

/** What an entry does when it stands before the head. */
export type Role =
  /** Marks the owner as a person: 者, 本人, 配偶者, 納税者, 顧客, employee, customer. */
  | 'person'
  /** Marks the owner as an organisation: 会社, 店舗, 金融機関, company, store, bank. */
  | 'org'
  /** Filler that never decides anything: など, 等, 欄, の, of. */
  | 'ignore'
  /** A leading yes/no word (with_, use_, needs_): the field is a flag about the rest. */
  | 'predicate'
  /** A verb that states something of the subject (is, has), leading or not: crew_is_for_tax is a flag. */
  | 'copula';

export interface DictionaryEntry {
  id: string;
  term: string;
  reading?: string;
  /**
   * Other spellings. `abbr` holds legacy-system abbreviations (nm, kj, adr, seiymd, kbn) that may end
   * a romaji word whose beginning the dictionaries do not know (hhknnmkj = hhkn + nm + kj).
   */
  aliases?: { ja?: string[]; kana?: string[]; romaji?: string[]; en?: string[]; abbr?: string[] };
  category: Category;
  subcategory: string;
  weight: number;
  head?: HeadMode;
  role?: Role;
  /** Person roles: the subcategory of the identifiers they own (顧客 → customer_id). */
  idSubcategory?: string;
  /** Inherit heads: the subcategory when a person owns the field (名 → name); `id` takes the owner's idSubcategory. */
  ownedSubcategory?: string;
  /**
   * Inherit heads: which categories (my_number, sensitive) or category/subcategory pairs
   * (personal/employment) the head may take from the word before it; others leave the head's own
   * meaning (a date of a mail sent is a processing date; a date of leaving a job is personal).
   */
  inheritsFrom?: string[];
  /** A personal head that an organisation owner makes non-personal (会社電話番号, 店舗住所). */
  orgOwned?: boolean;
  /**
   * Categories (sensitive) or category/subcategory pairs (sensitive/medical) of which the file must
   * hold other fields for this entry to apply: a word that means one thing only in such a file
   * (visit, in a file of diagnoses, is a hospital visit; in a shop's file it is a store visit).
   * See src/classify/context.ts.
   */
  context?: string[];
  /** Headers containing one of these are not matched by this entry at that place. */
  exclude?: string[];
  /** Self-tests: headers that must / must not classify as this entry's category through this entry. */
  examples?: { match?: string[]; nomatch?: string[] };
  /** Readings of the entry's other kanji spellings, from dictionaries/readings.tsv (not written in entries). */
  readings?: string[];
  /** Where the entry was read from (file:line), for messages. */
  origin?: string;
}

export interface EntryProblem {
  origin: string;
  id?: string;
  message: string;
}

const ROLES = new Set(['person', 'org', 'ignore', 'predicate', 'copula']);
const HEADS = new Set(['fixed', 'inherit']);
const ALIAS_KINDS = new Set(['ja', 'kana', 'romaji', 'en', 'abbr']);
const ID_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

/** Checks one raw entry; returns the problems found (empty when the entry is valid). */
export function validateEntry(raw: unknown, origin: string): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return [{ origin, message: 'an entry must be a mapping with id, term, category, subcategory' }];
  }
  const e = raw as Record<string, unknown>;
  const id = typeof e.id === 'string' ? e.id : undefined;
  const add = (message: string) => problems.push({ origin, id, message });
  if (!id) add('missing id');
  else if (!ID_PATTERN.test(id)) add(`id "${id}" must be lower-case words joined by dots`);
  if (typeof e.term !== 'string' || !e.term.trim()) add('missing term');
  if (!CATEGORIES.includes(e.category as Category)) add(`category must be one of ${CATEGORIES.join(', ')}`);
  if (typeof e.subcategory !== 'string' || !e.subcategory) add('missing subcategory');
  if (e.weight !== undefined && (typeof e.weight !== 'number' || e.weight <= 0 || e.weight > 1)) add('weight must be a number in (0, 1]');
  if (e.head !== undefined && !HEADS.has(e.head as string)) add('head must be fixed or inherit');
  if (e.role !== undefined && !ROLES.has(e.role as string)) add('role must be person, org, ignore, predicate or copula');
  if (e.reading !== undefined && (typeof e.reading !== 'string' || !/^[\u30A0-\u30FF]+$/u.test(e.reading))) add('reading must be katakana');
  if (e.aliases !== undefined) {
    if (typeof e.aliases !== 'object' || e.aliases === null || Array.isArray(e.aliases)) add('aliases must be a mapping of ja/kana/romaji/en lists');
    else
      for (const [kind, list] of Object.entries(e.aliases)) {
        if (!ALIAS_KINDS.has(kind)) add(`unknown alias kind "${kind}" (use ja, kana, romaji, en, abbr)`);
        else if (!isStringList(list)) add(`aliases.${kind} must be a list of strings`);
      }
  }
  if (e.exclude !== undefined && !isStringList(e.exclude)) add('exclude must be a list of strings');
  if (e.inheritsFrom !== undefined && !isStringList(e.inheritsFrom)) add('inheritsFrom must be a list of categories or category/subcategory pairs');
  if (e.context !== undefined && (!isStringList(e.context) || e.context.length === 0 || !e.context.every(isKind)))
    add('context must be a non-empty list of categories or category/subcategory pairs (sensitive/medical)');
  if (e.examples !== undefined) {
    const ex = e.examples as Record<string, unknown>;
    if (typeof ex !== 'object' || ex === null) add('examples must be a mapping with match and nomatch lists');
    else {
      if (ex.match !== undefined && !isStringList(ex.match)) add('examples.match must be a list of strings');
      if (ex.nomatch !== undefined && !isStringList(ex.nomatch)) add('examples.nomatch must be a list of strings');
    }
  }
  const known = new Set(['id', 'term', 'reading', 'aliases', 'category', 'subcategory', 'weight', 'head', 'role', 'idSubcategory', 'ownedSubcategory', 'inheritsFrom', 'orgOwned', 'context', 'exclude', 'examples']);
  for (const key of Object.keys(e)) if (!known.has(key)) add(`unknown field "${key}"`);
  return problems;
}

/** A category, or a category/subcategory pair: what a context or an inheritance names. */
function isKind(value: string): boolean {
  const [category, subcategory, rest] = value.split('/');
  return CATEGORIES.includes(category as Category) && rest === undefined && (subcategory === undefined || /^[a-z_]+$/.test(subcategory));
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Fills defaults into a validated raw entry. */
export function toEntry(raw: Record<string, unknown>, origin: string): DictionaryEntry {
  return {
    ...(raw as unknown as DictionaryEntry),
    weight: (raw.weight as number | undefined) ?? 0.9,
    head: (raw.head as HeadMode | undefined) ?? 'fixed',
    origin,
  };
}

/** Every surface form an entry is written in (term, aliases, reading). */
export function surfacesOf(entry: DictionaryEntry): string[] {
  const a = entry.aliases ?? {};
  return [entry.term, ...(a.ja ?? []), ...(a.kana ?? []), ...(a.romaji ?? []), ...(a.en ?? []), ...(a.abbr ?? [])];
}

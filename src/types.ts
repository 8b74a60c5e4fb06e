// Shared types of the kojin pipeline. Every stage takes and returns plain values of these shapes,
// so each stage can be tested on its own.

/** The classification categories, as in ../shared/taxonomy.md. */
export type Category = 'my_number' | 'sensitive' | 'personal' | 'none' | 'unknown';

export const CATEGORIES: readonly Category[] = ['my_number', 'sensitive', 'personal', 'none', 'unknown'];

/**
 * Strength used when a file (or a composite field) takes its strongest category.
 * `unknown` ranks above `none`: a field nobody can explain may hold anything, so a cautious
 * steward does not call a file non-personal while one of its fields is unexplained.
 */
export const CATEGORY_RANK: Readonly<Record<Category, number>> = {
  my_number: 4,
  sensitive: 3,
  personal: 2,
  unknown: 1,
  none: 0,
};

export function strongerCategory(a: Category, b: Category): Category {
  return CATEGORY_RANK[a] >= CATEGORY_RANK[b] ? a : b;
}

/** One step of the evidence that led to a decision, kept short and human-readable. */
export interface Reason {
  /** Which mechanism produced it: dictionary, head, owner, org_owner, inherit, composite, value, … */
  rule: string;
  /** A sentence in English; formatters may translate via `code`. */
  text: string;
  /** The header token(s) concerned (header text, never a cell value). */
  tokens?: string[];
  /** Dictionary entry id, when one fired. */
  entry?: string;
  weight?: number;
}

/** What the header alone says. */
export interface HeaderEvidence {
  category: Category;
  subcategory: string | null;
  confidence: number;
  reasons: Reason[];
}

/**
 * What sampled values say about a column. Shapes and counts only: no value is ever kept here.
 * Produced by src/values (evidenceOf, from a ColumnProfiler's tally and what the header says).
 */
export interface ValueEvidence {
  /** Values offered to the profiler (empty ones included). */
  sampled: number;
  nonEmpty: number;
  /** Distinct non-empty values (counted over a bounded set of hashes). */
  distinct: number;
  /** The detector that explains the column best, when one does. */
  best?: ValueFinding;
  /** Every detector that matched at least one value, strongest first. */
  findings: ValueFinding[];
}

export interface ValueFinding {
  /** Detector id: my_number, corporate_number, phone, email, postal_code, address, birth_date, … */
  detector: string;
  category: Category;
  subcategory: string;
  /** Non-empty values matching, and distinct non-empty values matching. */
  matched: number;
  matchedDistinct: number;
  /** matched / nonEmpty */
  rate: number;
  /** A shape description such as "12 digits, check digit valid" (never a value). */
  shape: string;
  /** Whether this finding is strong enough to decide a column on its own. */
  decisive: boolean;
}

/** Where a field was found, for reports that locate findings (SARIF). 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface FieldReport {
  /** Field name as shown (header text, dotted JSON path, DDL column, `column N` when headerless). */
  name: string;
  /** 0-based position of the field in its table. */
  index: number;
  category: Category;
  subcategory: string | null;
  confidence: number;
  reasons: Reason[];
  /** Set when the header said something weaker than the values: the header hid what the column holds. */
  headerHid?: boolean;
  /** Parts of a composite field, e.g. 顧客番号（区市コード、税目コード、…）. */
  parts?: FieldReport[];
  /** Value shapes for the column, when values were sampled. */
  values?: ValueEvidence;
  position?: SourcePosition;
  /** Set by the policy stage when a config declaration covers the field. */
  declared?: Declaration;
}

export interface Declaration {
  path: string;
  field?: string;
  column?: number;
  category: Category;
  purpose: string;
  owner?: string;
}

export interface TableReport {
  /** Sheet, SQL table, JSON root… undefined for single-table files. */
  name?: string;
  kind: TableKind;
  fields: FieldReport[];
  rowsSampled: number;
}

export type TableKind = 'data' | 'layout' | 'schema';

export interface FileReport {
  path: string;
  format?: string;
  encoding?: string;
  tables: TableReport[];
  /** Strongest category among all fields of all tables. */
  category: Category;
  warnings: string[];
  /** One line saying why the file could not be read; the file then has no tables. */
  error?: string;
}

export interface CategoryCounts {
  my_number: number;
  sensitive: number;
  personal: number;
  none: number;
  unknown: number;
}

export interface Summary {
  files: number;
  filesWithErrors: number;
  fields: number;
  byCategory: CategoryCounts;
  bySubcategory: Record<string, number>;
  /** Files that hold a my_number field: 特定個人情報ファイル. */
  specificPersonalInformationFiles: string[];
  /** Findings that fail the gate (category in failOn, not declared, not in baseline). */
  failures: Failure[];
}

export interface Failure {
  path: string;
  table?: string;
  field: string;
  category: Category;
  subcategory: string | null;
  fingerprint: string;
}

export interface ScanReport {
  version: string;
  files: FileReport[];
  summary: Summary;
}

export interface ClassifyResult {
  header: string;
  category: Category;
  subcategory: string | null;
  confidence: number;
  reasons: Reason[];
  parts?: ClassifyResult[];
}

// The scan pipeline for one input: read and tally sampled values (readEvidence: all a worker thread
// does) → classify headers → judge the tallies with what the headers say → decide (judgeFile).
// Everything that can go wrong with the input becomes FileReport.error; nothing escapes as a throw.
import type { HeaderClassifier } from './classify/classifier.js';
import { changedInContext, contextReason, fileContext, type FieldContext } from './classify/context.js';
import { readSource } from './read/index.js';
import { describeFsError, openFile } from './read/source.js';
import { ReadError, type ByteSource, type FieldSource, type Limits, type TableSource } from './read/types.js';
import { decide } from './report/decide.js';
import { fileCategory } from './report/summarize.js';
import type { ClassifyResult, FieldReport, FileReport, HeaderEvidence, TableKind, TableReport } from './types.js';
import { CATEGORY_RANK } from './types.js';
import { ColumnProfiler, evidenceOf, MEMO_DEFAULT_ENTRIES, type ValueTally } from './values/profiler.js';
import { profileCellBatches, type ColumnThreads } from './parallel/columns.js';
import type { RangeThreads } from './parallel/ranges.js';

/** Memo entries for all the columns of one table together (a few MB at most). */
const MEMO_BUDGET = 1 << 18;

export interface ScanOptions {
  classifier: HeaderClassifier;
  /** Rows sampled per table (0: headers only). */
  sample: number;
  /** Read every row, in constant memory. */
  allRows: boolean;
  encoding?: string;
  limits: Limits;
  /** A helper thread for the columns of one large --all-rows CSV table (parallel/columns.ts). */
  columnThreads?: ColumnThreads;
  /** Threads for the byte ranges of one large --all-rows CSV table (parallel/ranges.ts). */
  rangeThreads?: RangeThreads;
}

export async function scanPath(path: string, options: ScanOptions): Promise<FileReport> {
  let source: ByteSource;
  try {
    source = await openFile(path);
  } catch (error) {
    return failed(path, error);
  }
  return scanSource(source, options);
}

export async function scanSource(source: ByteSource, options: ScanOptions): Promise<FileReport> {
  // Each table's headers are classified as soon as its fields are known, while its rows are read
  // (a classifier that must load kuromoji loads it meanwhile).
  const headers: Promise<HeaderResult[]>[] = [];
  const read = await readEvidence(source, options, (fields, headerless) => {
    const evidence = Promise.all(fields.map((field) => headerEvidence(field, headerless, options.classifier)));
    evidence.catch(() => {}); // awaited by judgeFile; never an unhandled rejection while rows are read
    headers.push(evidence);
  });
  return judgeFile(source.path, read, options.classifier, headers);
}

/**
 * The report of a file that readEvidence read: every field's header classified (`started`: the
 * classifications already under way, per table), read again in the file's context, and decided
 * with its values' evidence. A classifier that fails (kuromoji could not load) fails the file.
 */
export async function judgeFile(path: string, read: FileEvidence, classifier: HeaderClassifier, started: Promise<HeaderResult[]>[] = []): Promise<FileReport> {
  if (read.error !== undefined) return { path, tables: [], category: 'unknown', warnings: [], error: read.error };
  let plain: HeaderResult[][];
  let inContext: HeaderResult[][];
  try {
    plain = await Promise.all(
      read.tables.map((table, t) => started[t] ?? Promise.all(table.fields.map((field) => headerEvidence(field, table.headerless, classifier)))),
    );
    inContext = await withFileContext(read, plain, classifier);
  } catch (error) {
    return failed(path, error);
  }
  const tables = read.tables.map((table, t) => finishTable(table, plain[t], inContext[t]));
  const report: FileReport = { path, format: read.format, encoding: read.encoding, tables, category: 'unknown', warnings: read.warnings };
  report.category = fileCategory(report);
  return report;
}

/**
 * Reads every field again with what the file's other fields are (src/classify/context.ts), and keeps
 * a new reading where a contextual entry changed it. Value detectors were given the plain readings'
 * subcategories while the rows were read; the values weigh in later, in decide(), as for any field.
 */
export async function withFileContext(read: FileEvidence, headers: HeaderResult[][], classifier: HeaderClassifier): Promise<HeaderResult[][]> {
  if (read.error !== undefined) return headers;
  const context = fileContext(
    headers.flat().map((h) => h.evidence),
    classifier.contextKinds,
  );
  if (!context) return headers;
  return Promise.all(
    read.tables.map((table, t) =>
      Promise.all(
        table.fields.map(async (field, i) => {
          const plain = headers[t][i];
          if (table.headerless) return plain;
          const inContext = await headerEvidence(field, false, classifier, context);
          if (!changedInContext(plain.evidence, inContext.evidence)) return plain;
          const used = classifier.contextsUsed({ reasons: inContext.evidence.reasons, parts: inContext.parts });
          return { ...inContext, evidence: { ...inContext.evidence, reasons: [contextReason(context, used), ...inContext.evidence.reasons] } };
        }),
      ),
    ),
  );
}

/** What reading one file yields before its headers are judged: plain data, so a worker can send it. */
export interface FileEvidence {
  format?: string;
  encoding?: string;
  tables: TableEvidence[];
  warnings: string[];
  /** Set when the file could not be read; tables and warnings are then empty. */
  error?: string;
}

export interface TableEvidence {
  name?: string;
  kind: TableKind;
  fields: FieldSource[];
  headerless: boolean;
  rowsSampled: number;
  /** Per field: what the sampled values showed, in counts (undefined when nothing was sampled). */
  tallies: (ValueTally | undefined)[];
}

/** The options that reading and value profiling need (no classifier: it stays on the main thread). */
export type EvidenceOptions = Pick<ScanOptions, 'sample' | 'allRows' | 'encoding' | 'limits' | 'columnThreads' | 'rangeThreads'>;

/**
 * Reads a source and tallies the values of every table. `onFields` is told each table's fields as
 * soon as they are known, before its rows are read. Never throws: a failure becomes `error`.
 */
export async function readEvidence(source: ByteSource, options: EvidenceOptions, onFields?: (fields: FieldSource[], headerless: boolean) => void): Promise<FileEvidence> {
  try {
    const parsed = await readSource(source, {
      encoding: options.encoding,
      sampleRows: options.sample,
      allRows: options.allRows,
      limits: options.limits,
    });
    const tables: TableEvidence[] = [];
    const warnings = [...parsed.warnings];
    for await (const table of parsed.tables) {
      onFields?.(table.fields, table.headerless === true);
      tables.push(await profileTable(table, options));
      warnings.push(...table.warnings.map((w) => (table.name ? `${table.name}: ${w}` : w)));
    }
    return { format: parsed.format, encoding: parsed.encoding, tables, warnings };
  } catch (error) {
    return { tables: [], warnings: [], error: describeError(error) };
  }
}

async function profileTable(table: TableSource, options: EvidenceOptions): Promise<TableEvidence> {
  const headerless = table.headerless === true;
  const named = table.name !== undefined ? { name: table.name } : {};
  const profiling = table.kind === 'data' && (options.sample > 0 || options.allRows);
  if (profiling && options.allRows && table.cellBatches && table.fields.length > 0) {
    // The memo of repeated cells (ColumnProfiler.addSpan) shares one budget across a table's columns.
    const memoEntries = Math.min(MEMO_DEFAULT_ENTRIES, Math.floor(MEMO_BUDGET / table.fields.length));
    const ranges = options.rangeThreads && table.byteRanges ? { source: table.byteRanges, threads: options.rangeThreads } : undefined;
    const profiles = await profileCellBatches(table.cellBatches, table.fields.length, { memoEntries, now: new Date(), threads: options.columnThreads, ranges });
    return { ...named, kind: table.kind, fields: table.fields, headerless, rowsSampled: profiles.rows, tallies: await profiles.tallies() };
  }
  const profilers = profiling ? table.fields.map(() => new ColumnProfiler()) : [];
  let rowsSampled = 0;
  if (profilers.length > 0) {
    for await (const row of table.rows) {
      if (!options.allRows && rowsSampled >= options.sample) break;
      rowsSampled++;
      const n = Math.min(row.length, profilers.length);
      for (let i = 0; i < n; i++) {
        const cell = row[i];
        profilers[i].add(cell == null ? '' : cell);
      }
    }
  }
  const tallies = table.fields.map((_, index) => profilers[index]?.tally());
  return { ...named, kind: table.kind, fields: table.fields, headerless, rowsSampled, tallies };
}

export interface HeaderResult {
  evidence: HeaderEvidence;
  parts?: ClassifyResult[];
}

/**
 * A table's report: each field decided by its header in the file's context (`headers`) and by its
 * values, judged with what its plain header says (`plain`: as when the values were first weighed).
 */
function finishTable(table: TableEvidence, plain: HeaderResult[], headers: HeaderResult[]): TableReport {
  const fields: FieldReport[] = [];
  for (let index = 0; index < table.fields.length; index++) {
    const field = table.fields[index];
    const header = headers[index];
    const tally = table.tallies[index];
    const values = tally && tally.sampled > 0 ? evidenceOf(tally, { subcategory: plain[index].evidence.subcategory ?? null }) : undefined;
    const decision = decide(header.evidence, values);
    fields.push({
      name: field.name,
      index,
      category: decision.category,
      subcategory: decision.subcategory,
      confidence: decision.confidence,
      reasons: decision.reasons,
      ...(decision.headerHid ? { headerHid: true } : {}),
      ...(header.parts?.length ? { parts: header.parts.map((p, i) => partReport(p, i)) } : {}),
      ...(values ? { values } : {}),
      ...(field.position ? { position: field.position } : {}),
    });
  }
  return { ...(table.name !== undefined ? { name: table.name } : {}), kind: table.kind, fields, rowsSampled: table.rowsSampled };
}

/**
 * What the header says. A headerless column has no header evidence; a field with a comment (DDL,
 * layout descriptions) is judged by the stronger of its name and its comment.
 */
/** How sure a comment must be to override what a known field name says. */
const COMMENT_OVERRIDE_CONFIDENCE = 0.75;

export async function headerEvidence(field: FieldSource, headerless: boolean, classifier: HeaderClassifier, context?: FieldContext): Promise<HeaderResult> {
  if (headerless) {
    return { evidence: { category: 'unknown', subcategory: null, confidence: 0, reasons: [{ rule: 'headerless', text: 'the file has no header row; only values can tell' }] } };
  }
  const byName = await classifier.classify(field.name, context);
  if (!field.comment) return { evidence: byName, parts: byName.parts };
  const byComment = await classifier.classify(field.comment, context);
  // What is known beats what is not (a 備考 that says nothing does not undo 預金種目 = none). A
  // comment overrides a known name only when it says something stronger with confidence: layout
  // description columns often hold format notes (半角カナ, 右詰め), DDL comments the meaning (氏名).
  const rank = (c: ClassifyResult) => (c.category === 'unknown' ? -1 : CATEGORY_RANK[c.category]);
  const stronger =
    byName.category === 'unknown'
      ? byComment.category !== 'unknown'
      : (rank(byComment) > rank(byName) && byComment.confidence >= COMMENT_OVERRIDE_CONFIDENCE) ||
        (byComment.category === byName.category && byComment.confidence > byName.confidence);
  const chosen = stronger ? byComment : byName;
  const other = stronger ? byName : byComment;
  return {
    evidence: {
      ...chosen,
      reasons: [
        { rule: stronger ? 'comment' : 'name', text: `judged by the ${stronger ? 'comment' : 'column name'} "${chosen.header}"; the ${stronger ? 'column name' : 'comment'} says ${other.category}` },
        ...chosen.reasons,
      ],
    },
    parts: chosen.parts,
  };
}

function partReport(result: ClassifyResult, index: number): FieldReport {
  return {
    name: result.header,
    index,
    category: result.category,
    subcategory: result.subcategory,
    confidence: result.confidence,
    reasons: result.reasons,
    ...(result.parts?.length ? { parts: result.parts.map((p, i) => partReport(p, i)) } : {}),
  };
}

/** A per-file failure: a ReadError's message, or a short description of an unexpected one. */
function failed(path: string, error: unknown): FileReport {
  return { path, tables: [], category: 'unknown', warnings: [], error: describeError(error) };
}

export function describeError(error: unknown): string {
  if (error instanceof ReadError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return describeFsError(error);
  // An unexpected failure inside a parser: say which kind without quoting anything it saw.
  const name = (error as Error)?.name ?? 'Error';
  return `could not be parsed (${name})`;
}

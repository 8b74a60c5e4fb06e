// Sniffing the dialect of delimited text from its head: which delimiter (comma, tab, semicolon,
// pipe) and which quote character, and whether the column count is consistent enough to call a
// .txt file delimited data. Also finds stray quotes in the head, which csv-parse (relaxed) reads
// without complaint.

export type Delimiter = ',' | '\t' | ';' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];
export const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

export interface Dialect {
  delimiter: Delimiter;
  quote: '"' | "'";
  /** The most common number of fields among records with two or more. */
  columns: number;
  /** Share of non-blank records with exactly `columns` fields (title lines count against it). */
  consistency: number;
  /** Non-blank records looked at. */
  records: number;
  /** 1-based line of the first stray quote in the head (a quote inside an unquoted field), if any. */
  strayQuoteLine?: number;
  strayQuotes: number;
}

/** Records of the head looked at. */
const SNIFF_RECORDS = 50;

/**
 * Picks the dialect that splits the head most consistently into two or more columns; ties go to
 * the extension's default (tab for .tsv, comma otherwise) and then to the more columns.
 * @param complete the text is the whole input (else its last line may be cut and is dropped)
 */
export function sniffDialect(text: string, complete: boolean, preferred: Delimiter = ','): Dialect {
  const body = complete ? text : text.slice(0, Math.max(text.lastIndexOf('\n'), 0));
  const quote = sniffQuote(body);
  let best: Dialect | undefined;
  for (const delimiter of DELIMITERS) {
    // A delimiter absent from the text splits nothing (one column, score -1): it cannot beat a
    // dialect of two or more columns, so it is not measured.
    if (best && best.columns >= 2 && body.indexOf(delimiter) === -1) continue;
    const dialect = measure(body, delimiter, quote);
    if (!best || better(dialect, best, preferred)) best = dialect;
  }
  return best!;
}

function better(a: Dialect, b: Dialect, preferred: Delimiter): boolean {
  const score = (d: Dialect) => (d.columns >= 2 ? d.consistency : -1);
  const diff = score(a) - score(b);
  if (Math.abs(diff) > 0.05) return diff > 0;
  if (a.columns >= 2 && b.columns < 2) return true;
  if (b.columns >= 2 && a.columns < 2) return false;
  if (a.delimiter === preferred) return true;
  if (b.delimiter === preferred) return false;
  return a.columns > b.columns;
}

/**
 * Whether a .txt head is delimited data rather than a field list: a consistent column count of
 * two or more over at least four records, 90% of the non-blank ones, and not a Markdown table
 * (lines that start with a pipe are the layout reader's).
 */
export function looksDelimited(dialect: Dialect, text: string): boolean {
  if (dialect.columns < 2 || dialect.records < 4 || dialect.consistency < 0.9) return false;
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  const piped = lines.filter((line) => /^\s*\|/.test(line)).length;
  return piped < lines.length / 2;
}

/** `"` unless the head quotes fields only with `'`. */
function sniffQuote(text: string): '"' | "'" {
  // Without a single quote anywhere the answer is `"`: most heads skip both regex passes.
  if (text.indexOf("'") === -1) return '"';
  const double = countQuotedFields(text, '"');
  const single = countQuotedFields(text, "'");
  return single >= 2 && double === 0 ? "'" : '"';
}

function countQuotedFields(text: string, quote: string): number {
  const q = quote === '"' ? '"' : "'";
  const pattern = new RegExp(`(?:^|[,\\t;|])${q}[^${q}\\r\\n]*${q}(?=[,\\t;|]|\\r?$)`, 'gmu');
  return text.match(pattern)?.length ?? 0;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/** Splits the head into records (quotes may span lines) and measures the field counts. */
function measure(text: string, delimiter: Delimiter, quote: string): Dialect {
  const counts = new Map<number, number>();
  let records = 0;
  let strayQuotes = 0;
  let strayQuoteLine: number | undefined;

  let fields = 1;
  let fieldStart = true;
  let inQuotes = false;
  let afterClose = false;
  let fieldHasText = false;
  let line = 1;
  let recordLine = 1;
  let recordStray = false;

  const endRecord = () => {
    if (fields > 1 || fieldHasText) {
      records++;
      counts.set(fields, (counts.get(fields) ?? 0) + 1);
      if (recordStray) {
        strayQuotes++;
        strayQuoteLine ??= recordLine;
      }
    }
    fields = 1;
    fieldStart = true;
    afterClose = false;
    fieldHasText = false;
    recordStray = false;
    recordLine = line;
  };

  // Code units, not one-character strings: this runs four times over every head.
  const q = quote.charCodeAt(0);
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < text.length && records < SNIFF_RECORDS; i++) {
    const ch = text.charCodeAt(i);
    if (inQuotes) {
      if (ch === q) {
        if (text.charCodeAt(i + 1) === q) i++;
        else {
          inQuotes = false;
          afterClose = true;
        }
      } else if (ch === LF) line++;
      continue;
    }
    if (ch === d) {
      fields++;
      fieldStart = true;
      afterClose = false;
      continue;
    }
    if (ch === LF || ch === CR) {
      if (ch === CR && text.charCodeAt(i + 1) === LF) i++;
      line++;
      endRecord();
      continue;
    }
    if (ch === q && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      fieldHasText = true;
      continue;
    }
    if (ch === SPACE && fieldStart) continue;
    // A quote inside an unquoted field, or text after a closing quote: csv-parse keeps it as text.
    if (ch === q || (afterClose && ch !== SPACE)) recordStray = true;
    fieldStart = false;
    fieldHasText = true;
  }
  if (!inQuotes) endRecord();

  let columns = 0;
  let best = 0;
  for (const [n, c] of counts) {
    if (n >= 2 && (c > best || (c === best && n > columns))) {
      columns = n;
      best = c;
    }
  }
  if (columns === 0) columns = 1;
  return { delimiter, quote: quote as Dialect['quote'], columns, consistency: records ? (counts.get(columns) ?? 0) / records : 0, records, strayQuotes, ...(strayQuoteLine ? { strayQuoteLine } : {}) };
}

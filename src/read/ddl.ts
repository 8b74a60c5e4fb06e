// SQL DDL (.sql, .ddl): one schema table per CREATE TABLE, fields are the column names and a column's
// comment (MySQL `COMMENT '氏名'`, PostgreSQL/Oracle `COMMENT ON COLUMN t.c IS '氏名'`) is kept as
// the field's comment, because in Japanese schemas the comment is often the only readable name
// (shimei → 氏名). INSERT rows, when the file has them, give sampled values.
//
// Dialect-tolerant on purpose: unknown statements are skipped, not errors. See sql-tokens.ts for why
// there is no SQL parser library here.
import { acceptsDdl } from './accepts.js';
import { readWholeText } from './whole-text.js';
import { tokenizeSql, type Token } from './sql-tokens.js';
import type { ByteSource, FieldSource, ParsedSource, Reader, ReadOptions, Row, TableSource } from './types.js';

/** DDL and small dumps only; a multi-GiB dump is not a schema file. */
export const MAX_DDL_BYTES = 64 * 1024 * 1024;

/** Table-level definitions inside CREATE TABLE ( … ) that are not columns. */
const CONSTRAINT_WORDS = new Set([
  'CONSTRAINT', 'PRIMARY', 'FOREIGN', 'UNIQUE', 'INDEX', 'KEY', 'CHECK', 'FULLTEXT', 'SPATIAL',
  'EXCLUDE', 'LIKE', 'PERIOD', 'SUPPLEMENTAL',
]);

export interface DdlTable {
  name: string;
  fields: FieldSource[];
  /** Values from INSERT statements, aligned with fields. */
  rows: (string | null | undefined)[][];
}

export const ddlReader: Reader = {
  format: 'ddl',
  accepts: acceptsDdl,
  async read(source: ByteSource, options: ReadOptions): Promise<ParsedSource> {
    const { text, encoding } = await readWholeText(source, options, MAX_DDL_BYTES, 'SQL file');
    const rowLimit = options.allRows ? Infinity : options.sampleRows;
    const { tables, warnings } = parseDdl(text, rowLimit);
    if (tables.length === 0) warnings.push('no CREATE TABLE statement found; nothing classified');
    const sources: TableSource[] = tables.map((t) => ({
      name: t.name,
      kind: 'schema',
      fields: t.fields,
      rows: iterate<Row>(t.rows),
      warnings: [],
    }));
    return { format: 'ddl', encoding, tables: iterate(sources), warnings };
  },
};

/** Parses DDL text into tables. Pure, for tests. */
export function parseDdl(text: string, rowLimit = Infinity): { tables: DdlTable[]; warnings: string[] } {
  const tables: DdlTable[] = [];
  const byName = new Map<string, DdlTable>();
  const warnings: string[] = [];
  const pendingComments: { table: string; column: string; comment: string }[] = [];
  let insertsUnknown = 0;

  const { tokens, trailingComments } = tokenizeSql(text);
  for (const statement of splitStatements(tokens)) {
    const head = upper(statement[0]);
    if (head === 'CREATE') {
      const table = parseCreateTable(statement, trailingComments, warnings);
      if (table) {
        tables.push(table);
        for (const key of nameKeys(table.name)) if (!byName.has(key)) byName.set(key, table);
      }
    } else if (head === 'COMMENT' && upper(statement[1]) === 'ON' && upper(statement[2]) === 'COLUMN') {
      const target = qualifiedName(statement, 3);
      const isAt = target.end;
      if (target.parts.length >= 2 && upper(statement[isAt]) === 'IS' && statement[isAt + 1]?.type === 'string') {
        pendingComments.push({
          table: target.parts.slice(0, -1).join('.'),
          column: target.parts[target.parts.length - 1],
          comment: statement[isAt + 1].text,
        });
      }
    } else if (head === 'ALTER' && upper(statement[1]) === 'TABLE') {
      parseAlterAdd(statement, byName);
    } else if (head === 'INSERT' || head === 'REPLACE') {
      if (!parseInsert(statement, byName, rowLimit)) insertsUnknown++;
    }
  }

  // COMMENT ON may come before or after its CREATE TABLE; apply them once all tables are known.
  let unmatched = 0;
  for (const c of pendingComments) {
    const table = findTable(byName, c.table);
    const field = table?.fields.find((f) => f.name.toLowerCase() === c.column.toLowerCase());
    if (field) field.comment = c.comment.trim() || field.comment;
    else unmatched++;
  }
  if (unmatched > 0) warnings.push(`${unmatched} COMMENT ON COLUMN statement(s) name a column of no CREATE TABLE in this file`);
  if (insertsUnknown > 0) warnings.push(`${insertsUnknown} INSERT statement(s) for tables not created in this file were skipped`);
  return { tables, warnings };
}

/** Statements end at `;`, at an Oracle `/` alone on its line, or at a SQL Server `GO` line. */
function splitStatements(tokens: Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) statements.push(current);
    current = [];
  };
  tokens.forEach((token, i) => {
    const alone = (i === 0 || tokens[i - 1].line < token.line) && (i + 1 >= tokens.length || tokens[i + 1].line > token.line);
    if (token.type === 'punct' && token.text === ';') flush();
    else if (alone && ((token.type === 'punct' && token.text === '/') || (token.type === 'word' && upper(token) === 'GO'))) flush();
    else current.push(token);
  });
  flush();
  return statements;
}

function parseCreateTable(s: Token[], trailing: Map<number, string>, warnings: string[]): DdlTable | undefined {
  // CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name ( … )
  let i = 1;
  while (i < s.length && i < 8 && s[i].type === 'word' && upper(s[i]) !== 'TABLE') {
    if (!['OR', 'REPLACE', 'GLOBAL', 'LOCAL', 'TEMP', 'TEMPORARY', 'UNLOGGED', 'PRIVATE', 'SHARDED', 'DUPLICATED', 'BLOCKCHAIN', 'IMMUTABLE'].includes(upper(s[i]))) return undefined;
    i++;
  }
  if (upper(s[i]) !== 'TABLE') return undefined;
  i++;
  if (upper(s[i]) === 'IF' && upper(s[i + 1]) === 'NOT' && upper(s[i + 2]) === 'EXISTS') i += 3;
  const name = qualifiedName(s, i);
  if (name.parts.length === 0) return undefined;
  const tableName = name.parts.join('.');
  if (!isPunct(s[name.end], '(')) {
    warnings.push(`CREATE TABLE at line ${s[0].line} has no column list (CREATE TABLE … AS or OF); skipped`);
    return undefined;
  }
  const { items } = splitParenthesised(s, name.end);
  const fields: FieldSource[] = [];
  items.forEach((item, index) => {
    const field = columnDefinition(item);
    if (!field) return;
    // A trailing `-- 氏名` on the definition's last line names the column when COMMENT does not,
    // unless another definition follows on that line (the comment is then that one's).
    const lastLine = item[item.length - 1].line;
    const next = items[index + 1]?.[0];
    const note = next && next.line === lastLine ? undefined : trailing.get(lastLine);
    if (!field.comment && note) field.comment = note;
    fields.push(field);
  });
  return { name: tableName, fields, rows: [] };
}

/** A column definition, or undefined for a table constraint / index line. */
function columnDefinition(item: Token[]): FieldSource | undefined {
  const first = item[0];
  if (!first || (first.type !== 'word' && first.type !== 'ident')) return undefined;
  if (first.type === 'word' && CONSTRAINT_WORDS.has(upper(first))) return undefined;
  const field: FieldSource = { name: first.text, position: { line: first.line, column: first.column } };
  for (let k = 1; k < item.length - 1; k++) {
    if (item[k].type === 'word' && upper(item[k]) === 'COMMENT') {
      const value = isPunct(item[k + 1], '=') ? item[k + 2] : item[k + 1];
      if (value?.type === 'string' && value.text.trim()) field.comment = value.text.trim();
      break;
    }
  }
  return field;
}

/** ALTER TABLE t ADD [COLUMN] c … / ADD (c1 …, c2 …): added columns join the table. */
function parseAlterAdd(s: Token[], byName: Map<string, DdlTable>): void {
  let i = 2;
  if (upper(s[i]) === 'IF' && upper(s[i + 1]) === 'EXISTS') i += 2;
  if (upper(s[i]) === 'ONLY') i++;
  const name = qualifiedName(s, i);
  const table = findTable(byName, name.parts.join('.'));
  if (!table || upper(s[name.end]) !== 'ADD') return;
  let k = name.end + 1;
  if (upper(s[k]) === 'COLUMN') k++;
  if (upper(s[k]) === 'IF' && upper(s[k + 1]) === 'NOT' && upper(s[k + 2]) === 'EXISTS') k += 3;
  const items = isPunct(s[k], '(') ? splitParenthesised(s, k).items : [s.slice(k)];
  for (const item of items) {
    const field = columnDefinition(item);
    if (field && !table.fields.some((f) => f.name.toLowerCase() === field.name.toLowerCase())) table.fields.push(field);
  }
}

/** INSERT INTO t [(cols)] VALUES (…), (…): returns false when the table is unknown. */
function parseInsert(s: Token[], byName: Map<string, DdlTable>, rowLimit: number): boolean {
  let i = 1;
  while (i < s.length && s[i].type === 'word' && ['IGNORE', 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'OR', 'REPLACE', 'ROLLBACK', 'ABORT', 'FAIL'].includes(upper(s[i]))) i++;
  if (upper(s[i]) === 'INTO') i++;
  const name = qualifiedName(s, i);
  if (name.parts.length === 0) return true;
  const table = findTable(byName, name.parts.join('.'));
  if (!table) return false;
  if (table.rows.length >= rowLimit) return true;
  let k = name.end;
  let columns: number[];
  if (isPunct(s[k], '(')) {
    const list = splitParenthesised(s, k);
    columns = list.items.map((item) => {
      const col = item[0]?.text.toLowerCase();
      return table.fields.findIndex((f) => f.name.toLowerCase() === col);
    });
    k = list.end + 1;
  } else {
    columns = table.fields.map((_, index) => index);
  }
  if (upper(s[k]) !== 'VALUES' && upper(s[k]) !== 'VALUE') return true; // INSERT … SELECT: nothing to sample
  k++;
  while (isPunct(s[k], '(') && table.rows.length < rowLimit) {
    const tuple = splitParenthesised(s, k);
    const row: (string | null | undefined)[] = new Array(table.fields.length).fill(undefined);
    tuple.items.forEach((item, index) => {
      const target = columns[index];
      if (target !== undefined && target >= 0) row[target] = literalValue(item);
    });
    table.rows.push(row);
    k = tuple.end + 1;
    if (isPunct(s[k], ',')) k++;
  }
  return true;
}

/** The value of a literal expression; null for NULL or anything that is not a plain literal. */
function literalValue(item: Token[]): string | null {
  const [a, b, c] = item;
  if (!a) return null;
  if (item.length === 1 && (a.type === 'string' || a.type === 'number')) return a.text;
  if (item.length === 1 && a.type === 'word' && upper(a) !== 'NULL') return /^(TRUE|FALSE)$/i.test(a.text) ? a.text.toLowerCase() : null;
  if (item.length === 2 && isPunct(a, '-') && b.type === 'number') return `-${b.text}`;
  // Typed literals and conversions: DATE '2001-01-01', TO_DATE('2001-01-01', 'YYYY-MM-DD')
  if (a.type === 'word' && b?.type === 'string') return b.text;
  if (a.type === 'word' && isPunct(b, '(') && c?.type === 'string') return c.text;
  return null;
}

/** `a`, `a.b`, `"a"."b"`: the parts and the index after the name. */
function qualifiedName(s: Token[], start: number): { parts: string[]; end: number } {
  const parts: string[] = [];
  let i = start;
  while (s[i] && (s[i].type === 'word' || s[i].type === 'ident')) {
    parts.push(s[i].text);
    i++;
    if (isPunct(s[i], '.')) i++;
    else break;
  }
  return { parts, end: i };
}

/** Items of a parenthesised list starting at s[open] === '(' split at top-level commas; end is the closing ')'. */
function splitParenthesised(s: Token[], open: number): { items: Token[][]; end: number } {
  const items: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  let i = open;
  for (; i < s.length; i++) {
    const t = s[i];
    if (isPunct(t, '(')) {
      depth++;
      if (depth === 1) continue;
    } else if (isPunct(t, ')')) {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && isPunct(t, ',')) {
      items.push(current);
      current = [];
      continue;
    }
    current.push(t);
  }
  if (current.length > 0) items.push(current);
  return { items, end: i };
}

/** Lookup keys for a table name: the full name and its last part, lower-cased (unquoted SQL names ignore case). */
function nameKeys(name: string): string[] {
  const lower = name.toLowerCase();
  const last = lower.split('.').pop() ?? lower;
  return last === lower ? [lower] : [lower, last];
}

function findTable(byName: Map<string, DdlTable>, name: string): DdlTable | undefined {
  for (const key of nameKeys(name)) {
    const table = byName.get(key);
    if (table) return table;
  }
  return undefined;
}

function upper(token: Token | undefined): string {
  return token && token.type === 'word' ? token.text.toUpperCase() : '';
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.type === 'punct' && token.text === text;
}

async function* iterate<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

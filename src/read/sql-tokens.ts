// A small, tolerant SQL tokenizer for DDL files. No SQL library on npm parses MySQL, PostgreSQL,
// SQLite and Oracle DDL alike and keeps going past what it does not understand (vendor options,
// PL/SQL blocks, psql meta-commands), so we only split the text into tokens with positions and let
// ddl.ts pick out the few statement shapes it needs.

export type TokenType = 'word' | 'ident' | 'string' | 'number' | 'punct';

export interface Token {
  type: TokenType;
  /** Words as written; quoted identifiers and strings unquoted and unescaped. */
  text: string;
  /** 1-based line and column of the token's first character. */
  line: number;
  column: number;
}

const WORD_START = /[\p{L}_@#$]/u;
const WORD_PART = /[\p{L}\p{N}_@#$]/u;
const DIGIT = /[0-9]/;

export interface Tokenized {
  tokens: Token[];
  /** `-- text` comments that follow a token on the same line, by line: SQLite's usual column comment. */
  trailingComments: Map<number, string>;
}

/** Splits SQL text into tokens, dropping whitespace and comments (`--`, `#` at a word boundary, `/* *\/`). */
export function tokenizeSql(text: string): Tokenized {
  const tokens: Token[] = [];
  const trailingComments = new Map<number, string>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;

  const advanceTo = (end: number) => {
    for (let k = i; k < end; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    i = end;
  };

  while (i < n) {
    const ch = text[i];
    if (ch === '\n' || ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u3000' || ch === '\uFEFF') {
      advanceTo(i + 1);
      continue;
    }
    const startLine = line;
    const startColumn = i - lineStart + 1;
    const push = (type: TokenType, value: string, end: number) => {
      tokens.push({ type, text: value, line: startLine, column: startColumn });
      advanceTo(end);
    };
    if (ch === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      if (tokens.length > 0 && tokens[tokens.length - 1].line === line) {
        const body = text.slice(i + 2, end < 0 ? n : end).trim();
        if (body) trailingComments.set(line, body);
      }
      advanceTo(end < 0 ? n : end);
      continue;
    }
    // MySQL's `#` comment; only at a token boundary so Oracle/SQL Server names with # survive.
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      advanceTo(end < 0 ? n : end);
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      advanceTo(end < 0 ? n : end + 2); // an unterminated comment runs to the end, as in the servers
      continue;
    }
    if (ch === "'") {
      const [value, end] = quoted(text, i, "'", true);
      push('string', value, end);
      continue;
    }
    if ((ch === 'N' || ch === 'n' || ch === 'E' || ch === 'e') && text[i + 1] === "'") {
      const [value, end] = quoted(text, i + 1, "'", true);
      push('string', value, end);
      continue;
    }
    if (ch === '"' || ch === '`') {
      const [value, end] = quoted(text, i, ch, false);
      push('ident', value, end);
      continue;
    }
    if (ch === '[') {
      // SQLite and SQL Server bracket quoting: [first name]
      const end = text.indexOf(']', i + 1);
      const close = end < 0 ? n : end;
      push('ident', text.slice(i + 1, close), Math.min(n, close + 1));
      continue;
    }
    if (ch === '$') {
      // PostgreSQL dollar quoting ($$ … $$, $body$ … $body$): function bodies, skipped as one string.
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64));
      if (tag) {
        const end = text.indexOf(tag[0], i + tag[0].length);
        const close = end < 0 ? n : end + tag[0].length;
        push('string', text.slice(i + tag[0].length, end < 0 ? n : end), close);
        continue;
      }
    }
    if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(text[i + 1] ?? ''))) {
      const match = /^(?:0x[0-9a-f]+|\d*\.?\d+(?:e[-+]?\d+)?)/i.exec(text.slice(i, i + 128));
      const length = match ? match[0].length : 1;
      push('number', text.slice(i, i + length), i + length);
      continue;
    }
    if (WORD_START.test(ch)) {
      let end = i + 1;
      while (end < n && WORD_PART.test(text[end])) end++;
      push('word', text.slice(i, end), end);
      continue;
    }
    // Surrogate pairs (rare letters outside the BMP) go through as one punct token; harmless.
    push('punct', ch, i + 1);
  }
  return { tokens, trailingComments };
}

/** Reads a quoted run starting at `start` (the quote); a doubled quote is an escaped quote. */
function quoted(text: string, start: number, quote: string, backslash: boolean): [string, number] {
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslash && ch === '\\' && i + 1 < text.length) {
      // MySQL escapes; in standard SQL a backslash is literal, but the next char is kept either way.
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        out += quote;
        i += 2;
        continue;
      }
      return [out, i + 1];
    }
    out += ch;
    i++;
  }
  return [out, text.length];
}

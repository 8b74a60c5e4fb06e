// A validating JSON scanner that builds nothing: it finds the line and column of a syntax error
// (V8's JSON.parse messages quote the input, which a report must never do), enforces the nesting
// limit before JSON.parse could recurse into a hostile document, and notes where each key path is
// first seen so reports can point at it. JSON.parse then builds the values.
import { ReadError } from './types.js';
import type { SourcePosition } from '../types.js';

/** Distinct key paths remembered for positions; beyond this, later keys go without one. */
const MAX_KEY_PATHS = 100_000;

export class JsonSyntaxError extends ReadError {
  constructor(readonly line: number, readonly column: number) {
    super(`invalid JSON at line ${line} column ${column}`);
  }
}

export interface ScanOptions {
  maxDepth: number;
  /** Line number of the text's first line (JSON Lines: the record's line in the file). */
  firstLine?: number;
  /**
   * Collects the position of each key path's first occurrence: `a.b` for members, `a[]` for the
   * elements of an array at `a` (so `[].name` is a member of the records of a top-level array).
   */
  keys?: Map<string, SourcePosition>;
}

/**
 * Scans one JSON value starting at `start` and returns the offset just after it. With `whole`, only
 * whitespace may follow the value. Throws JsonSyntaxError or a ReadError for the depth limit.
 */
export function scanJson(text: string, options: ScanOptions, start = 0, whole = true): number {
  const scanner = new Scanner(text, options);
  scanner.pos = start;
  scanner.skipSpace();
  scanner.value(0, '');
  if (whole) {
    scanner.skipSpace();
    if (scanner.pos < text.length) scanner.fail();
  }
  return scanner.pos;
}

/** Line and column (1-based) of an offset, for errors found outside the scanner. */
export function positionOf(text: string, offset: number, firstLine = 1): SourcePosition {
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

class Scanner {
  pos = 0;
  private line: number;
  private lineStart = 0;

  constructor(private readonly text: string, private readonly options: ScanOptions) {
    this.line = options.firstLine ?? 1;
  }

  fail(at = this.pos): never {
    throw new JsonSyntaxError(this.line, at - this.lineStart + 1);
  }

  /** Whitespace is the only place a raw line feed may appear in valid JSON, so lines are counted here. */
  skipSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) this.pos++;
      else if (c === 0x0a) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else return;
    }
  }

  value(depth: number, path: string): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b /* { */) this.object(depth + 1, path);
    else if (c === 0x5b /* [ */) this.array(depth + 1, path);
    else if (c === 0x22 /* " */) this.string();
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.number();
    else if (this.text.startsWith('true', this.pos)) this.pos += 4;
    else if (this.text.startsWith('false', this.pos)) this.pos += 5;
    else if (this.text.startsWith('null', this.pos)) this.pos += 4;
    else this.fail();
  }

  private enter(depth: number): void {
    if (depth > this.options.maxDepth) {
      throw new ReadError(`nesting deeper than ${this.options.maxDepth} levels (raise it with --max-json-depth)`);
    }
  }

  private object(depth: number, path: string): void {
    this.enter(depth);
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 0x22) this.fail();
      const keyStart = this.pos;
      const keyColumn = keyStart - this.lineStart + 1;
      const keyLine = this.line;
      this.string();
      const keys = this.options.keys;
      let childPath = '';
      if (keys) {
        const raw = this.text.slice(keyStart + 1, this.pos - 1);
        const key = raw.includes('\\') ? (JSON.parse(this.text.slice(keyStart, this.pos)) as string) : raw;
        childPath = path ? `${path}.${key}` : key;
        if (!keys.has(childPath) && keys.size < MAX_KEY_PATHS) keys.set(childPath, { line: keyLine, column: keyColumn });
      }
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) this.fail();
      this.pos++;
      this.skipSpace();
      this.value(depth, childPath);
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.skipSpace();
      } else if (c === 0x7d) {
        this.pos++;
        return;
      } else this.fail();
    }
  }

  private array(depth: number, path: string): void {
    this.enter(depth);
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return;
    }
    const elementPath = this.options.keys ? `${path}[]` : '';
    for (;;) {
      this.value(depth, elementPath);
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.skipSpace();
      } else if (c === 0x5d) {
        this.pos++;
        return;
      } else this.fail();
    }
  }

  private string(): void {
    const text = this.text;
    let i = this.pos + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c) || c < 0x20) this.fail(i); // end of input or a raw control character
      if (c === 0x22) break;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) this.fail(i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else this.fail(i);
      } else i++;
    }
    this.pos = i + 1;
  }

  private number(): void {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
    match.lastIndex = this.pos;
    if (!match.exec(this.text)) this.fail();
    this.pos = match.lastIndex;
  }
}

// Bracket groups in a header. A group holding a list (顧客番号（区市コード、税目コード、期別）) makes the
// field a composite whose parts are classified too; a single word in brackets (氏名（カナ）,
// 個人番号（講師）, Phone (mobile)) qualifies the base and is read as a word placed before it.
import { compositeParts } from '../read/split-list.js';

const PAIRS: Record<string, string> = { '(': ')', '（': '）', '[': ']', '［': '］', '【': '】', '「': '」', '〔': '〕', '{': '}', '｛': '｝' };

export interface CompositeHeader {
  /** The header with bracket groups removed. */
  base: string;
  /** Single-word groups, in order. */
  qualifiers: string[];
  /** Items of list groups, in order. */
  parts: string[];
}

/** Any opening bracket of PAIRS: most headers have none, and need no character-by-character pass. */
const OPENING = /[([（［【「〔{｛]/;

/** Opening bracket code unit → closing one (all brackets are in the BMP, so code units suffice). */
const CLOSE_OF = new Map(Object.entries(PAIRS).map(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]));

export function parseComposite(header: string): CompositeHeader {
  if (!OPENING.test(header)) return { base: header.trim(), qualifiers: [], parts: [] };
  // Code units and slices rather than an array of characters: a bracket is never half of a
  // surrogate pair, and this runs for every distinct header with a bracket.
  let base = '';
  const qualifiers: string[] = [];
  const parts: string[] = [];
  let run = 0; // start of the text not yet added to base
  for (let i = 0; i < header.length; i++) {
    const open = header.charCodeAt(i);
    const close = CLOSE_OF.get(open);
    if (close === undefined) continue;
    const end = findClose(header, i, open, close);
    if (end === -1) break; // unclosed: the rest is base text
    base += header.slice(run, i);
    const inner = header.slice(i + 1, end).trim();
    const list = compositeParts(inner);
    if (list.length > 0) parts.push(...list);
    else if (inner) qualifiers.push(inner);
    base += ' ';
    i = end;
    run = end + 1;
  }
  base += header.slice(run);
  return { base: base.trim(), qualifiers, parts };
}

function findClose(header: string, from: number, open: number, close: number): number {
  let depth = 0;
  for (let j = from; j < header.length; j++) {
    const c = header.charCodeAt(j);
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j;
  }
  return -1;
}

/** The text that stands for the base field: qualifiers read as words before the base. */
export function baseText(c: CompositeHeader): string {
  if (c.qualifiers.length === 0) return c.base;
  return [...c.qualifiers, c.base].filter(Boolean).join(' ');
}

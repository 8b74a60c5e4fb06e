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

export function parseComposite(header: string): CompositeHeader {
  if (!OPENING.test(header)) return { base: header.trim(), qualifiers: [], parts: [] };
  let base = '';
  const qualifiers: string[] = [];
  const parts: string[] = [];
  const chars = [...header];
  for (let i = 0; i < chars.length; i++) {
    const close = PAIRS[chars[i]];
    if (!close) {
      base += chars[i];
      continue;
    }
    const end = findClose(chars, i, chars[i], close);
    if (end === -1) {
      base += chars.slice(i).join('');
      break;
    }
    const inner = chars.slice(i + 1, end).join('').trim();
    const list = compositeParts(inner);
    if (list.length > 0) parts.push(...list);
    else if (inner) qualifiers.push(inner);
    base += ' ';
    i = end;
  }
  return { base: base.trim(), qualifiers, parts };
}

function findClose(chars: string[], from: number, open: string, close: string): number {
  let depth = 0;
  for (let j = from; j < chars.length; j++) {
    if (chars[j] === open) depth++;
    else if (chars[j] === close && --depth === 0) return j;
  }
  return -1;
}

/** The text that stands for the base field: qualifiers read as words before the base. */
export function baseText(c: CompositeHeader): string {
  if (c.qualifiers.length === 0) return c.base;
  return [...c.qualifiers, c.base].filter(Boolean).join(' ');
}

// Splitting a line of a field list into items, respecting brackets so that a composite item such as
// 顧客番号（区市コード、税目コード、期別） stays whole.

const OPEN = '(（[［【「『{｛〔';
const CLOSE = ')）]］】」』}｝〕';
const LIST_SEPARATORS = new Set(['、', '，', ',', ';', '；', '\t', '､']);
const MIDDLE_DOTS = new Set(['・', '･']);
/** Any character of LIST_SEPARATORS or MIDDLE_DOTS. */
const ANY_SEPARATOR = new RegExp(`[${[...LIST_SEPARATORS, ...MIDDLE_DOTS].join('')}]`);

export interface ListItem {
  text: string;
  /** 0-based character offset of the item in the line. */
  offset: number;
}

/** Splits at top-level separators; falls back to middle dots when the line has no other separator. */
export function splitList(line: string): ListItem[] {
  const items = splitAt(line, LIST_SEPARATORS);
  if (items.length > 1) return items;
  const dotted = splitAt(line, MIDDLE_DOTS);
  return dotted.length > 1 ? dotted : items;
}

function splitAt(line: string, separators: Set<string>): ListItem[] {
  const items: ListItem[] = [];
  let depth = 0;
  let start = 0;
  const chars = [...line];
  let offset = 0;
  let startOffset = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.has(ch)) {
      push(items, chars.slice(start, i).join(''), startOffset);
      start = i + 1;
      startOffset = offset + ch.length;
    }
    offset += ch.length;
  }
  push(items, chars.slice(start).join(''), startOffset);
  return items;
}

function push(items: ListItem[], raw: string, offset: number) {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) items.push({ text, offset: offset + lead });
}

/** Splits the inside of a bracket group of a composite field into its parts, or [] when it is a single qualifier. */
export function compositeParts(inner: string): string[] {
  // Most groups are one word (（任意）, (kana)): without a separator there is one item at most.
  if (!ANY_SEPARATOR.test(inner)) return [];
  const items = splitList(inner).map((item) => item.text);
  return items.length > 1 ? items : [];
}

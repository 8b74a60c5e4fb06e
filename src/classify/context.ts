// Reading a field in the light of the other fields of its file. A few words mean one thing only in
// a certain kind of file: `visit` in a file of diagnoses is a hospital visit, in a shop's file a
// store visit; `days_used` among pay and attendance fields is leave taken. Dictionary entries say so
// with `context` (the kinds of field the file must hold); this module decides which kinds a file
// holds, from what its headers say without context, so no reading feeds on another contextual one.
import type { Category, Reason } from '../types.js';

/**
 * How many fields of a kind make a file "of" that kind. One field can be a stray column (a single
 * 病名 in a sales export); two agree with each other, and neither is the field being read, whose
 * own reading without context is never of the kind it would gain.
 */
export const MIN_CONTEXT_FIELDS = 2;

/**
 * The kinds of field (sensitive, sensitive/medical) a header's file holds, as far as entries with a
 * context care. `key` names the set, so a classifier caches results per set.
 */
export interface FieldContext {
  key: string;
  kinds: ReadonlySet<string>;
}

/** The context of a set of kinds, named the same whatever their order. */
export function contextOf(kinds: Iterable<string>): FieldContext {
  const sorted = [...new Set(kinds)].sort();
  return { key: sorted.join(','), kinds: new Set(sorted) };
}

export interface FileContext extends FieldContext {
  /** Fields per active kind, for the reason a report gives. */
  counts: ReadonlyMap<string, number>;
}

/**
 * The kinds among `kinds` (those some entry's context names) that at least MIN_CONTEXT_FIELDS of
 * the file's fields have, read without context; undefined when there is none.
 */
export function fileContext(fields: readonly { category: Category; subcategory: string | null }[], kinds: ReadonlySet<string>): FileContext | undefined {
  if (kinds.size === 0) return undefined;
  const counts = new Map<string, number>();
  const count = (kind: string) => {
    if (kinds.has(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  };
  for (const field of fields) {
    count(field.category);
    if (field.subcategory) count(`${field.category}/${field.subcategory}`);
  }
  const active = [...counts].filter(([, n]) => n >= MIN_CONTEXT_FIELDS).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (active.length === 0) return undefined;
  return { ...contextOf(active.map(([kind]) => kind)), counts: new Map(active) };
}

/** Whether reading in context changed what a field is (only contextual entries can change it). */
export function changedInContext(plain: { category: Category; subcategory: string | null }, read: { category: Category; subcategory: string | null }): boolean {
  return plain.category !== read.category || plain.subcategory !== read.subcategory;
}

/**
 * The reason a field read in context carries first: which of the file's fields made the context
 * (`used`: the kinds its contextual entries asked for; all active kinds when none is given).
 */
export function contextReason(context: FileContext, used?: readonly string[]): Reason {
  const kinds = [...context.counts].filter(([kind]) => !used?.length || used.includes(kind)).map(([kind, n]) => `${kind} ×${n}`);
  return { rule: 'context', text: `read with the rest of its file (${kinds.join(', ')} fields): words that mean more in such a file apply`, tokens: kinds };
}

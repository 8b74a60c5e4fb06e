// A worker's memory of the header subcategories the main thread has told it. Asking costs a round
// trip to the main thread per table, and the main thread may be busy scanning a file of its own: a
// worker that had to wait on every file spent more time waiting than reading. Headers repeat across
// the files of one scan (exports of the same system), and the answer for a header never changes
// within a run (the classifier is deterministic and memoised), so each distinct header is asked once.
import type { FieldSource } from '../read/types.js';

export type Subcategory = string | null | undefined;

/** What a table's fields need answered: everything already known, or the request to send. */
export type HintLookup = { known: Subcategory[] } | { ask: true };

export class HintCache {
  private readonly known = new Map<string, Subcategory>();

  /** The subcategories of these fields when every one is known (a headerless table needs none). */
  lookup(fields: readonly FieldSource[], headerless: boolean): HintLookup {
    // A headerless table has no header evidence: its subcategories are null without asking.
    if (headerless) return { known: fields.map(() => null) };
    const answers: Subcategory[] = [];
    for (const field of fields) {
      const key = keyOf(field);
      if (!this.known.has(key)) return { ask: true };
      answers.push(this.known.get(key));
    }
    return { known: answers };
  }

  /** Remembers the main thread's answer for these fields (never a failed one: that is asked again). */
  remember(fields: readonly FieldSource[], subcategories: readonly Subcategory[]): void {
    fields.forEach((field, i) => this.known.set(keyOf(field), subcategories[i]));
  }

  get size(): number {
    return this.known.size;
  }
}

/** A field is judged by its name and, when it has one, its comment (scan.ts headerEvidence). */
function keyOf(field: FieldSource): string {
  // An empty comment counts as none, as in headerEvidence; JSON keeps "a"+"b,c" apart from "a,b"+"c".
  return field.comment ? `c${JSON.stringify([field.name, field.comment])}` : `n${field.name}`;
}

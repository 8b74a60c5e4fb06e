// One copy of each reason text for the life of a classifier. The classifier keeps every distinct
// header's result for the run, and the same sentences recur across headers (token "氏名" matched
// name, head word "住所" is personal/address …): built afresh per header, the texts were most of what
// a kept result weighed, and every young-generation GC copied them. A text built for a header is
// short-lived garbage once the kept copy is found here. Interning never changes a text's value.
import type { Reason } from '../types.js';

export class TextTable {
  private readonly texts = new Map<string, string>();

  /** The kept copy of `text`. */
  intern(text: string): string {
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept;
    this.texts.set(text, text);
    return text;
  }

  /** Replaces each reason's text by its kept copy (the reasons are this header's own objects). */
  reasons(reasons: Reason[]): Reason[] {
    for (const r of reasons) r.text = this.intern(r.text);
    return reasons;
  }
}

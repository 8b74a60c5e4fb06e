// One copy of each reason for the life of a classifier. The classifier keeps every distinct
// header's result for the run, and the same reasons recur across headers (token "氏名" matched
// name, head word "住所" is personal/address …): built afresh per header, the reasons (object,
// sentence, token array, boxed weight) were most of what a kept result weighed, and every
// young-generation GC copied them. A reason built for a header is short-lived garbage once the kept
// copy is found here. Kept reasons are shared between results, so nothing may change a reason
// after classification (nothing does: reports copy the arrays and add reasons of their own).
import type { Reason } from '../types.js';

export class ReasonTable {
  /** The first reason seen with each text. */
  private readonly kept = new Map<string, Reason>();

  /** Each reason replaced by its kept copy, in a new array of exactly the reasons' length. */
  intern(reasons: Reason[]): Reason[] {
    // A copy: the pushes left a backing store with room for 16 or more, kept with each result.
    const out = reasons.slice();
    for (let i = 0; i < out.length; i++) {
      const r = out[i];
      const kept = this.kept.get(r.text);
      if (kept === undefined) this.kept.set(r.text, r);
      else if (kept !== r && same(kept, r)) out[i] = kept;
    }
    return out;
  }
}

/**
 * Whether two reasons have the same properties in the same order with the same values (token
 * arrays compared item by item), so that no report or JSON output can tell one from the other.
 */
function same(a: Reason, b: Reason): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    const x: unknown = a[ka[i] as keyof Reason];
    const y: unknown = b[ka[i] as keyof Reason];
    if (Object.is(x, y)) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (!Object.is(x[j], y[j])) return false;
  }
  return true;
}

// Reasons that depend only on a dictionary entry and the token it matched are built once and shared.
// Nine in ten reasons are of this kind (token "氏名" matched name; head word "住所" is …), and
// building their sentences for every distinct header was a quarter of classification's CPU.
import type { DictionaryEntry } from '../dictionary/schema.js';
import type { Reason } from '../types.js';

/** Builds a reason from its arguments alone: it must read nothing else, or the memo would be wrong. */
export type EntryReasonBuilder = (entry: DictionaryEntry, token: string, flag: boolean) => Reason;

/**
 * `build` memoised on (entry, token, flag). Keyed by the entry object (weakly: a dictionary and the
 * reasons built for it go together) and then by the token: a match's token is its dictionary
 * surface, so the memo is bounded by the dictionary. The reasons returned are shared between
 * results: nothing may change one (nothing does; reports copy the arrays and add reasons of their own).
 */
export function memoByEntry(build: EntryReasonBuilder): (entry: DictionaryEntry, token: string, flag?: boolean) => Reason {
  const memo = new WeakMap<DictionaryEntry, [Map<string, Reason>, Map<string, Reason>]>();
  return (entry, token, flag = false) => {
    let byFlag = memo.get(entry);
    if (byFlag === undefined) memo.set(entry, (byFlag = [new Map(), new Map()]));
    const byToken = byFlag[flag ? 1 : 0];
    let reason = byToken.get(token);
    if (reason === undefined) byToken.set(token, (reason = build(entry, token, flag)));
    return reason;
  };
}

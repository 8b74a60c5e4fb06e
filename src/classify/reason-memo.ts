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

/** Builds a reason from two entries and their tokens alone, like EntryReasonBuilder. */
export type PairReasonBuilder = (head: DictionaryEntry, from: DictionaryEntry, headToken: string, fromToken: string) => Reason;

/**
 * `build` memoised on (head, from, headToken, fromToken): for reasons that join two words (head
 * "番号" is neutral; "顧客" before it makes it personal/id). These recur across headers as often as
 * token reasons do, and building and then hashing their sentence afresh for each header was a tenth
 * of classification's CPU. Entries are keyed weakly: a modifier re-read in its own compound is a
 * fresh copy (head.ts, resolveNeutral), which simply misses the memo and is dropped with it.
 */
export function memoByPair(build: PairReasonBuilder): PairReasonBuilder {
  const memo = new WeakMap<DictionaryEntry, WeakMap<DictionaryEntry, Map<string, Map<string, Reason>>>>();
  return (head, from, headToken, fromToken) => {
    let byFrom = memo.get(head);
    if (byFrom === undefined) memo.set(head, (byFrom = new WeakMap()));
    let byHeadToken = byFrom.get(from);
    if (byHeadToken === undefined) byFrom.set(from, (byHeadToken = new Map()));
    let byFromToken = byHeadToken.get(headToken);
    if (byFromToken === undefined) byHeadToken.set(headToken, (byFromToken = new Map()));
    let reason = byFromToken.get(fromToken);
    if (reason === undefined) byFromToken.set(fromToken, (reason = build(head, from, headToken, fromToken)));
    return reason;
  };
}

// Segmenting a normalised header against the compiled dictionary: a dynamic programme over the
// key that covers as many characters as possible with as few matches as possible. What stays
// uncovered is residue (unknown words, or Japanese left for kuromoji).
import { childOf, type CompiledDictionary, type Hit } from '../dictionary/compile.js';
import type { DictionaryEntry } from '../dictionary/schema.js';
import type { Normalized } from '../tokenize/normalize.js';

export interface Segment {
  /** The normalised text of the segment. */
  text: string;
  start: number;
  end: number;
  /** 'match': a dictionary entry; 'residue': unknown text; 'num': digits (numbering, ignorable). */
  kind: 'match' | 'residue' | 'num';
  entry?: DictionaryEntry;
  /** The dictionary surface that matched. */
  surface?: string;
  /** Script of the residue: ASCII word or Japanese. */
  script?: 'word' | 'ja';
  /** Residue that is the unknown start of a word ending in known abbreviations or romaji (hhkn in hhknnmkj). */
  stem?: boolean;
}

type Matched = { start: number; end: number; hit: Hit };
/** No hit: the character before this position is left uncovered. */
const NO_HIT = -1;

/**
 * Scratch arrays for the dynamic programme, grown as needed and reused between headers: this runs
 * for every distinct header, and allocating them per call was most of its cost. One per
 * classifier (and so per worker); segmentation is synchronous, so it is never shared mid-call.
 */
export class SegmentScratch {
  uncovered = new Int32Array(64);
  pieces = new Int32Array(64);
  weight = new Float64Array(64);
  from = new Int32Array(64);
  /** Index into the trie's hits of the match ending here, or NO_HIT. */
  hitAt = new Int32Array(64);

  ensure(size: number): this {
    if (this.uncovered.length < size) {
      const grown = Math.max(size, this.uncovered.length * 2);
      this.uncovered = new Int32Array(grown);
      this.pieces = new Int32Array(grown);
      this.weight = new Float64Array(grown);
      this.from = new Int32Array(grown);
      this.hitAt = new Int32Array(grown);
    }
    this.uncovered.fill(-1, 0, size);
    this.hitAt.fill(NO_HIT, 0, size);
    return this;
  }
}

/**
 * `contexts`: the kinds (sensitive, sensitive/medical) of which the header's file holds other fields;
 * an entry with a context applies only when one of its kinds is among them (src/classify/context.ts).
 */
export function segment(norm: Normalized, dict: CompiledDictionary, scratch = new SegmentScratch(), contexts?: ReadonlySet<string>): Segment[] {
  const { key, chunks, chunkOf } = norm;
  const n = key.length;
  // The best way to cover key[0..i): fewest uncovered letters, then fewest pieces, then most weight.
  const { uncovered, pieces, weight, from, hitAt } = scratch.ensure(n + 1);
  uncovered[0] = 0;
  pieces[0] = 0;
  weight[0] = 0;
  const { hitFirst, hits } = dict.trie;
  for (let i = 0; i < n; i++) {
    const u = uncovered[i];
    if (u === -1) continue;
    // Leave this character uncovered. Digits cost nothing: numbering (住所1, tel2) is expected.
    offer(scratch, i + 1, u + (chunks[chunkOf[i]].kind === 'num' ? 0 : 1), pieces[i], weight[i], i, NO_HIT);
    let node = childOf(dict.trie, 0, key.charCodeAt(i));
    for (let j = i + 1; node !== -1; node = j < n ? childOf(dict.trie, node, key.charCodeAt(j++)) : -1) {
      const end = j;
      const hitsFrom = hitFirst[node];
      const hitsTo = hitFirst[node + 1];
      if (hitsFrom === hitsTo) continue;
      const whole = chunkOf[i] === chunkOf[end - 1] || alignedAcrossChunks(norm, i, end);
      const plural = pluralEnd(norm, i, end);
      if (!whole && plural === -1) continue;
      const hit = firstAllowed(hits, hitsFrom, hitsTo, key, i, end, dict, contexts);
      if (hit === NO_HIT) continue;
      const w = weight[i] + hits[hit].entry.weight;
      if (whole) offer(scratch, end, u, pieces[i] + 1, w, i, hit);
      // A word listed as spelled (days, mins) beats the same letters read as a plural (day + s).
      if (plural !== -1 && !hits[hit].tail) offer(scratch, plural, u, pieces[i] + 1, w - PLURAL_PENALTY, i, hit);
    }
  }
  // Walk back from the end to recover the chosen matches.
  const matched: Matched[] = [];
  for (let i = n; i > 0; i = from[i]) {
    const hit = hitAt[i];
    if (hit !== NO_HIT) matched.push({ start: from[i], end: i, hit: hits[hit] });
  }
  matched.reverse();
  // Dropping a match can leave a neighbouring word partly covered in turn, so repeat until stable.
  let kept = matched;
  for (let before = -1; before !== kept.length; ) {
    before = kept.length;
    kept = dropPartialWords(norm, kept);
  }
  return toSegments(norm, kept);
}

/** Shortest English word that takes a plural ending here; shorter ones make false plurals (is, as). */
const MIN_PLURAL_STEM = 3;
/** Weight a plural reading gives up, more than any difference between two entries' weights. */
const PLURAL_PENALTY = 1;

/**
 * English words are listed singular; "holders", "addresses" and "employees" are the same words with
 * a plural ending. Where a match of at least MIN_PLURAL_STEM letters is followed by "s" or "es" that
 * ends its ASCII word, returns the end of the word (the match then covers the ending), else -1.
 */
function pluralEnd(norm: Normalized, start: number, end: number): number {
  const { key, chunks, chunkOf } = norm;
  if (end - start < MIN_PLURAL_STEM || end >= key.length || chunks[chunkOf[end - 1]].kind !== 'word' || chunkOf[end] !== chunkOf[end - 1]) return -1;
  const ending = key.charCodeAt(end) === 0x73 ? 1 : key.charCodeAt(end) === 0x65 && key.charCodeAt(end + 1) === 0x73 ? 2 : 0; // s, es
  const wordEnd = end + ending;
  if (ending === 0 || (wordEnd < key.length && chunkOf[wordEnd] === chunkOf[end - 1])) return -1;
  return alignedAcrossChunks(norm, start, wordEnd) ? wordEnd : -1;
}

/**
 * A match inside one word may start or end anywhere in it (cellularphone = cellular + phone), but a
 * match that spans words must cover whole words (first_name = "first name"); otherwise expires_on
 * would hide "son".
 */
function alignedAcrossChunks(norm: Normalized, start: number, end: number): boolean {
  const first = norm.chunkOf[start];
  const last = norm.chunkOf[end - 1];
  if (first === last) return true;
  // Japanese has no spaces, so only ASCII words need to be taken whole (配偶者セッションID is fine).
  const startsChunk = norm.chunks[first].kind !== 'word' || start === 0 || norm.chunkOf[start - 1] !== first;
  const endsChunk = norm.chunks[last].kind !== 'word' || end === norm.key.length || norm.chunkOf[end] !== last;
  return startsChunk && endsChunk;
}

/**
 * Keeps the better of the current and the offered way to cover key[0..end): fewer uncovered letters,
 * then fewer pieces, then one that ends in a match (the head is the last word, so when the unknown
 * letters could be before or after a word, they are taken to be before: ソウ + コード, not ソウコ + ード),
 * then more weight.
 */
function offer(scratch: SegmentScratch, end: number, u: number, p: number, w: number, start: number, hit: number): void {
  const cu = scratch.uncovered[end];
  const cp = scratch.pieces[end];
  const endsInMatch = hit !== NO_HIT;
  const currentEndsInMatch = scratch.hitAt[end] !== NO_HIT;
  if (cu === -1 || u < cu || (u === cu && (p < cp || (p === cp && (endsInMatch !== currentEndsInMatch ? endsInMatch : w > scratch.weight[end]))))) {
    scratch.uncovered[end] = u;
    scratch.pieces[end] = p;
    scratch.weight[end] = w;
    scratch.from[end] = start;
    scratch.hitAt[end] = hit;
  }
}

/**
 * The index of the strongest hit whose entry applies here — it does not exclude this place, and the
 * file holds the fields its context asks for — or NO_HIT.
 */
function firstAllowed(
  hits: Hit[],
  from: number,
  to: number,
  key: string,
  start: number,
  end: number,
  dict: CompiledDictionary,
  contexts: ReadonlySet<string> | undefined,
): number {
  if (dict.excludes.size === 0 && dict.contextKinds.size === 0) return from;
  // Most entries exclude nothing and need no context: a typed-array load says so without touching the entry.
  for (let h = from; h < to; h++) {
    if (dict.trie.hitChecks[h] === 0) return h;
    const entry = hits[h].entry;
    if (entry.context && !inContext(entry.context, contexts)) continue;
    if (!excluded(entry, key, start, end, dict)) return h;
  }
  return NO_HIT;
}

/** An entry's exclude list: no match where an excluded term overlaps this place in the header. */
function excluded(entry: DictionaryEntry, key: string, start: number, end: number, dict: CompiledDictionary): boolean {
  if (!entry.exclude?.length) return false; // only such entries are in dict.excludes
  const excludes = dict.excludes.get(entry.id);
  if (!excludes) return false;
  // Loops, not some() with an arrow: this runs for every hit of such an entry in every header.
  for (const ex of excludes) {
    for (let at = key.indexOf(ex); at !== -1; at = key.indexOf(ex, at + 1)) {
      if (at < end && at + ex.length > start) return true;
    }
  }
  return false;
}

/** Whether the file holds one of the kinds of field an entry's context names. */
function inContext(kinds: string[], contexts: ReadonlySet<string> | undefined): boolean {
  if (!contexts) return false;
  for (const kind of kinds) if (contexts.has(kind)) return true;
  return false;
}

/**
 * An ASCII word is either wholly explained by matches or not at all: "percentage" must not become
 * "percent" + residue, and "iphone" must not yield "phone". Matches touching a partly covered
 * word are dropped, with one exception: a legacy romaji field name may end in known abbreviations
 * or romaji words
 * after an unknown beginning (hhknnmkj = hhkn + nm + kj; kykseiymd = kyk + seiymd), so a run of
 * abbreviation or romaji matches that ends the word is kept and the rest of the word is an unknown
 * prefix (zrnbyoumei = zrn + byoumei). English surfaces never end such a word: "percentage" stays
 * unknown rather than "percent" + "age".
 */
function dropPartialWords(norm: Normalized, matched: Matched[]): Matched[] {
  // No match, or no ASCII word: nothing can be partly covered.
  if (matched.length === 0 || !norm.chunks.some((c) => c.kind === 'word')) return matched;
  // Letters covered per chunk (matches never overlap); a chunk's length is its text's. Nearly every
  // header has no partly covered word, and needs nothing more than this count.
  const done = new Array<number>(norm.chunks.length).fill(0);
  for (const m of matched) for (let i = m.start; i < m.end; i++) done[norm.chunkOf[i]]++;
  let partial: Set<number> | undefined;
  for (let index = 0; index < norm.chunks.length; index++) {
    const c = norm.chunks[index];
    if (c.kind === 'word' && done[index] > 0 && done[index] < c.text.length) (partial ??= new Set()).add(index);
  }
  if (partial === undefined) return matched;
  const kept = new Set<Matched>();
  for (const chunk of partial) for (const m of romajiTail(norm, chunk, matched)) kept.add(m);
  return matched.filter((m) => {
    if (kept.has(m)) return true;
    for (let i = m.start; i < m.end; i++) if (partial!.has(norm.chunkOf[i])) return false;
    return true;
  });
}

/**
 * The contiguous run of matches that ends a word after an unknown start, if it begins with an
 * abbreviation or romaji word: legacy names are romaji, though an English word may end them
 * (ryougan + situmei + comment), while a word that is English from its first known part on stays
 * unknown (i + phone).
 */
function romajiTail(norm: Normalized, chunk: number, matched: Matched[]): Matched[] {
  const start = norm.chunkOf.indexOf(chunk);
  let end = start;
  while (end < norm.key.length && norm.chunkOf[end] === chunk) end++;
  const inWord = matched.filter((m) => m.start >= start && m.end <= end).sort((x, y) => y.end - x.end);
  const run: Matched[] = [];
  let at = end;
  for (const m of inWord) {
    // Legacy names also abbreviate a word in the middle to a few letters (syoubyou + hs + ymd):
    // a short unknown gap is passed over when a whole romaji word stands before it.
    const gap = at - m.end;
    if (gap !== 0 && !(run.length > 0 && gap <= MAX_GAP && m.hit.tail && m.end - m.start >= MIN_WORD_BEFORE_GAP)) break;
    run.unshift(m);
    at = m.start;
  }
  // The unknown beginning must be a real stem, not one stray letter: a short match that leaves one
  // letter before it (t + aisyou in taisyounmkn) is taken back into the stem (taisyou + nm + kn).
  // A one-letter prefix before a long romaji word is a legacy naming habit (t + mynumber, w + byoumei).
  // A word has at most one unknown part: an unknown beginning, or a gap in a word that starts with
  // a known romaji word (two unknown parts are as likely a chance reading: mi + syuuha + s + sei).
  const stemOk = () =>
    hasGap(run) ? at === start : at - start >= MIN_STEM || (at - start === 1 && run[0].end - run[0].start >= LONG_AFTER_LETTER);
  while (run.length > 0 && (!run[0].hit.tail || !stemOk())) {
    run.shift();
    at = run.length > 0 ? run[0].start : end;
  }
  return run;
}

/** Whether the run passed over a gap between two of its matches. */
const hasGap = (run: Matched[]) => run.some((m, i) => i > 0 && m.start !== run[i - 1].end);

/** Longest unknown abbreviation passed over inside a legacy romaji word. */
const MAX_GAP = 3;
/** A gap may only follow a romaji word at least this long (a short match there is as likely chance). */
const MIN_WORD_BEFORE_GAP = 4;
/** Shortest unknown beginning of a legacy romaji word. */
const MIN_STEM = 2;
/** A romaji word at least this long may follow a one-letter prefix. */
const LONG_AFTER_LETTER = 7;

/**
 * Every segment with the same fields in the same order, so that the head rule's reads of them meet
 * one hidden class (matches and residue built as different literals made its reads polymorphic).
 */
function makeSegment(text: string, start: number, end: number, kind: Segment['kind'], entry: DictionaryEntry | undefined, surface: string | undefined, script: Segment['script']): Segment {
  return { text, start, end, kind, entry, surface, script, stem: undefined };
}

function toSegments(norm: Normalized, matched: Matched[]): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  const pushResidue = (from: number, to: number) => {
    // Residue is cut at chunk boundaries so each unknown word is its own segment.
    let start = from;
    for (let j = from + 1; j <= to; j++) {
      if (j === to || norm.chunkOf[j] !== norm.chunkOf[start]) {
        const kind = norm.chunks[norm.chunkOf[start]].kind;
        segments.push(makeSegment(norm.key.slice(start, j), start, j, kind === 'num' ? 'num' : 'residue', undefined, undefined, kind === 'num' ? undefined : kind));
        start = j;
      }
    }
  };
  for (const m of matched) {
    if (m.start > i) {
      pushResidue(i, m.start);
      const last = segments[segments.length - 1];
      if (last.kind === 'residue' && last.script === 'word' && norm.chunkOf[m.start] === norm.chunkOf[m.start - 1]) last.stem = true;
    }
    segments.push(makeSegment(norm.key.slice(m.start, m.end), m.start, m.end, 'match', m.hit.entry, m.hit.surface, undefined));
    i = m.end;
  }
  if (i < norm.key.length) pushResidue(i, norm.key.length);
  return segments;
}

// Segmenting a normalised header against the compiled dictionary: a dynamic programme over the
// key that covers as many characters as possible with as few matches as possible. What stays
// uncovered is residue (unknown words, or Japanese left for kuromoji).
import { matchesAt, type CompiledDictionary } from '../dictionary/compile.js';
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
  /** Residue that is the unknown start of a word ending in known abbreviations (hhkn in hhknnmkj). */
  stem?: boolean;
}

type Matched = { start: number; end: number; hit: NonNullable<Step['hit']> };

interface Step {
  uncovered: number;
  pieces: number;
  weight: number;
  from: number;
  hit?: { entry: DictionaryEntry; surface: string; abbr: boolean };
}

const better = (a: Step, b: Step | undefined) =>
  !b ||
  a.uncovered < b.uncovered ||
  (a.uncovered === b.uncovered && (a.pieces < b.pieces || (a.pieces === b.pieces && a.weight > b.weight)));

export function segment(norm: Normalized, dict: CompiledDictionary): Segment[] {
  const { key, chunks, chunkOf } = norm;
  const n = key.length;
  const best: (Step | undefined)[] = new Array(n + 1);
  best[0] = { uncovered: 0, pieces: 0, weight: 0, from: -1 };
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    // Leave this character uncovered. Digits cost nothing: numbering (住所1, tel2) is expected.
    const cost = chunks[chunkOf[i]].kind === 'num' ? 0 : 1;
    const skip: Step = { uncovered: here.uncovered + cost, pieces: here.pieces, weight: here.weight, from: i };
    if (better(skip, best[i + 1])) best[i + 1] = skip;
    for (const { end, hits } of matchesAt(dict.root, key, i)) {
      if (!alignedAcrossChunks(norm, i, end)) continue;
      const hit = hits.find((h) => !excluded(h.entry, key, i, end, dict));
      if (!hit) continue;
      const step: Step = { uncovered: here.uncovered, pieces: here.pieces + 1, weight: here.weight + hit.entry.weight, from: i, hit };
      if (better(step, best[end])) best[end] = step;
    }
  }
  // Walk back from the end to recover the chosen matches.
  const matched: { start: number; end: number; hit: NonNullable<Step['hit']> }[] = [];
  for (let i = n; i > 0; ) {
    const step = best[i]!;
    if (step.hit) matched.unshift({ start: step.from, end: i, hit: step.hit });
    i = step.from;
  }
  // Dropping a match can leave a neighbouring word partly covered in turn, so repeat until stable.
  let kept = matched;
  for (let before = -1; before !== kept.length; ) {
    before = kept.length;
    kept = dropPartialWords(norm, kept);
  }
  return toSegments(norm, kept);
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

/** An entry's exclude list: no match where an excluded term overlaps this place in the header. */
function excluded(entry: DictionaryEntry, key: string, start: number, end: number, dict: CompiledDictionary): boolean {
  const excludes = dict.excludes.get(entry.id);
  if (!excludes) return false;
  return excludes.some((ex) => {
    for (let at = key.indexOf(ex); at !== -1; at = key.indexOf(ex, at + 1)) {
      if (at < end && at + ex.length > start) return true;
    }
    return false;
  });
}

/**
 * An ASCII word is either wholly explained by matches or not at all: "percentage" must not become
 * "percent" + residue, and "iphone" must not yield "phone". Matches touching a partly covered
 * word are dropped, with one exception: a legacy romaji field name may end in known abbreviations
 * after an unknown beginning (hhknnmkj = hhkn + nm + kj; kykseiymd = kyk + seiymd), so a run of
 * abbreviation matches that ends the word is kept and the rest of the word is an unknown prefix.
 */
function dropPartialWords(norm: Normalized, matched: Matched[]): Matched[] {
  const covered = new Uint8Array(norm.key.length);
  for (const m of matched) covered.fill(1, m.start, m.end);
  const total = new Array<number>(norm.chunks.length).fill(0);
  const done = new Array<number>(norm.chunks.length).fill(0);
  for (let i = 0; i < norm.key.length; i++) {
    total[norm.chunkOf[i]]++;
    if (covered[i]) done[norm.chunkOf[i]]++;
  }
  const partial = new Set<number>();
  norm.chunks.forEach((c, index) => {
    if (c.kind === 'word' && done[index] > 0 && done[index] < total[index]) partial.add(index);
  });
  if (partial.size === 0) return matched;
  const kept = new Set<Matched>();
  for (const chunk of partial) for (const m of abbreviationTail(norm, chunk, matched)) kept.add(m);
  return matched.filter((m) => {
    if (kept.has(m)) return true;
    for (let i = m.start; i < m.end; i++) if (partial.has(norm.chunkOf[i])) return false;
    return true;
  });
}

/** The contiguous run of abbreviation matches that ends a word (after a longer unknown start), if any. */
function abbreviationTail(norm: Normalized, chunk: number, matched: Matched[]): Matched[] {
  const start = norm.chunkOf.indexOf(chunk);
  let end = start;
  while (end < norm.key.length && norm.chunkOf[end] === chunk) end++;
  const inWord = matched.filter((m) => m.start >= start && m.end <= end).sort((x, y) => y.end - x.end);
  const run: Matched[] = [];
  let at = end;
  for (const m of inWord) {
    if (m.end !== at || !m.hit.abbr) break;
    run.unshift(m);
    at = m.start;
  }
  // The unknown beginning must be a real stem, not one stray letter.
  return at - start >= 2 ? run : [];
}

function toSegments(norm: Normalized, matched: { start: number; end: number; hit: NonNullable<Step['hit']> }[]): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  const pushResidue = (from: number, to: number) => {
    // Residue is cut at chunk boundaries so each unknown word is its own segment.
    let start = from;
    for (let j = from + 1; j <= to; j++) {
      if (j === to || norm.chunkOf[j] !== norm.chunkOf[start]) {
        const kind = norm.chunks[norm.chunkOf[start]].kind;
        segments.push({
          text: norm.key.slice(start, j),
          start,
          end: j,
          kind: kind === 'num' ? 'num' : 'residue',
          script: kind === 'num' ? undefined : kind,
        });
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
    segments.push({ text: norm.key.slice(m.start, m.end), start: m.start, end: m.end, kind: 'match', entry: m.hit.entry, surface: m.hit.surface });
    i = m.end;
  }
  if (i < norm.key.length) pushResidue(i, norm.key.length);
  return segments;
}

// Classifying header strings: composite parsing, normalisation, dictionary segmentation, then the
// head-final rule. Results are cached per distinct header for the life of the classifier, and
// kuromoji is consulted only when Japanese residue trails the last known word.
import type { CompiledDictionary } from '../dictionary/compile.js';
import { normalize, normalizeExplained, type Normalized } from '../tokenize/normalize.js';
import type { MorphToken, MorphTokenizer } from '../tokenize/tokenizer.js';
import { CATEGORY_RANK, type ClassifyResult, type HeaderEvidence, type Reason } from '../types.js';
import { baseText, parseComposite } from './composite.js';
import { changedInContext, contextOf, type FieldContext } from './context.js';
import { headEvidence } from './head.js';
import { segment, SegmentScratch, type Segment } from './segment.js';

/** Parts of speech that never name a field: particles, auxiliary verbs, symbols. */
const FILLER_POS = new Set(['助詞', '助動詞', '記号']);

export interface Explanation {
  header: string;
  base: string;
  qualifiers: string[];
  steps: Normalized['steps'];
  segments: { text: string; kind: Segment['kind']; entry?: string; category?: string; subcategory?: string; role?: string; head?: string; weight?: number; surface?: string }[];
  morphology: MorphToken[];
  result: ClassifyResult;
  /**
   * What the header would be in a file that holds the kinds of field some entries' context names
   * (src/classify/context.ts), when that differs from `result`: a scan reads it so in such a file.
   */
  inContext?: { kinds: string[]; result: ClassifyResult };
}

/** Caches for one context (or none): a header's result does not change within it. */
class ResultCache {
  /** Results that needed kuromoji, kept as promises (the few headers with Japanese residue). */
  readonly pending = new Map<string, Promise<ClassifyResult>>();
  /**
   * Results computed synchronously (nearly all), so neither a header nor a composite part is
   * computed twice. Kept as results rather than promises: one map entry and no promise per header.
   */
  readonly settled = new Map<string, ClassifyResult>();
}

export class HeaderClassifier {
  private readonly plain = new ResultCache();
  private readonly inContext = new Map<string, ResultCache>();
  private readonly scratch = new SegmentScratch();

  constructor(
    private readonly dict: CompiledDictionary,
    private readonly morph?: MorphTokenizer,
  ) {}

  /** Kinds that some dictionary entry's context names: the only ones worth counting in a file. */
  get contextKinds(): ReadonlySet<string> {
    return this.dict.contextKinds;
  }

  /** A header's result; with `context`, entries that need the file's other fields may apply. */
  classify(header: string, context?: FieldContext): Promise<ClassifyResult> {
    const cache = this.cacheFor(context);
    const pending = cache.pending.get(header);
    if (pending) return pending;
    const known = this.classifyWithoutMorphology(header, cache, context);
    if (known) return Promise.resolve(known);
    const result = this.compute(header, context);
    cache.pending.set(header, result);
    return result;
  }

  private cacheFor(context: FieldContext | undefined): ResultCache {
    if (!context) return this.plain;
    let cache = this.inContext.get(context.key);
    if (!cache) this.inContext.set(context.key, (cache = new ResultCache()));
    return cache;
  }

  /**
   * The synchronous path, taken by nearly every header: when no Japanese residue trails the last
   * known word, kuromoji has nothing to say and no promise chain is needed. Undefined otherwise.
   */
  private classifyWithoutMorphology(header: string, cache: ResultCache, context: FieldContext | undefined): ClassifyResult | undefined {
    const done = cache.settled.get(header);
    if (done) return done;
    const composite = parseComposite(header);
    const text = baseText(composite);
    let evidence: HeaderEvidence | undefined;
    if (text) {
      const segments = segment(normalize(text), this.dict, this.scratch, context?.kinds);
      if (this.morph && trailingJapaneseResidue(segments)) return undefined;
      evidence = headEvidence(segments);
    }
    const parts: ClassifyResult[] = [];
    for (const part of composite.parts) {
      const result = this.classifyWithoutMorphology(part, cache, context);
      if (!result) return undefined;
      parts.push(result);
    }
    const result = combine(header, evidence, parts);
    cache.settled.set(header, result);
    return result;
  }

  classifyMany(headers: readonly string[]): Promise<ClassifyResult[]> {
    return Promise.all(headers.map((h) => this.classify(h)));
  }

  private async compute(header: string, context: FieldContext | undefined): Promise<ClassifyResult> {
    const composite = parseComposite(header);
    const text = baseText(composite);
    const evidence = text ? await this.evidence(text, context) : undefined;
    const parts = await Promise.all(composite.parts.map((p) => this.classify(p, context)));
    return combine(header, evidence, parts);
  }

  private async evidence(text: string, context: FieldContext | undefined): Promise<HeaderEvidence> {
    const segments = segment(normalize(text), this.dict, this.scratch, context?.kinds);
    return headEvidence(segments, { fillerResidue: await this.fillerResidue(segments) });
  }

  /** Japanese residue after the last known word might be the head, or only particles: kuromoji tells. */
  private async fillerResidue(segments: Segment[]): Promise<Set<number>> {
    const filler = new Set<number>();
    if (!this.morph) return filler;
    for (let i = segments.length - 1; i >= 0; i--) {
      const s = segments[i];
      if (s.kind === 'num') continue;
      if (s.kind !== 'residue' || s.script !== 'ja') break;
      const tokens = await this.morph.tokenize(s.text);
      if (tokens.every((t) => FILLER_POS.has(t.pos) || t.posDetail === '接尾')) filler.add(i);
      else break;
    }
    return filler;
  }

  /** Every step of a classification, for `kojin explain`. Always runs kuromoji over Japanese residue. */
  async explain(header: string): Promise<Explanation> {
    const composite = parseComposite(header);
    const text = baseText(composite);
    const norm = normalizeExplained(text);
    const segments = segment(norm, this.dict);
    const result = await this.classify(header);
    const morphology: MorphToken[] = [];
    if (this.morph) for (const s of segments) if (s.kind === 'residue' && s.script === 'ja') morphology.push(...(await this.morph.tokenize(s.text)));
    return {
      header,
      base: composite.base,
      qualifiers: composite.qualifiers,
      steps: norm.steps,
      segments: segments.map((s) => ({
        text: s.text,
        kind: s.kind,
        entry: s.entry?.id,
        category: s.entry?.category,
        subcategory: s.entry?.subcategory,
        role: s.entry?.role,
        head: s.entry?.head,
        weight: s.entry?.weight,
        surface: s.surface,
      })),
      morphology,
      result,
      ...(await this.contextualReading(header, result)),
    };
  }

  /** The header read as in a file that holds every kind some entry's context names, if that changes it. */
  private async contextualReading(header: string, plain: ClassifyResult): Promise<Pick<Explanation, 'inContext'>> {
    if (this.dict.contextKinds.size === 0) return {};
    const read = await this.classify(header, contextOf(this.dict.contextKinds));
    if (!changedInContext(plain, read)) return {};
    return { inContext: { kinds: this.contextsUsed(read), result: read } };
  }

  /**
   * The kinds named by the contexts of the entries a result was read through (its parts' too),
   * sorted: which of a file's fields made the difference, for a reader.
   */
  contextsUsed(result: { reasons: { entry?: string }[]; parts?: ClassifyResult[] }): string[] {
    const kinds = new Set<string>();
    const visit = (r: { reasons: { entry?: string }[]; parts?: ClassifyResult[] }) => {
      for (const reason of r.reasons) for (const kind of (reason.entry && this.dict.byId.get(reason.entry)?.context) || []) kinds.add(kind);
      for (const part of r.parts ?? []) visit(part);
    };
    visit(result);
    return [...kinds].sort();
  }
}

/** Whether Japanese text the dictionaries do not know stands after the last known word. */
function trailingJapaneseResidue(segments: Segment[]): boolean {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (s.kind === 'num') continue;
    return s.kind === 'residue' && s.script === 'ja';
  }
  return false;
}

/** The whole of a composite takes its strongest part when that part outranks the base. */
function combine(header: string, base: HeaderEvidence | undefined, parts: ClassifyResult[]): ClassifyResult {
  let strongest: ClassifyResult | undefined;
  for (const p of parts) if (!strongest || CATEGORY_RANK[p.category] > CATEGORY_RANK[strongest.category]) strongest = p;
  // The base evidence was made for this header alone: its reasons are taken over, not copied.
  const reasons: Reason[] = base ? base.reasons : [];
  const result: ClassifyResult = base
    ? { header, category: base.category, subcategory: base.subcategory, confidence: base.confidence, reasons }
    : { header, category: 'unknown', subcategory: null, confidence: 0, reasons };
  if (strongest && (!base || CATEGORY_RANK[strongest.category] > CATEGORY_RANK[base.category])) {
    result.category = strongest.category;
    result.subcategory = strongest.subcategory;
    result.confidence = strongest.confidence;
    reasons.unshift({
      rule: 'composite',
      text: `composite field: its strongest part "${strongest.header}" is ${strongest.category}/${strongest.subcategory}`,
      tokens: [strongest.header],
    });
  }
  if (parts.length) result.parts = parts;
  return result;
}

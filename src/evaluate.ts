// Accuracy of header classification on a labelled corpus (TSV: header, category, subcategory, …,
// accept). Used by the accuracy test and `npm run accuracy`; pure apart from the classifier.
import type { HeaderClassifier } from './classify/classifier.js';
import { changedInContext, fileContext } from './classify/context.js';
import type { Category, ClassifyResult } from './types.js';

export interface LabelledHeader {
  header: string;
  category: Category;
  subcategory: string;
  accept?: Category;
  source?: string;
}

export interface Metrics {
  total: number;
  recall: Record<'my_number' | 'sensitive' | 'personal', number>;
  precision: Record<'my_number' | 'sensitive' | 'personal', number>;
  /** Non-personal headers reported as personal, sensitive or my_number. */
  noneFlagged: number;
  unknownRate: number;
  errors: { header: string; expected: string; got: string }[];
}

export function parseCorpus(tsv: string): LabelledHeader[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.length > 0);
  const head = lines[0].split('\t');
  const col = (name: string) => head.indexOf(name);
  const [h, c, s, a, src] = [col('header'), col('category') === -1 ? col('class') : col('category'), col('subcategory'), col('accept'), col('source')];
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return {
      header: cells[h],
      category: cells[c] as Category,
      subcategory: cells[s],
      ...(a >= 0 && cells[a] ? { accept: cells[a] as Category } : {}),
      ...(src >= 0 ? { source: cells[src] } : {}),
    };
  });
}

const FLAGGED = new Set<Category>(['my_number', 'sensitive', 'personal']);

/** A prediction is right when it is the label or the accepted alternative. */
const correct = (item: LabelledHeader, got: Category) => got === item.category || got === item.accept;

export function measure(items: LabelledHeader[], results: ClassifyResult[]): Metrics {
  const cats = ['my_number', 'sensitive', 'personal'] as const;
  const recall = {} as Metrics['recall'];
  const precision = {} as Metrics['precision'];
  for (const cat of cats) {
    const labelled = items.filter((it) => it.category === cat);
    const hits = labelled.filter((it) => correct(it, results[items.indexOf(it)].category));
    recall[cat] = labelled.length ? hits.length / labelled.length : 1;
    const predicted = items.filter((_, i) => results[i].category === cat);
    const right = predicted.filter((it) => correct(it, cat));
    precision[cat] = predicted.length ? right.length / predicted.length : 1;
  }
  const none = items.map((it, i) => ({ it, r: results[i] })).filter(({ it }) => it.category === 'none');
  const noneFlagged = none.length ? none.filter(({ it, r }) => FLAGGED.has(r.category) && !correct(it, r.category)).length / none.length : 0;
  const unknownRate = results.filter((r) => r.category === 'unknown').length / Math.max(1, results.length);
  const errors = items
    .map((it, i) => ({ it, r: results[i] }))
    .filter(({ it, r }) => !correct(it, r.category))
    .map(({ it, r }) => ({ header: it.header, expected: `${it.category}/${it.subcategory}`, got: `${r.category}/${r.subcategory ?? '-'}` }));
  return { total: items.length, recall, precision, noneFlagged, unknownRate, errors };
}

export async function evaluate(items: LabelledHeader[], classifier: HeaderClassifier): Promise<Metrics> {
  return measure(items, await classifyInFiles(items, classifier));
}

/**
 * Classifies labelled headers as a scan would: the rows of one source are the fields of one file,
 * so each is read again with the rest of its file (src/classify/context.ts). The corpus holds each
 * distinct header once, so a source's rows are a subset of its file's fields: the file's context
 * is counted from fewer fields than a scan of it would see, never more. Rows without a source stand
 * alone.
 */
export async function classifyInFiles(items: LabelledHeader[], classifier: HeaderClassifier): Promise<ClassifyResult[]> {
  const plain = await classifier.classifyMany(items.map((it) => it.header));
  const results = [...plain];
  const bySource = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (!it.source) return;
    const rows = bySource.get(it.source);
    if (rows) rows.push(i);
    else bySource.set(it.source, [i]);
  });
  for (const rows of bySource.values()) {
    const context = fileContext(
      rows.map((i) => plain[i]),
      classifier.contextKinds,
    );
    if (!context) continue;
    for (const i of rows) {
      const read = await classifier.classify(items[i].header, context);
      if (changedInContext(plain[i], read)) results[i] = read;
    }
  }
  return results;
}

export function formatMetrics(name: string, m: Metrics): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `${name}: ${m.total} headers`,
    `  my_number  recall ${pct(m.recall.my_number)}  precision ${pct(m.precision.my_number)}`,
    `  sensitive  recall ${pct(m.recall.sensitive)}  precision ${pct(m.precision.sensitive)}`,
    `  personal   recall ${pct(m.recall.personal)}  precision ${pct(m.precision.personal)}`,
    `  non-personal reported as personal/sensitive/my_number: ${pct(m.noneFlagged)}`,
    `  left unknown: ${pct(m.unknownRate)}`,
  ].join('\n');
}

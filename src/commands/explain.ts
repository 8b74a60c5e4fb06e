// `kojin explain <header>`: every step from the raw header to the category, for a reader.
import { MIN_CONTEXT_FIELDS } from '../classify/context.js';
import type { Explanation } from '../classify/classifier.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { makeClassifier } from './context.js';

export async function explainCommand(headers: string[], options: { format?: string; dictionary?: string[] }, io: CliIO): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'table' && format !== 'json') throw new UsageError(`--format: explain prints text or json, got "${format}"`);
  if (headers.length === 0) throw new UsageError('explain: give a header to explain');
  const classifier = makeClassifier({ dictionaries: options.dictionary });
  const explanations = [];
  for (const header of headers) explanations.push(await classifier.explain(header));
  io.stdout(format === 'json' ? JSON.stringify({ explanations }, null, 2) + '\n' : explanations.map(renderExplanation).join('\n'));
  return 0;
}

export function renderExplanation(e: Explanation): string {
  const lines: string[] = [`Header: ${e.header}`];
  if (e.qualifiers.length) lines.push(`  bracketed qualifier(s) read as words before the base: ${e.qualifiers.join(', ')}`);
  if (e.result.parts?.length) lines.push(`  composite: its parts are classified too (${e.result.parts.map((p) => p.header).join(', ')})`);
  lines.push('1. Normalisation');
  for (const step of e.steps) lines.push(`   ${step.step}: ${step.result}`);
  lines.push('2. Segments (dictionary longest match; the rest is unknown)');
  for (const s of e.segments) {
    if (s.kind === 'match') {
      const role = s.role ? `, role ${s.role}` : '';
      lines.push(`   "${s.text}" → ${s.entry} (${s.category}/${s.subcategory}, head ${s.head}${role}, weight ${s.weight}; surface "${s.surface}")`);
    } else lines.push(`   "${s.text}" → ${s.kind === 'num' ? 'number (ignored)' : 'not in the dictionaries'}`);
  }
  if (e.morphology.length) {
    lines.push('3. kuromoji tokens of the unknown Japanese (surface / part of speech / reading)');
    for (const t of e.morphology) lines.push(`   ${t.surface} / ${t.pos}${t.posDetail && t.posDetail !== '*' ? `-${t.posDetail}` : ''} / ${t.reading ?? '-'}`);
  }
  lines.push(`${e.morphology.length ? 4 : 3}. Rules that fired`);
  for (const r of e.result.reasons) lines.push(`   [${r.rule}] ${r.text}${r.weight !== undefined ? ` (weight ${r.weight})` : ''}`);
  for (const p of e.result.parts ?? []) lines.push(`   part "${p.header}" → ${p.category}/${p.subcategory ?? '-'} (${p.confidence.toFixed(2)})`);
  lines.push(`Result: ${e.result.category}/${e.result.subcategory ?? '-'}, confidence ${e.result.confidence.toFixed(2)}`);
  if (e.inContext) {
    const r = e.inContext.result;
    lines.push(`In a file that also has at least ${MIN_CONTEXT_FIELDS} ${e.inContext.kinds.join(' or ')} fields: ${r.category}/${r.subcategory ?? '-'}, confidence ${r.confidence.toFixed(2)}`);
    for (const reason of r.reasons) if (reason.entry && e.result.reasons.every((p) => p.entry !== reason.entry)) lines.push(`   [${reason.rule}] ${reason.text}`);
  }
  return lines.join('\n') + '\n';
}

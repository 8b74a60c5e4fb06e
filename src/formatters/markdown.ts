// Markdown for pull-request comments: counts, the failures first (with how to declare them), then
// one table per file. Every piece of report text is escaped for GitHub-flavoured Markdown tables.

import { categoryLabel, fileLabel, handlingNote, reasonText, subcategoryLabel, t, type Lang } from '../i18n/index.js';
import { CATEGORIES, type Category, type FieldReport, type FileReport, type ScanReport } from '../types.js';
import type { FormatOptions } from './index.js';
import { formatConfidence, sortedSubcategories, splitSubcategoryKey } from './text.js';

/** Escape text for a Markdown table cell or paragraph: no HTML, no emphasis, no links, no `|`. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

const MAX_DECLARATION_EXAMPLES = 20;

function sub(subcategory: string | null, lang: Lang): string {
  if (!subcategory) return '';
  const label = subcategoryLabel(subcategory, lang);
  return label === subcategory ? `\`${escapeTick(subcategory)}\`` : `${escapeMarkdown(label)} (\`${escapeTick(subcategory)}\`)`;
}

/** Ids inside code spans: no backticks or pipes can occur in the ids we make, but be safe. */
function escapeTick(text: string): string {
  return text.replace(/[`|\r\n]/g, '_');
}

function catCell(category: Category, lang: Lang): string {
  return `${escapeMarkdown(categoryLabel(category, lang))}`;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function failuresSection(report: ScanReport, lang: Lang): string[] {
  const failures = report.summary.failures;
  const lines: string[] = [`### ${t('failures', lang)} (${failures.length})`, ''];
  if (failures.length === 0) {
    lines.push(t('noFailures', lang), '');
    return lines;
  }
  lines.push(
    `| ${t('file', lang)} | ${t('sheetOrTable', lang)} | ${t('field', lang)} | ${t('category', lang)} | ${t('subcategory', lang)} |`,
    '|---|---|---|---|---|',
  );
  for (const f of failures) {
    lines.push(
      `| ${escapeMarkdown(f.path)} | ${escapeMarkdown(f.table ?? '')} | ${escapeMarkdown(f.field)} | ${catCell(f.category, lang)} | ${sub(f.subcategory, lang)} |`,
    );
  }
  lines.push('', t('failuresHowTo', lang), '');
  const example: string[] = ['declarations:'];
  for (const f of failures.slice(0, MAX_DECLARATION_EXAMPLES)) {
    example.push(`  - path: ${yamlString(f.path)}`);
    example.push(
      `    field: ${yamlString(f.field)}`,
      `    category: ${f.category}`,
      `    purpose: ${yamlString(lang === 'ja' ? '（利用目的）' : '(purpose of use)')}`,
      `    owner: ${yamlString(lang === 'ja' ? '（責任者）' : '(owner)')}`,
    );
  }
  const body = example.join('\n');
  // A fence longer than any run of tildes in the body, so no header name can close it.
  const longest = Math.max(2, ...(body.match(/~+/g) ?? []).map((run) => run.length));
  const fence = '~'.repeat(longest + 1);
  lines.push(`${fence}yaml`, body, fence, '');
  return lines;
}

function summarySection(report: ScanReport, lang: Lang): string[] {
  const s = report.summary;
  const lines: string[] = [`### ${t('summary', lang)}`, ''];
  lines.push(`| ${t('category', lang)} | ${t('count', lang)} |`, '|---|---:|');
  for (const c of CATEGORIES) lines.push(`| ${catCell(c, lang)} | ${s.byCategory[c] ?? 0} |`);
  lines.push(`| **${t('total', lang)}** | **${s.fields}** |`, '');
  lines.push(`${t('files', lang)}: ${s.files} / ${t('filesWithErrors', lang)}: ${s.filesWithErrors}`, '');
  const subs = sortedSubcategories(s.bySubcategory);
  if (subs.length > 0) {
    lines.push(`| ${t('subcategory', lang)} | ${t('count', lang)} |`, '|---|---:|');
    for (const [key, count] of subs) {
      const { subcategory } = splitSubcategoryKey(key);
      const label = subcategoryLabel(subcategory, lang);
      lines.push(`| \`${escapeTick(key)}\`${label !== subcategory ? ` ${escapeMarkdown(label)}` : ''} | ${count} |`);
    }
    lines.push('');
  }
  lines.push(`**${t('specificFiles', lang)}**`, '');
  if (s.specificPersonalInformationFiles.length === 0) lines.push(t('none', lang));
  for (const path of s.specificPersonalInformationFiles) lines.push(`- ${escapeMarkdown(path)}`);
  lines.push('');
  return lines;
}

function fieldRows(field: FieldReport, depth: number, lang: Lang, out: string[]): void {
  const prefix = depth > 0 ? `${'&nbsp;&nbsp;'.repeat(depth)}└ ` : '';
  const notes: string[] = [];
  if (field.headerHid) notes.push(`⚠ ${escapeMarkdown(t('headerHid', lang))}`);
  if (field.declared) {
    const owner = field.declared.owner ? ` (${escapeMarkdown(field.declared.owner)})` : '';
    notes.push(`${t('declared', lang)}: ${escapeMarkdown(field.declared.purpose)}${owner}`);
  }
  const reasons = field.reasons.map((r) => escapeMarkdown(reasonText(r, lang)));
  const reasonCell = [...reasons, ...notes].join('<br>');
  out.push(
    `| ${prefix}${escapeMarkdown(field.name)} | ${catCell(field.category, lang)} | ${sub(field.subcategory, lang)} | ${formatConfidence(field.confidence)} | ${reasonCell} |`,
  );
  for (const part of field.parts ?? []) fieldRows(part, depth + 1, lang, out);
}

function fileSection(file: FileReport, lang: Lang): string[] {
  const meta = [file.format, file.encoding].filter((x): x is string => !!x).join(', ');
  const lines: string[] = [`#### ${escapeMarkdown(file.path)}`, ''];
  lines.push(`**${escapeMarkdown(fileLabel(file, lang))}**${meta ? ` (${escapeMarkdown(meta)})` : ''}`, '');
  if (file.error !== undefined) {
    lines.push(`> ${t('error', lang)}: ${escapeMarkdown(file.error)}`, '');
    return lines;
  }
  for (const w of file.warnings) lines.push(`> ${t('warning', lang)}: ${escapeMarkdown(w)}`);
  if (file.warnings.length > 0) lines.push('');
  for (const table of file.tables) {
    if (table.name !== undefined) lines.push(`${t('table', lang)}: **${escapeMarkdown(table.name)}**`, '');
    if (table.fields.length === 0) {
      lines.push(t('noFields', lang), '');
      continue;
    }
    lines.push(
      `| ${t('field', lang)} | ${t('category', lang)} | ${t('subcategory', lang)} | ${t('confidence', lang)} | ${t('reasons', lang)} |`,
      '|---|---|---|---:|---|',
    );
    for (const field of table.fields) fieldRows(field, 0, lang, lines);
    lines.push('');
  }
  return lines;
}

function notesSection(report: ScanReport, lang: Lang): string[] {
  const present = CATEGORIES.filter((c) => c !== 'none' && c !== 'unknown' && (report.summary.byCategory[c] ?? 0) > 0);
  if (present.length === 0) return [];
  const lines = [`### ${t('handlingNotes', lang)}`, ''];
  for (const c of present) lines.push(`- **${escapeMarkdown(categoryLabel(c, lang))}**: ${escapeMarkdown(handlingNote(c, lang))}`);
  lines.push('');
  return lines;
}

export function markdown(report: ScanReport, options: FormatOptions): string {
  const lang = options.lang;
  const lines: string[] = [`## ${t('title', lang)}`, ''];
  lines.push(...summarySection(report, lang));
  lines.push(...failuresSection(report, lang));
  lines.push(...notesSection(report, lang));
  lines.push(`### ${t('fileDetails', lang)}`, '');
  for (const file of report.files) lines.push(...fileSection(file, lang));
  lines.push(`<sub>${t('generatedBy', lang)} ${escapeMarkdown(options.toolVersion)}</sub>`);
  return lines.join('\n') + '\n';
}

// The default terminal report: one section per file, aligned rows per table, then the summary.
// Fits 100 columns; colour only when options.color, through a palette (chalk's comes from
// ./colour.ts, loaded only then: a report piped to a file or another program never loads chalk).

import {
  categoryLabel,
  categoryShortLabel,
  fileLabel,
  reasonText,
  subcategoryLabel,
  t,
  type Lang,
} from '../i18n/index.js';
import { CATEGORIES, type Category, type ClassifyResult, type FieldReport, type FileReport, type ScanReport } from '../types.js';
import type { FormatOptions } from './index.js';
import {
  displayWidth,
  formatConfidence,
  oneLine,
  padEnd,
  padStart,
  sortedSubcategories,
  splitSubcategoryKey,
  truncate,
  wrap,
} from './text.js';

export const TABLE_WIDTH = 100;
const NAME_MAX = 30;
const SUB_MAX = 22;

type Paint = (category: Category, text: string) => string;
type Style = (text: string) => string;

/** The styles the table is painted with. */
export interface Palette {
  bold: Style;
  dim: Style;
  red: Style;
  yellow: Style;
  category: Record<Category, Style>;
}

const asIs: Style = (text) => text;
/** No colour: what chalk at level 0 does to one string argument. */
export const PLAIN: Palette = { bold: asIs, dim: asIs, red: asIs, yellow: asIs, category: { my_number: asIs, sensitive: asIs, personal: asIs, none: asIs, unknown: asIs } };

function painter(palette: Palette): { paint: Paint; chalk: Palette } {
  return { paint: (category, text) => palette.category[category](text), chalk: palette };
}

interface Row {
  name: string;
  category: Category;
  sub: string;
  confidence: string;
  reason: string;
  notes: string[];
}

function subcategoryCell(sub: string | null, lang: Lang): string {
  if (!sub) return '-';
  const label = subcategoryLabel(sub, lang);
  return label === sub ? sub : lang === 'ja' ? label : sub;
}

function fieldRowsOf(field: FieldReport, depth: number, lang: Lang, out: Row[]): void {
  const indent = depth === 0 ? '' : '  '.repeat(depth - 1) + '└ ';
  const notes: string[] = [];
  if (field.headerHid) notes.push(`! ${t('headerHid', lang)}`);
  if (field.declared) {
    const owner = field.declared.owner ? ` (${oneLine(field.declared.owner)})` : '';
    notes.push(`${t('declared', lang)}: ${oneLine(field.declared.purpose)}${owner}`);
  }
  out.push({
    name: indent + oneLine(field.name),
    category: field.category,
    sub: subcategoryCell(field.subcategory, lang),
    confidence: formatConfidence(field.confidence),
    reason: field.reasons.length > 0 ? oneLine(reasonText(field.reasons[0], lang)) : '',
    notes,
  });
  for (const part of field.parts ?? []) fieldRowsOf(part, depth + 1, lang, out);
}

/** What every table of one language shares: computed once, not for each of thousands of tables. */
interface Layout {
  catWidth: number;
  /** Each category's short label, padded to catWidth. */
  catCells: Record<Category, string>;
  fieldWidth: number;
  subWidth: number;
  confWidth: number;
}

const layouts = new Map<Lang, Layout>();

function layoutOf(lang: Lang): Layout {
  let layout = layouts.get(lang);
  if (!layout) {
    const catWidth = Math.max(...CATEGORIES.map((c) => displayWidth(categoryShortLabel(c, lang))));
    const catCells = Object.fromEntries(CATEGORIES.map((c) => [c, padEnd(categoryShortLabel(c, lang), catWidth)])) as Record<Category, string>;
    layout = { catWidth, catCells, fieldWidth: displayWidth(t('field', lang)), subWidth: displayWidth(t('subcategory', lang)), confWidth: Math.max(4, displayWidth(t('conf', lang))) };
    layouts.set(lang, layout);
  }
  return layout;
}

/** Header lines by language, indent and column widths: the same few recur across a report's tables. */
const heads = new Map<string, string>();

function headLine(lang: Lang, indent: string, nameWidth: number, subWidth: number, layout: Layout): string {
  const key = `${lang}\u0000${indent}\u0000${nameWidth}\u0000${subWidth}`;
  let head = heads.get(key);
  if (head === undefined) {
    const text = [
      padEnd(t('field', lang), nameWidth),
      padEnd(t('category', lang), layout.catWidth),
      padEnd(t('subcategory', lang), subWidth),
      padStart(t('conf', lang), layout.confWidth),
      t('reason', lang),
    ].join('  ');
    head = truncate(text, TABLE_WIDTH - displayWidth(indent));
    heads.set(key, head);
  }
  return head;
}

/** padEnd(truncate(text, width), width), given the text's display width (measured once per cell). */
function fit(text: string, textWidth: number, width: number): string {
  if (textWidth <= width) return textWidth === width ? text : text + ' '.repeat(width - textWidth);
  return padEnd(truncate(text, width), width);
}

/** Appends the rows' lines (a header line, then one per row and note) to `lines`. */
function renderRows(rows: Row[], lang: Lang, paint: Paint, dim: (s: string) => string, indent: string, lines: string[] = []): string[] {
  const layout = layoutOf(lang);
  // A report of thousands of tables renders ~100,000 rows: each cell is measured once.
  const nameWidths = rows.map((r) => displayWidth(r.name));
  const subWidths = rows.map((r) => displayWidth(r.sub));
  let nameWidth = layout.fieldWidth;
  let subWidth = layout.subWidth;
  for (const w of nameWidths) if (w > nameWidth) nameWidth = w;
  for (const w of subWidths) if (w > subWidth) subWidth = w;
  nameWidth = Math.min(NAME_MAX, nameWidth);
  subWidth = Math.min(SUB_MAX, subWidth);
  const { catWidth, confWidth } = layout;
  const indentWidth = displayWidth(indent);
  const fixed = indentWidth + nameWidth + 2 + catWidth + 2 + subWidth + 2 + confWidth + 2;
  const reasonWidth = Math.max(10, TABLE_WIDTH - fixed);
  lines.push(indent + dim(headLine(lang, indent, nameWidth, subWidth, layout)));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const line =
      indent +
      fit(row.name, nameWidths[i], nameWidth) +
      '  ' +
      paint(row.category, layout.catCells[row.category] ?? padEnd(categoryShortLabel(row.category, lang), catWidth)) +
      '  ' +
      fit(row.sub, subWidths[i], subWidth) +
      '  ' +
      padStart(row.confidence, confWidth) +
      '  ' +
      truncate(row.reason, reasonWidth);
    lines.push(line.trimEnd());
    for (const note of row.notes) {
      lines.push(indent + '    ' + truncate(note, TABLE_WIDTH - indentWidth - 4));
    }
  }
  return lines;
}

/** Appends a file's lines to `lines` (one array for the whole report: no copying of sections). */
function fileSection(file: FileReport, lang: Lang, paint: Paint, chalk: Palette, lines: string[]): void {
  const meta = [file.format, file.encoding].filter((x): x is string => !!x).join(', ');
  lines.push(chalk.bold(`${oneLine(file.path)}${meta ? `  (${meta})` : ''}`));
  if (file.error !== undefined) {
    lines.push(`  ${chalk.red(`${t('error', lang)}: ${truncate(oneLine(file.error), TABLE_WIDTH - 10)}`)}`);
    return;
  }
  lines.push(`  ${paint(file.category, fileLabel(file, lang))}`);
  for (const warning of file.warnings) {
    lines.push(`  ${chalk.yellow(`${t('warning', lang)}: ${truncate(oneLine(warning), TABLE_WIDTH - 12)}`)}`);
  }
  for (const table of file.tables) {
    let indent = '  ';
    if (table.name !== undefined || file.tables.length > 1) {
      lines.push(`  [${oneLine(table.name ?? '-')}] ${table.kind}`);
      indent = '    ';
    }
    if (table.fields.length === 0) {
      lines.push(indent + t('noFields', lang));
      continue;
    }
    const rows: Row[] = [];
    for (const field of table.fields) fieldRowsOf(field, 0, lang, rows);
    renderRows(rows, lang, paint, chalk.dim, indent, lines);
  }
}

function summarySection(report: ScanReport, lang: Lang, paint: Paint, chalk: Palette): string[] {
  const s = report.summary;
  const lines: string[] = [chalk.bold(`== ${t('summary', lang)} ==`)];
  lines.push(
    `  ${t('files', lang)}: ${s.files}  ${t('filesWithErrors', lang)}: ${s.filesWithErrors}  ${t('fields', lang)}: ${s.fields}`,
  );
  lines.push(`  ${t('byCategory', lang)}`);
  const catWidth = Math.max(...CATEGORIES.map((c) => displayWidth(categoryLabel(c, lang))));
  for (const c of CATEGORIES) {
    lines.push(`    ${paint(c, padEnd(categoryLabel(c, lang), catWidth))}  ${padStart(String(s.byCategory[c] ?? 0), 5)}`);
  }
  const subs = sortedSubcategories(s.bySubcategory);
  if (subs.length > 0) {
    lines.push(`  ${t('bySubcategory', lang)}`);
    const labels = subs.map(([key]) => {
      const { subcategory } = splitSubcategoryKey(key);
      const label = subcategoryLabel(subcategory, lang);
      return label === subcategory ? key : `${key} (${label})`;
    });
    const width = Math.min(60, Math.max(...labels.map(displayWidth)));
    subs.forEach(([, count], i) => {
      lines.push(`    ${padEnd(truncate(labels[i], width), width)}  ${padStart(String(count), 5)}`);
    });
  }
  lines.push(`  ${t('specificFiles', lang)}`);
  if (s.specificPersonalInformationFiles.length === 0) lines.push(`    ${t('none', lang)}`);
  for (const path of s.specificPersonalInformationFiles) lines.push(`    ${paint('my_number', oneLine(path))}`);
  lines.push(`  ${t('failures', lang)}: ${s.failures.length}`);
  for (const f of s.failures) {
    const where = `${oneLine(f.path)}${f.table !== undefined ? ` [${oneLine(f.table)}]` : ''}: ${oneLine(f.field)}`;
    const what = `${categoryShortLabel(f.category, lang)}${f.subcategory ? `/${f.subcategory}` : ''}`;
    lines.push(`    ${paint(f.category, truncate(`${where} — ${what}`, TABLE_WIDTH - 4))}`);
  }
  if (s.failures.length > 0) for (const l of wrap(t('failuresHowTo', lang), TABLE_WIDTH - 4)) lines.push(`    ${l}`);
  return lines;
}

/** The table; `palette` must be chalk's (./colour.ts) for colour, and is ignored without options.color. */
export function table(report: ScanReport, options: FormatOptions, palette: Palette = PLAIN): string {
  const { paint, chalk } = painter(options.color ? palette : PLAIN);
  const lines: string[] = [];
  for (const file of report.files) {
    fileSection(file, options.lang, paint, chalk, lines);
    lines.push('');
  }
  lines.push(...summarySection(report, options.lang, paint, chalk));
  return lines.join('\n') + '\n';
}

/** `kojin classify` in the terminal: one aligned row per header, parts indented under it. */
export function classifyTable(results: ClassifyResult[], options: FormatOptions, palette: Palette = PLAIN): string {
  const { paint, chalk } = painter(options.color ? palette : PLAIN);
  const rows: Row[] = [];
  const visit = (r: ClassifyResult, depth: number): void => {
    rows.push({
      name: (depth === 0 ? '' : '  '.repeat(depth - 1) + '└ ') + oneLine(r.header),
      category: r.category,
      sub: subcategoryCell(r.subcategory, options.lang),
      confidence: formatConfidence(r.confidence),
      reason: r.reasons.length > 0 ? oneLine(reasonText(r.reasons[0], options.lang)) : '',
      notes: [],
    });
    for (const p of r.parts ?? []) visit(p, depth + 1);
  };
  results.forEach((r) => visit(r, 0));
  if (rows.length === 0) return '';
  return renderRows(rows, options.lang, paint, chalk.dim, '').join('\n') + '\n';
}

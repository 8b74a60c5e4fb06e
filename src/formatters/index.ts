// The formatter registry: every output format is a pure function (report, options) → string | Buffer.
// The CLI's --format choices derive from FORMATTERS' keys.

import type { ClassifyResult, ScanReport } from '../types.js';
import { csv } from './csv.js';
import { html } from './html.js';
import { classifyJson, json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { classifyTable, table } from './table.js';

export interface FormatOptions {
  lang: 'ja' | 'en';
  color: boolean;
  /** Only the csv formatter uses it: utf-8 (with BOM, the default) or shift_jis (CP932). */
  encoding?: 'utf-8' | 'shift_jis';
  toolVersion: string;
}

export type Formatter = (report: ScanReport, options: FormatOptions) => string | Buffer;

export const FORMATTERS = { table, json, markdown, csv, html, sarif } as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}

/** Render a report in the named format. */
export function formatReport(report: ScanReport, format: FormatName, options: FormatOptions): string | Buffer {
  return FORMATTERS[format](report, options);
}

/** Output of `kojin classify`: aligned rows, or {"results": [...]} in input order. */
export function formatClassify(results: ClassifyResult[], format: 'table' | 'json', options: FormatOptions): string {
  return format === 'json' ? classifyJson(results, options) : classifyTable(results, options);
}

export { displayWidth, truncate } from './text.js';

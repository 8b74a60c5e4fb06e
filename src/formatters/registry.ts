// The formatter registry: every output format is a pure function (report, options) → string | Buffer.
// The CLI loads formatters one at a time through ./index.ts; this module holds them all together.

import type { ScanReport } from '../types.js';
import { csv } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { chalkPalette } from './colour.js';
import { table as tableWith } from './table.js';

export interface FormatOptions {
  lang: 'ja' | 'en';
  color: boolean;
  /** Only the csv formatter uses it: utf-8 (with BOM, the default) or shift_jis (CP932). */
  encoding?: 'utf-8' | 'shift_jis';
  toolVersion: string;
}

export type Formatter = (report: ScanReport, options: FormatOptions) => string | Buffer;

/** The table with chalk's colours when options.color. */
const table: Formatter = (report, options) => tableWith(report, options, options.color ? chalkPalette() : undefined);

export const FORMATTERS = { table, json, markdown, csv, html, sarif } as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export { displayWidth, truncate } from './text.js';

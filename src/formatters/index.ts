// The formatters as the CLI uses them: the format names are known without loading any formatter,
// and a report loads only the formatter it is printed in (the HTML and SARIF formatters, chalk and
// the rest would otherwise cost every start-up). The registry of all formatters, for code that
// wants them together, is ./registry.ts.
import type { ClassifyResult, ScanReport } from '../types.js';
import type { FormatName, FormatOptions, Formatter } from './registry.js';

export type { FormatName, FormatOptions, Formatter } from './registry.js';

/** The --format choices, in the registry's order (a test checks they match it). */
export const FORMAT_NAMES: readonly FormatName[] = ['table', 'json', 'markdown', 'csv', 'html', 'sarif'];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

const LOADERS: Record<FormatName, (options: FormatOptions) => Promise<Formatter>> = {
  table: async (options) => {
    const { table } = await import('./table.js');
    if (!options.color) return table;
    const palette = (await import('./colour.js')).chalkPalette();
    return (report, opts) => table(report, opts, palette);
  },
  json: () => import('./json.js').then((m) => m.json),
  markdown: () => import('./markdown.js').then((m) => m.markdown),
  csv: () => import('./csv.js').then((m) => m.csv),
  html: () => import('./html.js').then((m) => m.html),
  sarif: () => import('./sarif.js').then((m) => m.sarif),
};

/** Render a report in the named format. */
export async function formatReport(report: ScanReport, format: FormatName, options: FormatOptions): Promise<string | Buffer> {
  return (await LOADERS[format](options))(report, options);
}

/** Output of `kojin classify`: aligned rows, or {"results": [...]} in input order. */
export async function formatClassify(results: ClassifyResult[], format: 'table' | 'json', options: FormatOptions): Promise<string> {
  if (format === 'json') return (await import('./json.js')).classifyJson(results, options);
  const { classifyTable } = await import('./table.js');
  return classifyTable(results, options, options.color ? (await import('./colour.js')).chalkPalette() : undefined);
}

// Rendering a report in the chosen format and writing it to stdout or --output: shared by
// `kojin scan` and `kojin merge`, so both honour the same options the same way.
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { formatReport, type FormatName } from '../formatters/index.js';
import type { Lang } from '../i18n/index.js';
import type { CliIO } from '../io.js';
import type { ScanReport } from '../types.js';
import { VERSION } from '../version.js';
import { useColor } from './options.js';

export interface OutputOptions {
  format: FormatName;
  lang: Lang;
  color?: boolean;
  /** With --format csv, the output encoding (shift_jis for Excel users); ignored otherwise. */
  encoding?: string;
  output?: string;
}

export async function writeReport(report: ScanReport, options: OutputOptions, io: CliIO): Promise<void> {
  if (options.format === 'json') return writePieces((await import('../formatters/json.js')).jsonPieces(report), options, io);
  const shiftJis = options.format === 'csv' && options.encoding?.toLowerCase().replace('-', '_') === 'shift_jis';
  const rendered = await formatReport(report, options.format, {
    lang: options.lang,
    // A file never gets colour codes, whatever the terminal.
    color: options.output ? false : useColor(options.color, io),
    encoding: shiftJis ? 'shift_jis' : 'utf-8',
    toolVersion: VERSION,
  });
  if (options.output) {
    await fs.writeFile(resolve(io.cwd, options.output), rendered);
    io.stderr(`kojin: report written to ${options.output}\n`);
  } else io.stdout(rendered);
}

/** A JSON report one file at a time, so its size is not bounded by memory or by V8's string length. */
async function writePieces(pieces: Iterable<string>, options: OutputOptions, io: CliIO): Promise<void> {
  if (!options.output) {
    for (const piece of pieces) io.stdout(piece);
    return;
  }
  const file = await fs.open(resolve(io.cwd, options.output), 'w');
  try {
    for (const piece of pieces) await file.write(piece);
  } finally {
    await file.close();
  }
  io.stderr(`kojin: report written to ${options.output}\n`);
}

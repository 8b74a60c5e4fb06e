// A one-line progress display on stderr for scans that take more than about a second: files done of
// the total, fields found, and the file being read (its name truncated to fit). Shown only on a
// terminal, never when CI=true, and never while a machine-readable report (json, sarif, csv) goes to
// standard output. It never shows cell values. Drawn with \r and erase-to-end-of-line, and cleared
// when the scan ends, so the report that follows starts on a clean line.
import type { CliIO } from './io.js';
import type { FileReport } from './types.js';

/** Formats whose stdout a program reads: no progress with them unless the report goes to a file. */
const MACHINE_FORMATS = new Set(['json', 'sarif', 'csv']);

export interface ProgressClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: ProgressClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface ProgressOptions {
  /** Milliseconds before anything is drawn. */
  delayMs?: number;
  /** Milliseconds between redraws. */
  intervalMs?: number;
  /** Terminal width. */
  columns?: number;
  clock?: ProgressClock;
}

export function progressWanted(io: CliIO, format: string, toFile: boolean): boolean {
  if (io.stderrIsTTY !== true) return false;
  if (io.env.CI === 'true') return false;
  if (MACHINE_FORMATS.has(format) && !toFile) return false;
  return true;
}

export class Progress {
  private total = 0;
  private done = 0;
  private fields = 0;
  private current = '';
  private started = 0;
  private drawn = false;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private stopTimer: (() => void) | undefined;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly columns: number;
  private readonly clock: ProgressClock;

  constructor(private readonly write: (text: string) => void, options: ProgressOptions = {}) {
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
    this.columns = Math.max(20, options.columns ?? 80);
    this.clock = options.clock ?? systemClock;
  }

  start(total: number): void {
    this.total = total;
    this.started = this.clock.now();
    this.stopTimer = this.clock.every(this.intervalMs, () => this.tick());
  }

  /** A file has started. */
  file(path: string): void {
    this.current = path;
    this.tick();
  }

  /** A file has finished. */
  finished(report: FileReport): void {
    this.done++;
    for (const table of report.tables) this.fields += table.fields.length;
    this.tick();
  }

  /** Redraws if the delay has passed and the last draw is old enough. */
  tick(): void {
    const now = this.clock.now();
    if (now - this.started < this.delayMs || now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    this.drawn = true;
    this.write(`\r${this.line()}\x1b[K`);
  }

  /** Clears the line (if anything was drawn) and stops redrawing. */
  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
    if (this.drawn) this.write('\r\x1b[K');
    this.drawn = false;
  }

  /** The text of the line, fitted to the terminal width. */
  line(): string {
    const head = `kojin: ${this.done}/${this.total} files, ${this.fields} fields`;
    const room = this.columns - 1 - displayWidth(head) - 2;
    if (!this.current || room < 8) return head.slice(0, this.columns - 1);
    return `${head}  ${truncateMiddle(this.current, room)}`;
  }
}

/** Columns a character takes in a terminal: 2 for East Asian wide and full-width forms, else 1. */
export function charWidth(cp: number): number {
  return (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

/** `a/very/long/path.csv` → `a/ve…path.csv`, at most `max` terminal columns; the end (the file name) is kept longer. */
export function truncateMiddle(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  const chars = [...text];
  const tailRoom = Math.ceil((max - 1) * 0.6);
  let headRoom = max - 1 - tailRoom;
  const tail: string[] = [];
  let used = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = charWidth(chars[i].codePointAt(0)!);
    if (used + w > tailRoom) break;
    tail.unshift(chars[i]);
    used += w;
  }
  headRoom += tailRoom - used;
  let head = '';
  used = 0;
  for (const ch of chars) {
    const w = charWidth(ch.codePointAt(0)!);
    if (used + w > headRoom) break;
    head += ch;
    used += w;
  }
  return `${head}…${tail.join('')}`;
}

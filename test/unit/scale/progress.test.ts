import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../../src/io.js';
import { Progress, progressWanted, truncateMiddle, type ProgressClock } from '../../../src/progress.js';
import type { FileReport } from '../../../src/types.js';

function fakeClock() {
  let now = 0;
  let tick: (() => void) | undefined;
  const clock: ProgressClock = {
    now: () => now,
    every: (_ms, fn) => {
      tick = fn;
      return () => (tick = undefined);
    },
  };
  return { clock, advance: (ms: number) => ((now += ms), tick?.()), running: () => tick !== undefined };
}

const report = (path: string, fields: number): FileReport => ({
  path,
  tables: [{ kind: 'data', rowsSampled: 1, fields: Array.from({ length: fields }, (_, i) => ({ name: `f${i}`, index: i, category: 'none', subcategory: null, confidence: 1, reasons: [] })) }],
  category: 'none',
  warnings: [],
});

describe('progress line', () => {
  it('shows nothing in the first second, then files, fields and the current file; cleared at the end', () => {
    const out: string[] = [];
    const { clock, advance, running } = fakeClock();
    const p = new Progress((t) => out.push(t), { clock, columns: 80 });
    p.start(3);
    p.file('a.csv');
    p.finished(report('a.csv', 4));
    advance(500);
    expect(out).toEqual([]);
    p.file('dir/b.csv');
    advance(600);
    expect(out).toEqual(['\rkojin: 1/3 files, 4 fields  dir/b.csv\x1b[K']);
    p.finished(report('dir/b.csv', 2)); // within 100 ms of the last draw: not redrawn
    expect(out).toHaveLength(1);
    advance(100);
    expect(out[1]).toBe('\rkojin: 2/3 files, 6 fields  dir/b.csv\x1b[K');
    p.stop();
    expect(out[2]).toBe('\r\x1b[K');
    expect(running()).toBe(false);
  });

  it('writes nothing at all, not even the clear, for a scan under a second', () => {
    const out: string[] = [];
    const { clock, advance } = fakeClock();
    const p = new Progress((t) => out.push(t), { clock });
    p.start(1);
    p.file('a.csv');
    advance(900);
    p.finished(report('a.csv', 1));
    p.stop();
    expect(out).toEqual([]);
  });

  it('truncates long names to the terminal width, by display width', () => {
    const out: string[] = [];
    const { clock, advance } = fakeClock();
    const p = new Progress((t) => out.push(t), { clock, columns: 50 });
    p.start(10);
    p.file(`data/${'顧客マスタ'.repeat(10)}/export.csv`);
    advance(1000);
    const line = out[0].slice(1, -3);
    expect(line).toContain('…');
    expect(line).toMatch(/export\.csv$/);
    expect(displayWidth(line)).toBeLessThanOrEqual(49);
    expect(truncateMiddle('short.csv', 20)).toBe('short.csv');
  });

  it('is wanted only on a TTY, outside CI, and not with machine formats on stdout', () => {
    const tty = (env: NodeJS.ProcessEnv = {}) => bufferIO({ stderrIsTTY: true, env });
    expect(progressWanted(tty(), 'table', false)).toBe(true);
    expect(progressWanted(bufferIO({ stderrIsTTY: false }), 'table', false)).toBe(false);
    expect(progressWanted(tty({ CI: 'true' }), 'table', false)).toBe(false);
    for (const f of ['json', 'sarif', 'csv']) {
      expect(progressWanted(tty(), f, false), f).toBe(false);
      expect(progressWanted(tty(), f, true), `${f} -o`).toBe(true);
    }
    expect(progressWanted(tty(), 'markdown', false)).toBe(true);
  });
});

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff01-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

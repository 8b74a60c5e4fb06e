// The bad-input corpus (test/fixtures/bad/cases.json): copies the committed cases and builds the
// large and special ones into a temp dir at run time.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, createWriteStream, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { zip } from './zip.js';

export interface BadCase {
  name: string;
  make: string;
  build?: string;
  args?: string[];
  /** Regex for the message after "kojin: <path>: " on stderr ("^$": no message). */
  stderr: string;
  exit: number;
  /** Regex for a warning in the JSON report (cases that are read leniently). */
  warning?: string;
  note?: string;
}

export const BAD_DIR = new URL('../fixtures/bad/', import.meta.url).pathname;
export const BAD_CASES: BadCase[] = JSON.parse(readFileSync(join(BAD_DIR, 'cases.json'), 'utf8'));
export const BIG = process.env.KOJIN_BIG_TESTS === '1';
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** What a case expects here: as root an unreadable file is read anyway. */
export function expected(c: BadCase): { stderr: string; exit: number } {
  if (c.build === 'unreadable' && IS_ROOT) return { stderr: '^$', exit: 0 };
  return { stderr: c.stderr, exit: c.exit };
}

/** Cases that run here: the 200 MB one only with KOJIN_BIG_TESTS=1; a FIFO only where mkfifo exists. */
export function activeCases(): BadCase[] {
  return BAD_CASES.filter((c) => (c.build !== 'hugeLine' || BIG) && (c.build !== 'fifo' || process.platform !== 'win32'));
}

async function writeStream(path: string, parts: () => Generator<Buffer>) {
  const out = createWriteStream(path);
  for (const part of parts()) if (!out.write(part)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

/** Puts every active case into `dir` (each under its own name); returns the cases. */
export async function buildBadCases(dir: string, cases = activeCases()): Promise<BadCase[]> {
  mkdirSync(dir, { recursive: true });
  for (const c of cases) {
    const path = join(dir, c.name);
    switch (c.build) {
      case undefined:
        copyFileSync(join(BAD_DIR, c.name), path);
        break;
      case 'longLine':
        writeFileSync(path, `a,b\n${'x'.repeat(300 * 1024)},y\n`);
        break;
      case 'hugeLine':
        await writeStream(path, function* () {
          yield Buffer.from('a,b\n');
          const chunk = Buffer.alloc(1024 * 1024, 0x78);
          for (let i = 0; i < 200; i++) yield chunk;
          yield Buffer.from(',y\n');
        });
        break;
      case 'wide':
        writeFileSync(path, `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`);
        break;
      case 'zipBomb':
        writeFileSync(path, zip([
          { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
          { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
          { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024), declaredSize: 0xffff_fff0 },
          { name: 'xl/worksheets/sheet2.xml', data: Buffer.alloc(1024), declaredSize: 0xffff_fff0 },
        ]));
        break;
      case 'deepJson':
        writeFileSync(path, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
        break;
      case 'directory':
        mkdirSync(path, { recursive: true });
        break;
      case 'symlinkLoop':
        symlinkSync('loop2.csv', path);
        symlinkSync(c.name, join(dir, 'loop2.csv'));
        break;
      case 'fifo':
        execFileSync('mkfifo', [path]);
        break;
      case 'unreadable':
        writeFileSync(path, 'code,label\nA1,first\n');
        chmodSync(path, 0o000);
        break;
      case 'missing':
      case 'glob':
        break;
      default:
        throw new Error(`unknown build ${c.build}`);
    }
  }
  return cases;
}

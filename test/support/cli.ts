// Running the CLI from tests: spawned as users run it (node bin/kojin.js …), or in-process through
// run() (the same function the bin calls) where a test needs many runs quickly.
import { spawn } from 'node:child_process';
import { run } from '../../src/cli.js';
import { bufferIO } from '../../src/io.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const BIN = `${ROOT}bin/kojin.js`;

export interface CliResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export function spawnCli(args: string[], options: { cwd?: string; nodeArgs?: string[]; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', CI: '', LANG: 'C', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 110_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

export async function runInProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv = { LANG: 'C' }): Promise<CliResult> {
  const chunks: Buffer[] = [];
  const io = bufferIO({ cwd, env, stdout: (t) => chunks.push(Buffer.isBuffer(t) ? t : Buffer.from(t)) });
  const code = await run(args, io);
  return { code, stdout: Buffer.concat(chunks), stderr: io.err() };
}

/** A stack trace line, as Node prints it. */
export const STACK_LINE = /^\s{4}at /m;

export interface ManyResult {
  /** The spawned process's own output (should be empty: run() output is captured per run). */
  process: CliResult;
  runs: { args: string[]; code: number; stdout: Buffer; stderr: string }[];
}

/** Runs many command lines in one spawned Node process (test/support/run-many.mjs, over dist/). */
export async function spawnMany(runs: string[][], options: { cwd: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[]; work: string }): Promise<ManyResult> {
  const { writeFileSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const planFile = join(options.work, `plan-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const resultFile = `${planFile}.out`;
  writeFileSync(planFile, JSON.stringify({ cwd: options.cwd, env: options.env ?? { LANG: 'C' }, runs }));
  const proc = await new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), `${ROOT}test/support/run-many.mjs`, planFile, resultFile], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
  });
  if (proc.code !== 0) throw new Error(`run-many exited ${proc.code}: ${proc.stderr.split('\n').slice(0, 3).join(' | ')}`);
  const parsed = JSON.parse(readFileSync(resultFile, 'utf8')) as { runs: { args: string[]; code: number; stdout: string; stderr: string }[] };
  return { process: proc, runs: parsed.runs.map((r) => ({ ...r, stdout: Buffer.from(r.stdout, 'base64') })) };
}

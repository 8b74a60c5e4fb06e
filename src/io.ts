// The CLI's only contact with the outside world: tests pass buffers, the bin passes the process.
import type { Readable } from 'node:stream';

export interface CliIO {
  stdout: (text: string | Buffer) => void;
  stderr: (text: string) => void;
  stdin?: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

/** A CliIO that collects output, for tests and for programmatic use. */
export function bufferIO(options: Partial<CliIO> = {}): CliIO & { out: () => string; err: () => string } {
  const out: Buffer[] = [];
  const err: string[] = [];
  return {
    stdout: (t) => out.push(Buffer.isBuffer(t) ? t : Buffer.from(t)),
    stderr: (t) => err.push(t),
    env: {},
    cwd: process.cwd(),
    ...options,
    out: () => Buffer.concat(out).toString('utf8'),
    err: () => err.join(''),
  };
}

/** A user-facing error: one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

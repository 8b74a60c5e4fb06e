// No network: the CLI runs over samples/ in every format under a preload
// (test/support/deny-network.mjs) that replaces every network entry point with one that prints
// KOJIN-NETWORK-DENIED and throws. A real bin run (json) plus every format in one process.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, spawnCli, spawnMany } from '../support/cli.js';

const PRELOAD = ['--import', `${ROOT}test/support/deny-network.mjs`];
const MARKER = 'KOJIN-NETWORK-DENIED';
const work = mkdtempSync(join(tmpdir(), 'kojin-nonet-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('no network', () => {
  it('positive control: the preload catches fetch, http.get, net.connect and dns.lookup', async () => {
    const script = join(work, 'probe.mjs');
    writeFileSync(script, `
      import http from 'node:http'; import net from 'node:net'; import dns from 'node:dns';
      let caught = 0;
      for (const f of [() => fetch('http://example.invalid/'), () => http.get('http://example.invalid/'), () => net.connect(80, 'example.invalid'), () => dns.lookup('example.invalid', () => {})]) {
        try { await f(); } catch { caught++; }
      }
      process.exitCode = caught === 4 ? 0 : 1;
    `);
    const { spawn } = await import('node:child_process');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [...PRELOAD, script], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((l) => l.startsWith(MARKER))).toHaveLength(4);
  });

  it('node --import deny-network.mjs bin/kojin.js scan samples --format json', async () => {
    const result = await spawnCli(['scan', 'samples', '--format', 'json'], { nodeArgs: PRELOAD });
    expect(result.stderr).not.toContain(MARKER);
    expect(result.code).toBe(0);
  });

  it('every format, en and ja, with --output, in one process under the preload', async () => {
    cpSync(join(ROOT, 'samples'), join(work, 'samples'), { recursive: true });
    const runs = ['table', 'json', 'markdown', 'csv', 'html', 'sarif'].map((f) => ['scan', 'samples', '--format', f]);
    runs.push(['scan', 'samples', '--format', 'html', '--lang', 'ja', '--output', join(work, 'r.html')]);
    const result = await spawnMany(runs, { cwd: work, work, nodeArgs: PRELOAD });
    expect(result.process.stderr).not.toContain(MARKER);
    for (const r of result.runs) {
      expect(r.stderr).not.toContain(MARKER);
      expect(r.code).toBe(0);
    }
  }, 300_000);
});

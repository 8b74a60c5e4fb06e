#!/usr/bin/env node
// Runs several `kojin` command lines in one process through dist/cli.js run() — what bin/kojin.js
// calls — so tests can cover every format without paying Node's start-up for each.
// Usage: node [--import preload] test/support/run-many.mjs <plan.json> <results.json>
// plan: { "cwd": "...", "env": {...}, "runs": [["scan", "samples", "--format", "json"], ...] }
// results: { "runs": [{ "args": [...], "code": 0, "stdout": "<base64>", "stderr": "..." }] }
// Nothing is printed: anything on this process's own stdout or stderr came from somewhere else.
import { readFileSync, writeFileSync } from 'node:fs';
import { run } from '../../dist/cli.js';

const [planFile, resultFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, 'utf8'));
const results = [];
for (const args of plan.runs) {
  const out = [];
  const err = [];
  const code = await run(args, {
    stdout: (t) => out.push(Buffer.isBuffer(t) ? t : Buffer.from(t)),
    stderr: (t) => err.push(t),
    env: plan.env ?? {},
    cwd: plan.cwd,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  results.push({ args, code, stdout: Buffer.concat(out).toString('base64'), stderr: err.join('') });
}
writeFileSync(resultFile, JSON.stringify({ runs: results }));

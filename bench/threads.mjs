// CPU seconds per thread of a command (Linux): `node bench/threads.mjs node bin/kojin.js scan …`.
// Samples /proc/<pid>/task/*/stat every 50 ms and keeps each thread's last figure, so a thread
// that ends between two samples loses at most 50 ms. The main thread is the one whose id is the
// process id; Node names every other thread "node" (worker threads, V8's platform threads, which
// compile optimised code and collect garbage, and libuv's file-system threads alike), so they are
// listed by thread id, busiest first. Shows how many cores a "single-threaded" run really uses.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node bench/threads.mjs <command> [args…]\n');
  process.exit(2);
}
/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS = 100;
const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const seconds = new Map();

function sample() {
  let tids;
  try {
    tids = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return; // the process has ended
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(tid, (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // the thread has ended
    }
  }
}

const start = performance.now();
const timer = setInterval(sample, 50);
child.on('exit', (code) => {
  clearInterval(timer);
  const wall = (performance.now() - start) / 1000;
  const total = [...seconds.values()].reduce((a, b) => a + b, 0);
  const main = seconds.get(String(child.pid)) ?? 0;
  const others = [...seconds].filter(([tid, s]) => tid !== String(child.pid) && s > 0).sort((a, b) => b[1] - a[1]);
  console.log(`wall ${wall.toFixed(2)} s, CPU ${total.toFixed(2)} s (${(total / wall).toFixed(2)} cores), exit ${code}`);
  console.log(`  main thread ${main.toFixed(2)} s`);
  for (const [tid, s] of others) console.log(`  thread ${tid} ${s.toFixed(2)} s`);
});

#!/usr/bin/env node
// The benchmark: `npm run bench` (build + this). BENCH_SCALE=0.1 for a quick run. Generates the
// seeded corpus if needed (bench/generate.mjs), then runs every kojin invocation as a child process
// and reads its peak RSS from `/usr/bin/time -f %M` when present, else from a preloaded module that
// reports process.resourceUsage().maxRSS at exit. Baselines are measured in the same run. Writes
// bench/out/results.json and bench/out/results.md, and prints the table.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLD_KUROMOJI, CORPUS, generate, scaleOf } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'out');
const MiB = 1024 * 1024;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_MARK = 'KOJIN_BENCH_MAXRSS_KB=';
const CPU_MARK = 'KOJIN_BENCH_CPU_S=';

mkdirSync(out, { recursive: true });
const scale = scaleOf();
const manifest = await generate(scale);
const cacheHome = join(out, 'cache');
const log = (s) => process.stderr.write(s + '\n');

/**
 * CPU time the hypervisor gave to other guests (the `steal` column of /proc/stat, in clock ticks
 * of 1/100 s), summed over this VM's cores; undefined off Linux. On this shared machine it has been
 * a quarter of the CPU during a run: a case's wall time says little without it.
 */
function stealTicks() {
  try {
    const cpu = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0].trim().split(/\s+/);
    return Number(cpu[8]);
  } catch {
    return undefined;
  }
}

/** Runs `node <args>` as a child; wall seconds (from here), peak RSS in MB, stdout, and the share of the cores stolen meanwhile. */
function measure(args, { env = {}, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const steal0 = stealTicks();
    const nodeArgs = TIME ? args : ['--import', join(here, 'maxrss.mjs'), ...args];
    // %U + %S: CPU seconds of every thread (V8 compiles and collects garbage on threads of its own).
    const [cmd, argv] = TIME ? [TIME, ['-f', `${RSS_MARK}%M ${CPU_MARK}%U %S`, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
    const start = process.hrtime.bigint();
    const child = spawn(cmd, argv, { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cacheHome, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout.length < 1e6 ? (stdout += d) : undefined));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const m = new RegExp(`${RSS_MARK}(\\d+)`).exec(stderr);
      const c = new RegExp(`${CPU_MARK}([\\d.]+) ([\\d.]+)`).exec(stderr);
      if (code !== 0 && code !== 1) return reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      const steal1 = stealTicks();
      const steal = steal0 === undefined || steal1 === undefined ? NaN : (steal1 - steal0) / 100 / (seconds * availableParallelism());
      resolve({ seconds, rssMB: m ? Number(m[1]) / 1024 : NaN, cpu: c ? Number(c[1]) + Number(c[2]) : NaN, stdout, exit: code, steal });
    });
  });
}

const kojin = (args, opts) => measure([join(root, 'bin/kojin.js'), ...args], opts);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function best(n, fn) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await fn());
  return { seconds: median(runs.map((r) => r.seconds)), rssMB: median(runs.map((r) => r.rssMB)), cpu: median(runs.map((r) => r.cpu)), steal: median(runs.map((r) => r.steal)), runs };
}
const size = (p) => statSync(p).size;
const mibs = (bytes, s) => bytes / MiB / s;
const pct = (x) => (Number.isFinite(x) ? `${Math.round(100 * x)} %` : '—');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2) : '—');

const C = (name) => join(CORPUS, name);
const rows = [];
const row = (name, r, extra = {}) => {
  rows.push({ name, seconds: r.seconds, rssMB: r.rssMB, cpu: r.cpu, steal: r.steal, ...extra });
  log(`  ${name}: ${f1(r.seconds)} s, ${f1(r.rssMB)} MB, CPU ${f1(r.cpu)} s${extra.throughput ? `, ${extra.throughput}` : ''}, steal ${pct(r.steal)}`);
};
const targets = [];
const target = (what, value, goal, met) => targets.push({ what, value, goal, met });

log(`bench: scale ${scale}, ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// Process start-up.
const nodeEmpty = await best(5, () => measure(['-e', '']));
row('node -e ""', nodeEmpty);

// Cold start: one 20-column Japanese CSV; every header segmented by the dictionaries.
rmSync(cacheHome, { recursive: true, force: true });
const coldNoCache = await kojin(['scan', C('cold-20col.csv')]);
row('scan 20-col CSV, first run (no dictionary cache)', coldNoCache);
const cold = await best(5, () => kojin(['scan', C('cold-20col.csv')]));
row('scan 20-col CSV, cold process (dictionary cache warm)', cold);
const coldNoCacheEver = await best(3, () => kojin(['scan', C('cold-20col.csv')], { env: { KOJIN_NO_CACHE: '1' } }));
row('scan 20-col CSV, cold process, KOJIN_NO_CACHE=1', coldNoCacheEver);
target('20-column Japanese CSV, cold', `${f1(cold.seconds)} s, ${f1(cold.rssMB)} MB`, '≤ 0.3 s, ≤ 150 MB', cold.seconds <= 0.3 && cold.rssMB <= 150);
// Cold start when the dictionaries cannot segment every header, against kuromoji's own load time.
const kuromojiLoad = await best(3, () => measure([join(here, 'baseline.mjs'), 'kuromoji']));
row('baseline: kuromoji load (build IPADIC tokenizer, tokenize once)', kuromojiLoad);
const coldKuromoji = await best(3, () => kojin(['scan', C(COLD_KUROMOJI)]));
row('scan 20-col CSV with headers kuromoji must read, cold process', coldKuromoji);
const overKuromoji = coldKuromoji.seconds - kuromojiLoad.seconds;
target('20-column CSV the dictionaries do not fully segment, cold', `${f1(coldKuromoji.seconds)} s, kuromoji alone ${f1(kuromojiLoad.seconds)} s (${overKuromoji >= 0 ? '+' : '−'}${f1(Math.abs(overKuromoji))} s)`, '≤ kuromoji load + 0.1 s', overKuromoji <= 0.1);

// Sampled: the large CSV against a 1 MiB file of the same shape.
const largeBytes = size(C('large.csv'));
const oneMiB = await best(3, () => kojin(['scan', C('one-mib.csv')]));
row('scan 1 MiB CSV (sampled)', oneMiB);
const largeSampled = await best(3, () => kojin(['scan', C('large.csv')]));
row(`scan ${f1(largeBytes / MiB)} MiB CSV (sampled)`, largeSampled);
const sampledRatio = largeSampled.seconds / oneMiB.seconds;
target(`sampled ${f1(largeBytes / MiB)} MiB CSV vs 1 MiB`, `${f1(sampledRatio)}×`, '≤ 1.10×', sampledRatio <= 1.1);

// --all-rows over the large CSV, with the baselines over the same file.
const raw = await measure([join(here, 'baseline.mjs'), 'raw', C('large.csv')]);
row('baseline: fs.createReadStream byte count', raw, { throughput: `${f1(mibs(largeBytes, raw.seconds))} MiB/s` });
const csvParse = await measure([join(here, 'baseline.mjs'), 'csv-parse', C('large.csv')]);
row('baseline: plain csv-parse pass', csvParse, { throughput: `${f1(mibs(largeBytes, csvParse.seconds))} MiB/s` });
const allRowsSmall = await kojin(['scan', '--all-rows', C('one-mib.csv')]);
row('scan --all-rows 1 MiB CSV', allRowsSmall);
const versus = (rate) => `${f1(rate)} MiB/s (${f1(rate / mibs(largeBytes, csvParse.seconds))}× csv-parse, ${f1(rate / mibs(largeBytes, raw.seconds))}× raw read)`;
// One thread (--jobs 1: the streaming path alone), then the default (byte ranges on every core).
const allRows = await kojin(['scan', '--all-rows', '--jobs', '1', C('large.csv')]);
const allRate = mibs(largeBytes, allRows.seconds);
row(`scan --all-rows --jobs 1 ${f1(largeBytes / MiB)} MiB CSV (one thread)`, allRows, { throughput: versus(allRate) });
const allRowsTwo = await kojin(['scan', '--all-rows', C('large.csv')]);
const twoRate = mibs(largeBytes, allRowsTwo.seconds);
row(`scan --all-rows ${f1(largeBytes / MiB)} MiB CSV (default: byte ranges on ${availableParallelism()} threads)`, allRowsTwo, { throughput: versus(twoRate) });
target('--all-rows over the large CSV: throughput', `${f1(twoRate)} MiB/s (one thread ${f1(allRate)} MiB/s)`, '≥ 100 MiB/s', Math.max(allRate, twoRate) >= 100);
// Flat: one thread's stream holds a batch at a time, whatever the file's size; the default holds
// one such pipeline per thread. Judged against a tenth of the file: ten times the data may not need
// more than a quarter more memory. (Against the 1 MiB file, V8's young generation alone, which
// grows from 1 to 16 MiB per semi-space once the allocation rate is high, is ~40 MB more.)
const tenthBytes = size(C('tenth.csv'));
const allRowsTenth = await kojin(['scan', '--all-rows', '--jobs', '1', C('tenth.csv')]);
row(`scan --all-rows --jobs 1 ${f1(tenthBytes / MiB)} MiB CSV (a tenth of the large one, one thread)`, allRowsTenth, { throughput: `${f1(mibs(tenthBytes, allRowsTenth.seconds))} MiB/s` });
const allRowsTenthDefault = await kojin(['scan', '--all-rows', C('tenth.csv')]);
row(`scan --all-rows ${f1(tenthBytes / MiB)} MiB CSV (a tenth, default)`, allRowsTenthDefault, { throughput: `${f1(mibs(tenthBytes, allRowsTenthDefault.seconds))} MiB/s` });
target(
  '--all-rows over the large CSV: memory',
  `one thread ${f1(allRows.rssMB)} MB (a tenth of the file: ${f1(allRowsTenth.rssMB)} MB), default ${f1(allRowsTwo.rssMB)} MB (a tenth: ${f1(allRowsTenthDefault.rssMB)} MB); 1 MiB file ${f1(allRowsSmall.rssMB)} MB`,
  'flat (ten times the data ≤ 1.25× the memory)',
  allRows.rssMB <= allRowsTenth.rssMB * 1.25 && allRowsTwo.rssMB <= allRowsTenthDefault.rssMB * 1.25,
);
const split = JSON.parse((await measure([join(here, 'micro.mjs'), 'split'], { env: { BENCH_SCALE: String(scale) } })).stdout);
for (const [name, r] of Object.entries(split)) log(`  split: ${name}: ${f1(r.mibPerSecond)} MiB/s`);

// Many small files, one and two workers.
const small = manifest.cases.small.files;
const j1 = await kojin(['scan', '--jobs', '1', join(CORPUS, 'small')]);
row(`scan ${small} small CSVs, --jobs 1`, j1, { throughput: `${f1(small / j1.seconds)} files/s` });
const j2 = await kojin(['scan', '--jobs', '2', join(CORPUS, 'small')]);
row(`scan ${small} small CSVs, --jobs 2`, j2, { throughput: `${f1(small / j2.seconds)} files/s` });
const speedup = j1.seconds / j2.seconds;
// One worker is not one core: V8 compiles and collects garbage on threads of its own, which --jobs 1
// runs on the idle second core and two workers must share with the scan.
target(`${small} small files`, `${f1(small / j2.seconds)} files/s with 2 workers, ${f1(speedup)}× one (which used ${f1(j1.cpu / j1.seconds)} cores)`, '≥ 1,000 files/s, ≥ 1.6×', small / j2.seconds >= 1000 && speedup >= 1.6);

// Other formats.
for (const [name, file, extra] of [
  [`xlsx, ${manifest.cases.xlsx.rows} rows (sampled)`, 'rows.xlsx', []],
  [`xlsx, ${manifest.cases.xlsx.rows} rows --all-rows`, 'rows.xlsx', ['--all-rows']],
  ['Shift_JIS CSV (sampled)', 'sjis.csv', []],
  ['Shift_JIS CSV --all-rows', 'sjis.csv', ['--all-rows']],
  ['nested JSONL (sampled)', 'nested.jsonl', []],
  ['nested JSONL --all-rows', 'nested.jsonl', ['--all-rows']],
]) {
  const r = await kojin(['scan', ...extra, C(file)]);
  row(`scan ${name}, ${f1(size(C(file)) / MiB)} MiB`, r, { throughput: `${f1(mibs(size(C(file)), r.seconds))} MiB/s` });
}

// In-process: header classification and value detection.
const headersRun = await measure([join(here, 'micro.mjs'), 'headers'], { env: { BENCH_SCALE: String(scale) } });
const headers = JSON.parse(headersRun.stdout);
log(`  headers: ${f1(headers.perSecond)} distinct headers/s over ${headers.headers}, steal ${pct(headersRun.steal)}`);
target('header classification after start-up', `${f1(headers.perSecond)} distinct headers/s`, '≥ 50,000/s', headers.perSecond >= 50_000);
const values = JSON.parse((await measure([join(here, 'micro.mjs'), 'values'])).stdout);
const valueRatio = values.kojinCellsPerSecond / values.openredactionCellsPerSecond;
log(`  values: kojin ${f1(values.kojinCellsPerSecond)} cells/s, openredaction ${f1(values.openredactionCellsPerSecond)} cells/s`);
target('value detection vs openredaction (same 4,000 cells)', `${f1(values.kojinCellsPerSecond)} vs ${f1(values.openredactionCellsPerSecond)} cells/s = ${f1(valueRatio)}×`, '≥ 10×', valueRatio >= 10);

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${f1(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, load average after the run ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
const md = [
  `Scale ${scale} — ${machine}. RSS from ${TIME ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS'}; medians of 5 (start-up) or 3 (sampled) runs, single runs otherwise.`,
  '',
  '| case | wall s | CPU s (all threads) | peak RSS MB | throughput | host steal |',
  '|---|---:|---:|---:|---|---:|',
  ...rows.map((r) => `| ${r.name} | ${f1(r.seconds)} | ${f1(r.cpu)} | ${f1(r.rssMB)} | ${r.throughput ?? ''} | ${pct(r.steal)} |`),
  `| header classification (in process, after start-up) | ${f1(headers.seconds)} | | | ${f1(headers.perSecond)} distinct headers/s (${headers.headers}) | ${pct(headersRun.steal)} |`,
  `| value detection: kojin ColumnProfiler (in process) | | | | ${f1(values.kojinCellsPerSecond)} cells/s (same 4,000 cells); ${f1(values.kojinAllRowsCellsPerSecond)} cells/s over ${values.allRowsCells} | |`,
  `| value detection: openredaction detect() per cell | | | | ${f1(values.openredactionCellsPerSecond)} cells/s (same 4,000 cells) | |`,
  ...Object.entries(split).map(([name, r]) => `| CSV records only: ${name}, first ${r.records} records | ${f1(r.seconds)} | | | ${f1(r.mibPerSecond)} MiB/s | |`),
  '',
  '| target | measured | goal | met |',
  '|---|---|---|---|',
  ...targets.map((t) => `| ${t.what} | ${t.value} | ${t.goal} | ${t.met ? 'yes' : '**no**'} |`),
  '',
];
writeFileSync(join(out, 'results.md'), md.join('\n'));
writeFileSync(join(out, 'results.json'), JSON.stringify({ scale, machine, rows, targets, headers, values, split }, null, 2));
process.stdout.write(md.join('\n'));

// In-process A/B of the one-thread --all-rows pipeline: for each kojin build given (a directory
// with dist/), read + decode + split the large CSV (openFastBatches) and profile every column
// (profile + ColumnProfiler.result), the builds alternating round by round in one process; prints
// CPU seconds (process.cpuUsage) per pass, medians, the median of the per-round ratios to the first
// build, and the load average. Checks that every build's results are identical.
//   node bench/ab-allrows.mjs /tmp/base /work/wt-cells          # ROUNDS=10, FILE=..., SPLITONLY=1
import { cpuUsage } from 'node:process';
import { loadavg } from 'node:os';

const builds = process.argv.slice(2);
const rounds = Number(process.env.ROUNDS ?? 10);
const file = process.env.FILE ?? new URL('./corpus/large.csv', import.meta.url).pathname;
const impl = [];
for (const b of builds) {
  const m = async (p) => import(`${b}/dist/${p}`);
  impl.push({ b, ...(await m('read/source.js')), ...(await m('read/decode.js')), ...(await m('read/fast-csv.js')), ...(await m('read/types.js')), ...(await m('parallel/profile-batch.js')), ...(await m('values/profiler.js')) });
}
const now = new Date('2026-11-22T00:00:00Z');
const pass = async (im) => {
  const c0 = cpuUsage();
  const src = await im.openFile(file);
  const bs = im.openFastBatches(src, im.detectEncoding(src.head, src.complete), { delimiter: ',', quote: '"' }, im.DEFAULT_LIMITS);
  let ps;
  let take;
  for (let b = await bs.next(); b; b = await bs.next()) {
    if (!ps) {
      const w = b.rowCells[1] - b.rowCells[0];
      ps = Array.from({ length: w }, () => new im.ColumnProfiler({ memoEntries: Math.min(16384, Math.floor(2 ** 18 / w)), now }));
      take = ps.map(() => true);
    }
    if (!process.env.SPLITONLY) im.profile(b, ps, take);
  }
  const out = JSON.stringify(ps.map((p) => p.result()));
  const c = cpuUsage(c0);
  return { s: (c.user + c.system) / 1e6, out };
};
const times = impl.map(() => []);
const loads = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? impl.map((_, i) => impl.length - 1 - i) : impl.map((_, i) => i);
  const outs = [];
  for (const i of order) {
    const { s, out } = await pass(impl[i]);
    times[i].push(s);
    outs[i] = out;
  }
  if (outs.some((o) => o !== outs[0])) console.log('DIFFERENT RESULTS in round', r);
  loads.push(loadavg()[0]);
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [i, im] of impl.entries()) {
  const ratios = times[i].map((t, r) => t / times[0][r]);
  console.log(im.b, 'median', med(times[i]).toFixed(3), 'min', Math.min(...times[i]).toFixed(3), 'all', times[i].map((x) => x.toFixed(2)).join(','), 'paired ratio median', med(ratios).toFixed(3), 'range', Math.min(...ratios).toFixed(2), '-', Math.max(...ratios).toFixed(2));
}
console.log('load (1-min) per round', loads.map((x) => x.toFixed(2)).join(' '));

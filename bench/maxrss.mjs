// Preloaded (node --import) when /usr/bin/time is missing: reports the process's peak RSS and its
// CPU seconds (user, system; every thread) at exit, as /usr/bin/time would.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nKOJIN_BENCH_MAXRSS_KB=${usage.maxRSS} KOJIN_BENCH_CPU_S=${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
});

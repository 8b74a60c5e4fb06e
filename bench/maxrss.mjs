// Preloaded (node --import) when /usr/bin/time is missing: reports the process's peak RSS at exit.
process.on('exit', () => process.stderr.write(`\nKOJIN_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`));

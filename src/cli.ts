// Command-line wiring: commander → the command functions. run() returns the exit code; only the
// bin touches the process. Usage errors are one line and exit 2; no stack trace reaches a user.
// Each command's module is imported when that command runs: a scan does not load merge or init.
import { createRequire } from 'node:module';
import { FORMAT_NAMES } from './formatters/index.js';
import { UsageError, type CliIO } from './io.js';
import { VERSION } from './version.js';

// commander is CommonJS: required directly, it skips the ESM wrapper and the export scan that an
// import costs (~7 ms of every start-up, measured in bench/README.md).
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');

const collect = (value: string, previous: string[] = []) => [...previous, value];

export async function run(argv: string[], io: CliIO): Promise<number> {
  let exit = 0;
  const program = new Command('kojin')
    .description('Find the fields of data files that hold personal information, My Number (個人番号) or sensitive (要配慮) information.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(s) })
    .showHelpAfterError('(run kojin --help for usage)');

  program
    .command('scan')
    .description('classify the fields of files, directories (searched recursively) or globs; - reads standard input')
    .argument('[paths...]', 'files, directories or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('--fail-on <categories>', 'exit 1 when a field of these categories is found (my_number,sensitive,personal,unknown)')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--lang <lang>', 'report language: ja or en (default: from LANG/LC_ALL)')
    .option('--sample <rows>', 'rows sampled per table for value evidence (0: headers only)')
    .option('--all-rows', 'read every row (streams in constant memory)')
    .option('--encoding <encoding>', 'input encoding (utf-8, shift_jis, euc-jp, utf-16le); with --format csv, the output encoding')
    .option('-o, --output <file>', 'write the report to a file (the exit code is unchanged)')
    .option('--dictionary <file>', 'an extra dictionary (YAML or CSV); repeatable', collect)
    .option('--stdin-format <format>', 'format of standard input when a path is -: csv, tsv, json, jsonl, sql, txt', 'csv')
    .option('--max-line-bytes <n>', 'refuse lines longer than this')
    .option('--max-columns <n>', 'refuse tables with more columns than this')
    .option('--max-unpacked-mb <n>', 'refuse xlsx archives that unpack to more than this')
    .option('--max-json-depth <n>', 'refuse JSON nested deeper than this')
    .option('--config <file>', 'config file (default: kojin.config.yaml, .kojinrc.yaml, .kojinrc.yml or .kojinrc.json, found walking up from the working directory)')
    .option('--strict', 'stale declarations (matching nothing) are errors (exit 2), not warnings')
    .option('--baseline <file>', 'fail only on findings not recorded in this baseline file')
    .option('--write-baseline <file>', 'record the current undeclared findings in a baseline file and exit 0')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores; small scans use one); an --all-rows CSV of 16 MiB or more is read in byte ranges by as many threads')
    .option('--shard <K/N>', 'scan only share K of N of the files (stable by path); combine the JSON reports with kojin merge')
    .action(async (paths: string[], options) => {
      exit = await (await import('./commands/scan.js')).scanCommand(paths, options, io);
    });

  program
    .command('merge')
    .description('combine JSON reports (kojin scan --format json, e.g. one per --shard) into one report')
    .argument('<reports...>', 'JSON report files')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('--fail-on <categories>', 'recompute failures from the merged fields for these categories (default: the reports\' own failures)')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--lang <lang>', 'report language: ja or en (default: from LANG/LC_ALL)')
    .option('--encoding <encoding>', 'with --format csv, the output encoding (utf-8 or shift_jis)')
    .option('-o, --output <file>', 'write the report to a file (the exit code is unchanged)')
    .action(async (reports: string[], options) => {
      exit = await (await import('./commands/merge.js')).mergeCommand(reports, options, io);
    });

  program
    .command('init')
    .description('write a commented starter kojin.config.yaml in the working directory, declaring every My Number field found there')
    .option('--force', 'overwrite an existing kojin.config.yaml')
    .option('--sample <rows>', 'rows sampled per table for value evidence')
    .action(async (options) => {
      exit = await (await import('./commands/init.js')).initCommand(options, io);
    });

  program
    .command('classify')
    .description('classify header strings given as arguments, or one per line on standard input')
    .argument('[headers...]', 'header strings')
    .option('--stdin', 'read headers from standard input, one per line')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--fail-on <categories>', 'exit 1 when a header of these categories is found')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--lang <lang>', 'output language: ja or en')
    .option('--dictionary <file>', 'an extra dictionary (YAML or CSV); repeatable', collect)
    .action(async (headers: string[], options) => {
      exit = await (await import('./commands/classify.js')).classifyCommand(headers, options, io);
    });

  program
    .command('explain')
    .description('show how a header is normalised, segmented and classified')
    .argument('<headers...>', 'header strings')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--dictionary <file>', 'an extra dictionary (YAML or CSV); repeatable', collect)
    .action(async (headers: string[], options) => {
      exit = await (await import('./commands/explain.js')).explainCommand(headers, options, io);
    });

  const dict = program.command('dict').description('work with dictionaries');
  dict
    .command('check')
    .description('validate dictionaries (YAML or CSV) and run their examples')
    .argument('<files...>', 'dictionary files')
    .action(async (files: string[]) => {
      exit = await (await import('./commands/dict.js')).dictCheckCommand(files, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`kojin: ${error.message}\n`);
      return 2;
    }
    io.stderr(`kojin: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 2;
  }
}

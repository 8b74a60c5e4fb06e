// The table's colours: chalk at level 1 (16 colours, which every terminal shows). Its own module so
// that chalk is loaded only when a report is coloured.
import { Chalk } from 'chalk';
import type { Palette } from './table.js';

export function chalkPalette(): Palette {
  const chalk = new Chalk({ level: 1 });
  return {
    bold: chalk.bold,
    dim: chalk.dim,
    red: chalk.red,
    yellow: chalk.yellow,
    category: { my_number: chalk.red.bold, sensitive: chalk.magenta, personal: chalk.yellow, none: chalk.green.dim, unknown: chalk.gray },
  };
}

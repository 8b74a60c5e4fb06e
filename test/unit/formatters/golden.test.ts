// Golden files for every human-readable format in each language (JSON has its schema test). Rewrite them with UPDATE_GOLDEN=1:
//   UPDATE_GOLDEN=1 npx vitest run test/unit/formatters/golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatClassify, FORMAT_NAMES } from '../../../src/formatters/index.js';
import { FORMATTERS, type FormatOptions } from '../../../src/formatters/registry.js';
import { CLASSIFY_RESULTS, REPORT } from './fixture.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../golden/formatters');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden file ${name} was missing and has been written; check it and run again`);
    return;
  }
  expect(actual, `${name} differs; run with UPDATE_GOLDEN=1 to rewrite it`).toBe(readFileSync(path, 'utf8'));
}

const options = (lang: 'ja' | 'en'): FormatOptions => ({ lang, color: false, toolVersion: '0.1.0-test' });

it('offers the --format choices of the registry, in its order', () => {
  expect(FORMAT_NAMES).toEqual(Object.keys(FORMATTERS));
});

describe.each(['en', 'ja'] as const)('golden output (%s)', (lang) => {
  it('table', () => {
    golden(`table.${lang}.txt`, FORMATTERS.table(REPORT, options(lang)) as string);
  });
  it('markdown', () => {
    golden(`markdown.${lang}.md`, FORMATTERS.markdown(REPORT, options(lang)) as string);
  });
  it('csv inventory', () => {
    golden(`inventory.${lang}.csv`, FORMATTERS.csv(REPORT, options(lang)) as string);
  });
  it('html', () => {
    golden(`report.${lang}.html`, FORMATTERS.html(REPORT, options(lang)) as string);
  });
  it('sarif', () => {
    golden(`report.${lang}.sarif`, FORMATTERS.sarif(REPORT, options(lang)) as string);
  });
  it('classify table', async () => {
    golden(`classify.${lang}.txt`, await formatClassify(CLASSIFY_RESULTS, 'table', options(lang)));
  });
});

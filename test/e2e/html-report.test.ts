// Renders the HTML report in headless Chromium: no request leaves the page, the charts show the
// right counts, the filter reduces rows and sorting reorders them. Saves a screenshot to
// test-results/html-report.png. Skipped when /usr/bin/chromium is absent.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/registry.js';
import { REPORT } from '../unit/formatters/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html report browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE_URL = 'https://kojin.test/report.html';

describe.skipIf(!hasChromium)('html report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const attempted: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    page = await context.newPage();
    const html = FORMATTERS.html(REPORT, { lang: 'ja', color: false, toolVersion: '0.1.0' }) as string;
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === PAGE_URL) {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      } else {
        attempted.push(url);
        await route.abort('blockedbyclient');
      }
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    await page.goto(PAGE_URL, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('makes no request besides the page itself, and runs without errors', () => {
    expect(attempted).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('draws a bar per category with the right counts', async () => {
    const bars = await page.$$eval('#chart-categories rect.bar', (rects) =>
      rects.map((r) => [r.getAttribute('data-category'), Number(r.getAttribute('data-count')), Number(r.getAttribute('width'))] as const),
    );
    expect(bars.map(([c, n]) => [c, n])).toEqual([
      ['my_number', 3],
      ['sensitive', 1],
      ['personal', 3],
      ['none', 2],
      ['unknown', 1],
    ]);
    // widths are proportional to counts
    const w = Object.fromEntries(bars.map(([c, , width]) => [c, width]));
    expect(w.my_number).toBeGreaterThan(w.none!);
    expect(w.none).toBeGreaterThan(w.sensitive!);
    expect(w.my_number).toBe(w.personal);
  });

  it('draws stacked bars per file with the right counts', async () => {
    const segments = await page.$$eval('#chart-files rect.segment', (rects) =>
      rects.map((r) => `${r.getAttribute('data-file')}|${r.getAttribute('data-category')}|${r.getAttribute('data-count')}`),
    );
    expect(segments).toEqual([
      'data/employees.csv|my_number|2',
      'data/employees.csv|sensitive|1',
      'data/employees.csv|personal|1',
      'data/employees.csv|none|1',
      'data/employees.csv|unknown|1',
      'data/口座振替.xlsx|my_number|1',
      'data/口座振替.xlsx|personal|1',
      'data/contacts.json|personal|1',
      'data/contacts.json|none|1',
    ]);
  });

  it('shows the hostile header as text', async () => {
    const names = await page.$$eval('#fields td.name', (tds) => tds.map((td) => td.firstChild?.textContent ?? ''));
    expect(names).toContain('<script>alert("x")</script> | メール');
  });

  const visibleRows = (): Promise<number> =>
    page.$$eval('#fields tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);

  it('filters by text and by category', async () => {
    expect(await visibleRows()).toBe(10);
    await page.fill('#filter-text', '病歴');
    expect(await visibleRows()).toBe(1);
    expect(await page.textContent('#row-count')).toBe('1');
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-category', 'my_number');
    expect(await visibleRows()).toBe(3);
    await page.selectOption('#filter-category', 'personal');
    expect(await visibleRows()).toBe(3);
    await page.selectOption('#filter-category', '');
    expect(await visibleRows()).toBe(10);
  });

  it('sorts by clicking headers', async () => {
    const column = (i: number): Promise<string[]> =>
      page.$$eval(`#fields tbody tr`, (rows, idx) => rows.map((r) => (r as HTMLTableRowElement).cells[idx].textContent ?? ''), i);
    const before = await column(5);
    await page.click('#fields th[data-col="5"]'); // confidence: descending first
    const desc = await column(5);
    expect(desc).not.toEqual(before);
    expect(desc).toEqual([...before].sort((a, b) => Number(b) - Number(a)));
    await page.click('#fields th[data-col="5"]');
    expect(await column(5)).toEqual([...before].sort((a, b) => Number(a) - Number(b)));
    await page.click('#fields th[data-col="3"]'); // category: strongest first
    const cats = await page.$$eval('#fields tbody tr', (rows) => rows.map((r) => r.getAttribute('data-category')));
    expect(cats.slice(0, 3)).toEqual(['my_number', 'my_number', 'my_number']);
    expect(cats.at(-1)).toBe('none');
    expect(await page.getAttribute('#fields th[data-col="3"]', 'aria-sort')).toBe('descending');
    await page.click('#fields th[data-col="0"]');
    expect(await page.getAttribute('#fields th[data-col="0"]', 'aria-sort')).toBe('ascending');
  });

  it('saves a screenshot', async () => {
    const out = join(root, 'test-results/html-report.png');
    mkdirSync(dirname(out), { recursive: true });
    await page.click('#fields th[data-col="3"]');
    await page.screenshot({ path: out, fullPage: true });
    expect(existsSync(out)).toBe(true);
    expect(attempted).toEqual([]);
  });
});

// The issue's own check: `kojin scan samples/ --format html --output report.html --lang ja` writes a
// page that works offline in a real browser, with its charts and table. Loaded from file:// with
// every other request blocked; a screenshot goes to test-results/html-report-samples.png.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html samples browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

const kojin = (args: string[]) => spawnSync(process.execPath, ['bin/kojin.js', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH }, maxBuffer: 64 * 1024 * 1024 });

describe.skipIf(!hasChromium)('kojin scan samples/ --format html --lang ja in Chromium', () => {
  let browser: Browser | undefined;
  afterAll(async () => browser?.close());

  it('shows the charts and the table of every field, offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kojin-html-'));
    const out = join(dir, 'report.html');
    const r = kojin(['scan', 'samples/', '--format', 'html', '--output', out, '--lang', 'ja']);
    expect(r.status).toBe(0);
    const json = JSON.parse(kojin(['scan', 'samples/', '--format', 'json']).stdout);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//i);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'ja-JP' });
    const page = await context.newPage();
    const url = pathToFileURL(out).href;
    const attempted: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      attempted.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    expect(attempted).toEqual([]);
    expect(errors).toEqual([]);

    const bars = await page.$$eval('#chart-categories rect.bar', (rects) => rects.map((r) => [r.getAttribute('data-category'), Number(r.getAttribute('data-count'))]));
    expect(Object.fromEntries(bars)).toEqual(json.summary.byCategory);
    const files = await page.$$eval('#chart-files rect.segment', (rects) => new Set(rects.map((r) => r.getAttribute('data-file'))).size);
    expect(files).toBe(json.files.filter((f: { fields: unknown[] }) => f.fields.length > 0).length);
    const rows = await page.$$eval('#fields tbody tr', (trs) => trs.length);
    expect(rows).toBe(json.summary.fields);
    expect(await page.textContent('body')).toContain('特定個人情報ファイル');

    await page.selectOption('#filter-category', 'my_number');
    const shown = await page.$$eval('#fields tbody tr', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).length);
    expect(shown).toBe(json.summary.byCategory.my_number);
    await page.selectOption('#filter-category', '');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/html-report-samples.png', fullPage: false });
    await page.locator('#chart-categories').screenshot({ path: 'test-results/html-report-samples-chart.png' });
  }, 120_000);
});

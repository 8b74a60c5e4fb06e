import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../../src/formatters/registry.js';
import { HTML_CSP, escapeHtml, scriptJson } from '../../../src/formatters/html.js';
import type { ScanReport } from '../../../src/types.js';
import { REPORT } from './fixture.js';

const render = (report: ScanReport, lang: 'ja' | 'en' = 'ja'): string =>
  FORMATTERS.html(report, { lang, color: false, toolVersion: '0.1.0' }) as string;

describe('html formatter', () => {
  const page = render(REPORT);

  it('is one self-contained page under a strict CSP', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/\bsrc=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('escapes header names (untrusted input)', () => {
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | メール');
    // exactly the two scripts of the page itself
    expect(page.match(/<script\b/g)).toHaveLength(2);
    const hostile: ScanReport = structuredClone(REPORT);
    hostile.files[2].path = '"><img src=x onerror=alert(1)>.json';
    hostile.files[2].tables[0].fields[0].reasons[0].text = '</script><script>alert(2)</script>';
    hostile.files[2].warnings.push("' onmouseover='alert(3)");
    // the markup outside the embedded JSON (where quotes need no escaping)
    const out = render(hostile, 'en').replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(out).not.toMatch(/<img/);
    expect(out).not.toContain('</script><script>alert(2)');
    expect(out).not.toContain("' onmouseover='");
    expect(out.match(/<script\b/g)).toHaveLength(1);
  });

  it('embeds the report as JSON with < escaped', () => {
    const m = /<script type="application\/json" id="kojin-report">([\s\S]*?)<\/script>/.exec(page);
    expect(m).not.toBeNull();
    expect(m![1]).not.toContain('<');
    expect(m![1]).toContain('\\u003cscript\\u003e');
    const data = JSON.parse(m![1]) as ScanReport;
    expect(data.summary.fields).toBe(10);
    expect(data.files[2].tables[0].fields[0].name).toBe(REPORT.files[2].tables[0].fields[0].name);
    expect(scriptJson({ a: '</script>\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u2028"}');
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
  });

  it('shows file labels, handling notes, charts and every field', () => {
    expect(page).toContain('特定個人情報ファイル');
    expect(page).toContain('個人情報を含むファイル');
    expect(page).toContain('読み取れないファイル');
    expect(page).toContain('番号法により社会保障・税・災害対策');
    expect(page).toContain('id="chart-categories"');
    expect(page).toContain('id="chart-files"');
    expect(page.match(/<tr data-category=/g)).toHaveLength(10);
    const en = render(REPORT, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Specific personal information file');
    expect(en).toContain('disaster-response');
  });
});

import { describe, expect, it } from 'vitest';
import { formatClassify } from '../../../src/formatters/index.js';
import { FORMATTERS } from '../../../src/formatters/registry.js';
import { TABLE_WIDTH } from '../../../src/formatters/table.js';
import { displayWidth, padEnd, truncate, wrap } from '../../../src/formatters/text.js';
import type { ScanReport } from '../../../src/types.js';
import { CLASSIFY_RESULTS, REPORT } from './fixture.js';

describe('displayWidth', () => {
  it('counts East Asian wide characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('個人番号')).toBe(8);
    expect(displayWidth('ｶﾅ')).toBe(2); // half-width katakana are narrow
    expect(displayWidth('ＴＥＬ')).toBe(6); // full-width letters are wide
    expect(displayWidth('（）、。')).toBe(8);
    expect(displayWidth('\u001b[31mred\u001b[39m')).toBe(3);
    expect(displayWidth('か\u3099')).toBe(2); // combining voiced mark
    expect(displayWidth('𠮷')).toBe(2); // astral CJK
  });
  it('truncates by columns with an ellipsis', () => {
    expect(truncate('顧客番号（区市コード）', 9)).toBe('顧客番号…');
    expect(displayWidth(truncate('顧客番号（区市コード）', 9))).toBeLessThanOrEqual(9);
    expect(truncate('short', 10)).toBe('short');
    expect(padEnd('氏名', 6)).toBe('氏名  ');
  });
  it('wraps long text within the width', () => {
    const lines = wrap('ポリシーファイルの declarations に各項目の利用目的を宣言してください。', 20);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.join('')).toContain('declarations');
  });
});

describe('table formatter', () => {
  it.each(['en', 'ja'] as const)('keeps every line within %s 100 columns', (lang) => {
    const out = FORMATTERS.table(REPORT, { lang, color: false, toolVersion: 'x' }) as string;
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(TABLE_WIDTH);
  });
  it('shows the file label, the error, warnings, parts, declarations and failures', () => {
    const out = FORMATTERS.table(REPORT, { lang: 'ja', color: false, toolVersion: 'x' }) as string;
    expect(out).toContain('特定個人情報ファイル');
    expect(out).toContain('個人情報を含むファイル');
    expect(out).toContain('エラー: not a zip file');
    expect(out).toContain('警告: 3 rows');
    expect(out).toMatch(/\n\s+└ 区市コード/);
    expect(out).toContain('宣言済み: 源泉徴収票の作成（税務） (経理部)');
    expect(out).toContain('要対応の項目: 3');
    expect(out).not.toMatch(/\u001b\[/);
  });
  it('colours by category only when asked', () => {
    const out = FORMATTERS.table(REPORT, { lang: 'en', color: true, toolVersion: 'x' }) as string;
    expect(out).toContain('\u001b[31m\u001b[1mMy Number'); // red bold
    expect(out).toContain('\u001b[35msensitive'); // magenta
    expect(out).toContain('\u001b[33mpersonal'); // yellow
    expect(out).toContain('\u001b[90munknown'); // gray
  });
  it('neutralises control characters in names', () => {
    const report: ScanReport = structuredClone(REPORT);
    report.files[0].tables[0].fields[1].name = 'a\nb\u001b[31mc';
    const out = FORMATTERS.table(report, { lang: 'en', color: false, toolVersion: 'x' }) as string;
    expect(out).not.toContain('\u001b');
    expect(out).toContain('a b [31mc');
  });
  it('handles an empty report', () => {
    const empty: ScanReport = {
      version: '1',
      files: [],
      summary: {
        files: 0,
        filesWithErrors: 0,
        fields: 0,
        byCategory: { my_number: 0, sensitive: 0, personal: 0, none: 0, unknown: 0 },
        bySubcategory: {},
        specificPersonalInformationFiles: [],
        failures: [],
      },
    };
    const out = FORMATTERS.table(empty, { lang: 'en', color: false, toolVersion: 'x' }) as string;
    expect(out).toContain('Files: 0');
    expect(out.endsWith('\n')).toBe(true);
  });
});

describe('formatClassify', () => {
  it('json keeps input order and the documented keys', async () => {
    const out = await formatClassify(CLASSIFY_RESULTS, 'json', { lang: 'en', color: false, toolVersion: 'x' });
    expect(out.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(out) as { results: Array<Record<string, unknown>> };
    expect(parsed.results.map((r) => r.header)).toEqual(CLASSIFY_RESULTS.map((r) => r.header));
    expect(Object.keys(parsed.results[0])).toEqual(['header', 'category', 'subcategory', 'confidence', 'reasons']);
    expect(Object.keys(parsed.results[1])).toEqual(['header', 'category', 'subcategory', 'confidence', 'reasons', 'parts']);
    expect((parsed.results[1].parts as unknown[]).length).toBe(6);
  });
  it('table shows parts indented', async () => {
    const out = await formatClassify(CLASSIFY_RESULTS, 'table', { lang: 'en', color: false, toolVersion: 'x' });
    expect(out).toMatch(/\n└ 被保険者番号 +personal/);
  });
});

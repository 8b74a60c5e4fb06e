import { describe, expect, it } from 'vitest';
import { looksDelimited, sniffDialect } from '../../../src/read/sniff.js';

describe('sniffDialect', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    ['\t', 'a\tb\tc\n1\t2,5\t3\n4\t5\t6\n'],
    [';', 'a;b;c\n1;"2,5";3\n4;5,1;6\n'],
    ['|', 'a|b|c\n1|2|3\n4|5|6\n'],
  ])('finds %j', (delimiter, text) => {
    const dialect = sniffDialect(text, true);
    expect(dialect.delimiter).toBe(delimiter);
    expect(dialect.columns).toBe(3);
    expect(dialect.consistency).toBe(1);
  });

  it('ignores delimiters inside quotes, even across lines', () => {
    const dialect = sniffDialect('a;b\n"x;y\nz;w";1\n2;3\n', true);
    expect(dialect).toMatchObject({ delimiter: ';', columns: 2, records: 3, strayQuotes: 0 });
  });

  it('counts title lines against consistency', () => {
    const dialect = sniffDialect('一覧\n\na,b\n1,2\n3,4\n', true);
    expect(dialect.columns).toBe(2);
    expect(dialect.consistency).toBeCloseTo(0.75);
  });

  it('prefers the extension default on a tie', () => {
    expect(sniffDialect('a\n', true, '\t').columns).toBe(1);
    expect(sniffDialect('a,b\tc\n', true, '\t').delimiter).toBe('\t');
  });

  it('drops a cut-off last line of an incomplete head', () => {
    expect(sniffDialect('a,b\n1,2\n3,4,5,6', false)).toMatchObject({ columns: 2, records: 2, consistency: 1 });
  });

  it('finds single quotes used as quotes', () => {
    expect(sniffDialect("'a,1',b\n'c,2',d\n", true)).toMatchObject({ quote: "'", columns: 2 });
  });

  it('reports stray quotes with the first line', () => {
    const dialect = sniffDialect('a,b\n1,x"y\n2,"z"w\n3,ok\n', true);
    expect(dialect).toMatchObject({ strayQuotes: 2, strayQuoteLine: 2 });
  });
});

describe('looksDelimited', () => {
  const check = (text: string) => looksDelimited(sniffDialect(text, true, '\t'), text);
  it('needs a consistent count of two or more columns over four records', () => {
    expect(check('a\tb\n1\t2\n3\t4\n5\t6\n')).toBe(true);
    expect(check('a\tb\n1\t2\n3\t4\n')).toBe(false);
    expect(check('氏名、住所\n生年月日\n性別、年齢、職業\n')).toBe(false);
    expect(check('送信項目: 氏名, 住所\n受信項目: 生年月日, 性別, 電話\n備考\nメモ\n')).toBe(false);
  });

  it('leaves Markdown tables to the layout reader', () => {
    expect(check('| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n')).toBe(false);
  });
});

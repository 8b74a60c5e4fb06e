import { describe, expect, it } from 'vitest';
import { chunk, normalize, normalizeExplained, surfaceKey, toKatakana } from '../../../src/tokenize/normalize.js';
import { romajiVariants } from '../../../src/tokenize/romaji.js';

const texts = (s: string) => chunk(s).map((c) => c.text);

describe('normalize', () => {
  it('folds width and case with NFKC: ＴＥＬ and ﾏｲﾅﾝﾊﾞｰ meet their plain forms', () => {
    expect(normalize('ＴＥＬ').key).toBe('tel');
    expect(normalize('ﾏｲﾅﾝﾊﾞｰ').key).toBe('マイナンバー');
    expect(normalize('住所２').key).toBe('住所2');
  });

  it('splits camelCase, PascalCase, acronyms, snake, kebab, dots and spaces', () => {
    expect(texts('firstName')).toEqual(['first', 'name']);
    expect(texts('HTTPServerName')).toEqual(['http', 'server', 'name']);
    expect(texts('FIRST-NAME')).toEqual(['first', 'name']);
    expect(texts('customer.address.zip')).toEqual(['customer', 'address', 'zip']);
    expect(texts('kojin_bango')).toEqual(['kojin', 'bango']);
    expect(texts('tel1')).toEqual(['tel', '1']);
  });

  it('keeps Japanese runs whole and drops the spaces of spaced-out headers', () => {
    expect(texts('宿 泊 施 設 名')).toEqual(['宿泊施設名']);
    expect(texts('住　　　　所')).toEqual(['住所']);
    expect(texts('店舗_TEL')).toEqual(['店舗', 'tel']);
  });

  it('turns hiragana into katakana so ふりがな and フリガナ meet', () => {
    expect(toKatakana('ふりがな')).toBe('フリガナ');
    expect(surfaceKey('ふりがな')).toBe(surfaceKey('フリガナ'));
  });

  it('records its steps for explain', () => {
    expect(normalizeExplained('ﾌﾘｶﾞﾅ').steps.map((s) => s.step)).toEqual(expect.arrayContaining([expect.stringContaining('NFKC')]));
  });

  it('reads a full-width or typographic dash between katakana as the long-vowel mark (コ－ド)', () => {
    expect(normalize('府県コ－ド').key).toBe('府県コード');
    expect(normalize('デ−タ区分').key).toBe('データ区分');
    expect(normalize('ｺ－ﾄﾞ').key).toBe('コード');
    expect(surfaceKey('コ－ド')).toBe(surfaceKey('コード'));
    // An ASCII hyphen between katakana stays a separator; a dash elsewhere separates too.
    expect(normalize('カナ-コード').key).toBe('カナコード');
    expect(normalize('住所－1').key).toBe('住所1');
  });

  it('handles empty and symbol-only headers', () => {
    expect(normalize('').key).toBe('');
    expect(normalize('___').chunks).toEqual([]);
  });
});

describe('romajiVariants', () => {
  it('spells readings in Hepburn and Kunrei, with and without long vowels', () => {
    expect(romajiVariants('シメイ')).toEqual(expect.arrayContaining(['shimei', 'simei']));
    expect(romajiVariants('ジュウショ')).toEqual(expect.arrayContaining(['juusho', 'jusho', 'zyuusyo', 'zyusyo']));
    expect(romajiVariants('コジンバンゴウ')).toEqual(expect.arrayContaining(['kojinbangou', 'kojinbango', 'kozinbango']));
    expect(romajiVariants('セイネンガッピ')).toContain('seinengappi');
  });

  it('drops any choice of long vowels, as legacy field names do (sekkekkyuusu)', () => {
    expect(romajiVariants('セッケッキュウスウ').sort()).toEqual(['sekkekkyusu', 'sekkekkyusuu', 'sekkekkyuusu', 'sekkekkyuusuu']);
  });

  it('gives nothing for readings that are not katakana', () => {
    expect(romajiVariants('氏名')).toEqual([]);
  });
});

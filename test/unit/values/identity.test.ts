import { describe, expect, it } from 'vitest';
import { isAddress } from '../../../src/values/address.js';
import { classifyPersonName } from '../../../src/values/person-name.js';
import { classifyGender } from '../../../src/values/gender.js';
import { isBankAccountShape } from '../../../src/values/bank-account.js';
import { isPassportNumber } from '../../../src/values/passport.js';
import { ipVersion } from '../../../src/values/ip.js';
import { prepareValue } from '../../../src/values/normalize.js';

describe('address', () => {
  it.each([
    '東京都千代田区千代田1-1',
    '北海道札幌市中央区北1条西2丁目',
    '神奈川県横浜市中区山下町10',
    '〒100-0001 東京都千代田区千代田1-1',
    '横浜市中区山下町1-2-3',
    '津市栄町3丁目',
    '西多摩郡日の出町平井2780',
  ])('accepts %s', (v) => {
    expect(isAddress(prepareValue(v))).toBe(true);
  });
  it.each(['東京都', '区分', '市役所', '株式会社サンプル', 'Tokyo 1-1', '大阪', '市区町村コード'])('rejects %s', (v) => {
    expect(isAddress(v)).toBe(false);
  });
});

describe('person name (shape only)', () => {
  it('recognises katakana and kanji full names', () => {
    expect(classifyPersonName('ヤマダ タロウ')).toBe('katakana');
    expect(classifyPersonName(prepareValue('ﾔﾏﾀﾞ ﾀﾛｳ'))).toBe('katakana');
    expect(classifyPersonName(prepareValue('サトウ　ハナコ'))).toBe('katakana');
    expect(classifyPersonName('山田 太郎')).toBe('kanji');
    expect(classifyPersonName('佐々木 さくら')).toBe('kanji');
    expect(classifyPersonName('林 一')).toBe('kanji');
  });
  it('rejects other shapes', () => {
    expect(classifyPersonName('ヤマダタロウ')).toBeNull();
    expect(classifyPersonName('山田太郎')).toBeNull();
    expect(classifyPersonName('東京都千代田区 千代田')).toBeNull();
    expect(classifyPersonName('Taro Yamada')).toBeNull();
    expect(classifyPersonName('ヤマダ タロウ ジロウ')).toBeNull();
    expect(classifyPersonName('山田 太郎左衛門')).toBeNull();
  });
});

describe('gender', () => {
  it('classifies words, letters and codes', () => {
    for (const v of ['男', '女', '男性', '女性', 'male', 'Female', 'FEMALE']) expect(classifyGender(v)).toBe('word');
    for (const v of ['M', 'F', 'm', 'f']) expect(classifyGender(v)).toBe('letter');
    for (const v of ['1', '2', '0', '9']) expect(classifyGender(v)).toBe('code');
    for (const v of ['3', 'X', '男女', 'males', '']) expect(classifyGender(v)).toBeNull();
  });
});

describe('bank account, passport, IP', () => {
  it('bank account is exactly 7 digits', () => {
    expect(isBankAccountShape('1234567')).toBe(true);
    expect(isBankAccountShape('123456')).toBe(false);
    expect(isBankAccountShape('123-4567')).toBe(false);
  });
  it('passport is 2 capitals + 7 digits', () => {
    expect(isPassportNumber('TZ1234567')).toBe(true);
    expect(isPassportNumber(prepareValue('ＴＺ１２３４５６７'))).toBe(true);
    expect(isPassportNumber('tz1234567')).toBe(false);
    expect(isPassportNumber('T12345678')).toBe(false);
    expect(isPassportNumber('TZ123456')).toBe(false);
  });
  it('IP versions', () => {
    expect(ipVersion('192.0.2.1')).toBe(4);
    expect(ipVersion('2001:db8::1')).toBe(6);
    expect(ipVersion('::1')).toBe(6);
    expect(ipVersion('256.1.1.1')).toBe(0);
    expect(ipVersion('1.2.3')).toBe(0);
    expect(ipVersion('hello')).toBe(0);
  });
});

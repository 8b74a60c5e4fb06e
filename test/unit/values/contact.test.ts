import { describe, expect, it } from 'vitest';
import { classifyPhone, isJapanesePhone } from '../../../src/values/phone.js';
import { isEmail } from '../../../src/values/email.js';
import { classifyPostalCode } from '../../../src/values/postal-code.js';
import { prepareValue } from '../../../src/values/normalize.js';

describe('phone', () => {
  it.each([
    ['03-1234-5678', 'fixed'],
    ['0312345678', 'fixed'],
    ['(03) 1234-5678', 'fixed'],
    ['03(1234)5678', 'fixed'],
    ['0466-12-3456', 'fixed'],
    ['090-1234-5678', 'mobile'],
    ['08012345678', 'mobile'],
    ['070 1234 5678', 'mobile'],
    ['050-1234-5678', 'ip'],
    ['0120-123-456', 'toll_free'],
    ['0800-123-4567', 'toll_free'],
    ['+81-90-1234-5678', 'mobile'],
    ['+81 3 1234 5678', 'fixed'],
    ['+81 (0)3-1234-5678', 'fixed'],
  ])('%s is %s', (v, kind) => {
    expect(classifyPhone(v)).toBe(kind);
  });

  it('accepts full-width input once prepared', () => {
    expect(isJapanesePhone(prepareValue('０９０－１２３４－５６７８'))).toBe(true);
  });

  it.each(['1234-5678', '090-1234-567', '0012345678', '+1 415 555 0100', '123456789018', '090-1234-5678x', '12:34', '0901234567'])(
    'rejects %s',
    (v) => {
      expect(isJapanesePhone(v)).toBe(false);
    },
  );
});

describe('email', () => {
  it.each(['taro.yamada@example.com', 'a+b@example.co.jp', 'x_y-z@sub.example.jp'])('accepts %s', (v) => {
    expect(isEmail(v)).toBe(true);
  });
  it.each(['taro@', '@example.com', 'a@b', 'a@@example.com', 'a@example..com', 'a b@example.com', 'a@example.c0m', 'a@example.c'])(
    'rejects %s',
    (v) => {
      expect(isEmail(v)).toBe(false);
    },
  );
  // A hang guard, not a speed test (speed is npm run bench): catastrophic backtracking on this input
  // would take minutes, a linear scan milliseconds, so the generous bound cannot flake on a busy CI.
  it('does not hang on a long hostile input', () => {
    const v = 'a'.repeat(60) + '@' + 'b.'.repeat(90) + '!';
    const t = performance.now();
    for (let i = 0; i < 1000; i++) isEmail(v);
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(isEmail(v)).toBe(false);
  });
});

describe('postal code', () => {
  it('recognises the forms', () => {
    expect(classifyPostalCode('〒100-0001')).toBe('marked');
    expect(classifyPostalCode('〒 100-0001')).toBe('marked');
    expect(classifyPostalCode('〒1000001')).toBe('marked');
    expect(classifyPostalCode('100-0001')).toBe('hyphenated');
    expect(classifyPostalCode(prepareValue('１００－０００１'))).toBe('hyphenated');
    expect(classifyPostalCode('1000001')).toBe('bare');
  });
  it('rejects other shapes', () => {
    expect(classifyPostalCode('1000-001')).toBeNull();
    expect(classifyPostalCode('100-00011')).toBeNull();
    expect(classifyPostalCode('10000011')).toBeNull();
    expect(classifyPostalCode('〒ABC-DEFG')).toBeNull();
  });
});

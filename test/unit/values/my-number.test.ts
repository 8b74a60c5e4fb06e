import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyMyNumber, isValidMyNumber, myNumberCheckDigit } from '../../../src/values/my-number.js';
import { prepareValue } from '../../../src/values/normalize.js';
import { invalidMyNumber, rng, toFullWidth, validMyNumber } from './helpers.js';

describe('My Number check digit', () => {
  it('matches the worked example 123456789018', () => {
    // Σ Pn·Qn = 212, 212 mod 11 = 3, check digit 11 − 3 = 8.
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789017')).toBe(false);
  });

  it('gives 0 when the remainder is 0 or 1', () => {
    expect(myNumberCheckDigit('00000000000')).toBe(0); // r = 0
    // 10000000000: P11 = 1 with Q11 = 6 → r = 6 → 5; 00000000001: P1 = 1, Q1 = 2 → r = 2 → 9
    expect(myNumberCheckDigit('10000000000')).toBe(5);
    expect(myNumberCheckDigit('00000000001')).toBe(9);
    // r = 1: P2 = 4 (Q2 = 3 → 12 ≡ 1)
    expect(myNumberCheckDigit('00000000040')).toBe(0);
  });

  it('rejects non-digits and wrong lengths', () => {
    expect(isValidMyNumber('12345678901')).toBe(false);
    expect(isValidMyNumber('1234567890180')).toBe(false);
    expect(isValidMyNumber('12345678901a')).toBe(false);
  });

  it('exactly one last digit in ten is valid for any eleven-digit prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (first) => {
        let valid = 0;
        for (let d = 0; d < 10; d++) if (isValidMyNumber(first + d)) valid++;
        return valid === 1;
      }),
    );
  });
});

describe('classifyMyNumber (shape)', () => {
  it('accepts plain, 4-4-4 with spaces or hyphens, and full-width after NFKC', () => {
    expect(classifyMyNumber('123456789018')).toBe('valid');
    expect(classifyMyNumber('1234 5678 9018')).toBe('valid');
    expect(classifyMyNumber('1234-5678-9018')).toBe('valid');
    expect(classifyMyNumber(prepareValue(toFullWidth('123456789018')))).toBe('valid');
    expect(classifyMyNumber(prepareValue('１２３４－５６７８－９０１８'))).toBe('valid');
    expect(classifyMyNumber(prepareValue(' 1234　5678　9018 '))).toBe('valid');
    expect(classifyMyNumber('123456789017')).toBe('invalid');
  });

  it('rejects other groupings, mixed separators and other lengths', () => {
    expect(classifyMyNumber('12-3456-789018')).toBeNull();
    expect(classifyMyNumber('81-90-1234-5678')).toBeNull();
    expect(classifyMyNumber('1234-5678 9018')).toBeNull();
    expect(classifyMyNumber('12345678901')).toBeNull();
    expect(classifyMyNumber('7000012050002')).toBeNull();
    expect(classifyMyNumber('ABCDEFGHIJKL')).toBeNull();
  });

  it('classifies generated valid and invalid numbers', () => {
    const r = rng(7);
    for (let i = 0; i < 500; i++) {
      expect(classifyMyNumber(validMyNumber(r))).toBe('valid');
      expect(classifyMyNumber(invalidMyNumber(r))).toBe('invalid');
    }
  });
});

describe('classifyMyNumber on twelve code units (the one-pass check)', () => {
  it('is what allDigits and isValidMyNumber say, on random twelve-unit values', () => {
    const unit = fc.constantFrom('0', '1', '2', '5', '8', '9', '/', ':', ' ', '-', 'a', '０');
    const r = rng(31);
    const twelve = fc.oneof(
      fc.array(unit, { minLength: 12, maxLength: 12 }).map((a) => a.join('')),
      // Mostly digits, so valid and invalid check digits both occur often.
      fc.nat(1000).map(() => (r() < 0.5 ? validMyNumber(r) : invalidMyNumber(r))),
      fc.tuple(fc.nat(11), unit).map(([at, c]) => {
        const v = validMyNumber(r);
        return v.slice(0, at) + c + v.slice(at + 1);
      }),
    );
    fc.assert(
      fc.property(twelve, (v) => {
        const digits = /^[0-9]{12}$/.test(v);
        expect(classifyMyNumber(v)).toBe(digits ? (isValidMyNumber(v) ? 'valid' : 'invalid') : null);
      }),
      { numRuns: 5000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyCorporateNumber,
  corporateCheckDigit,
  isValidCorporateNumber,
} from '../../../src/values/corporate-number.js';
import { prepareValue } from '../../../src/values/normalize.js';
import { rng, validCorporateNumber } from './helpers.js';

describe('corporate number', () => {
  it('validates the National Tax Agency number 7000012050002', () => {
    // twelve digits 000012050002: Σ = 2 + 5 + 2 + 2·1 = 11, 11 mod 9 = 2, check 9 − 2 = 7
    expect(corporateCheckDigit('000012050002')).toBe(7);
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
    expect(isValidCorporateNumber('6000012050002')).toBe(false);
  });

  it('accepts 1-4-4-4 grouping and full-width digits', () => {
    expect(classifyCorporateNumber('7-0000-1205-0002')).toBe('valid');
    expect(classifyCorporateNumber(prepareValue('７００００１２０５０００２'))).toBe('valid');
    expect(classifyCorporateNumber('7000-0120-50002')).toBeNull();
    expect(classifyCorporateNumber('123456789018')).toBeNull();
  });

  it('one leading digit in ten is valid for any twelve digits (never 0)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (rest) => {
        let valid = 0;
        for (let d = 0; d < 10; d++) if (isValidCorporateNumber(d + rest)) valid++;
        return valid === 1 && !isValidCorporateNumber('0' + rest);
      }),
    );
  });

  it('classifies generated numbers', () => {
    const r = rng(3);
    for (let i = 0; i < 200; i++) expect(classifyCorporateNumber(validCorporateNumber(r))).toBe('valid');
  });
});

import { describe, expect, it } from 'vitest';
import { cardIssuer, classifyCreditCard, luhnValid } from '../../../src/values/credit-card.js';
import { isPlausibleBirthDate, mayBeDate, parseDate } from '../../../src/values/birth-date.js';
import fc from 'fast-check';
import { prepareValue } from '../../../src/values/normalize.js';

describe('credit card', () => {
  it('validates Luhn and issuer on well-known test numbers', () => {
    expect(classifyCreditCard('4242424242424242')).toBe('valid');
    expect(classifyCreditCard('4242 4242 4242 4242')).toBe('valid');
    expect(classifyCreditCard('5555-5555-5555-4444')).toBe('valid');
    expect(classifyCreditCard('378282246310005')).toBe('valid');
    expect(classifyCreditCard('3530111333300000')).toBe('valid');
    expect(classifyCreditCard('30569309025904')).toBe('valid');
    expect(classifyCreditCard('4242424242424241')).toBe('invalid');
    expect(cardIssuer('3530111333300000')).toBe('jcb');
    expect(cardIssuer('2221000000000009')).toBe('mastercard');
  });
  it('rejects numbers without an issuer prefix or of other lengths', () => {
    expect(classifyCreditCard('6011111111111117')).toBeNull(); // Discover: not in the list
    expect(classifyCreditCard('1234567812345670')).toBeNull();
    expect(classifyCreditCard('424242424242424')).toBeNull(); // Visa needs 16 here
    expect(classifyCreditCard('42-42424242424242')).toBeNull(); // a 2-digit group
    expect(luhnValid('79927398713')).toBe(true);
  });
});

describe('dates', () => {
  it.each([
    ['1975-01-01', 1975, 1, 1],
    ['1975/1/1', 1975, 1, 1],
    ['1975.01.01', 1975, 1, 1],
    ['19750101', 1975, 1, 1],
    ['1975年1月1日', 1975, 1, 1],
    ['1975-01-01 00:00:00', 1975, 1, 1],
    ['1975-01-01T09:00:00Z', 1975, 1, 1],
    ['昭和50年1月1日', 1975, 1, 1],
    ['昭和50.1.1', 1975, 1, 1],
    ['S50.1.1', 1975, 1, 1],
    ['H2/4/1', 1990, 4, 1],
    ['R2/4/1', 2020, 4, 1],
    ['平成元年4月1日', 1989, 4, 1],
    ['令和2年4月1日', 2020, 4, 1],
    ['大正15年12月24日', 1926, 12, 24],
  ])('%s', (v, y, m, d) => {
    expect(parseDate(prepareValue(v))).toEqual({ year: y, month: m, day: d });
  });
  it('accepts full-width and the squared era sign', () => {
    expect(parseDate(prepareValue('１９７５／０１／０１'))).toEqual({ year: 1975, month: 1, day: 1 });
    expect(parseDate(prepareValue('㍼50年1月1日'))).toEqual({ year: 1975, month: 1, day: 1 });
  });
  it.each(['1975-02-30', '1975-13-01', '昭和65年1月1日', 'S0.1.1', '12345678', '2023', 'X50.1.1', '1975-01-01x'])(
    'rejects %s',
    (v) => {
      expect(parseDate(v)).toBeNull();
    },
  );
  it('judges plausible birth dates against an injected today', () => {
    const now = new Date(2025, 5, 1);
    expect(isPlausibleBirthDate({ year: 1950, month: 1, day: 1 }, now)).toBe(true);
    expect(isPlausibleBirthDate({ year: 2025, month: 7, day: 1 }, now)).toBe(false);
    expect(isPlausibleBirthDate({ year: 1900, month: 1, day: 1 }, now)).toBe(false);
  });
});

describe('mayBeDate (the profiler gate before parseDate)', () => {
  it('is true for every value parseDate accepts, on random date-like text', () => {
    const unit = fc.constantFrom('0', '1', '2', '9', '-', '/', '.', ' ', 'T', ':', 'Z', '年', '月', '日', '元', '昭', '和', 'H', 's', 'x');
    const dateLike = fc.oneof(
      fc.array(unit, { minLength: 1, maxLength: 24 }).map((a) => a.join('')),
      // Real dates, with a time part, or with one character replaced.
      fc.tuple(fc.integer({ min: 1868, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('-', '/', '', '年'), fc.constantFrom('', ' 12:00:00', 'T00:00:00Z', ' x'), fc.nat(25), unit)
        .map(([y, m, d, sep, time, at, c]) => {
          const v = `${y}${sep}${sep === '' ? String(m).padStart(2, '0') : m}${sep === '年' ? '月' : sep}${sep === '' ? String(d).padStart(2, '0') : d}${time}`;
          return at % 3 === 0 ? v.slice(0, at) + c + v.slice(at + 1) : v;
        }),
    );
    let accepted = 0;
    fc.assert(
      fc.property(dateLike, (v) => {
        if (parseDate(v) === null) return;
        accepted++;
        expect(mayBeDate(v)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('turns away phone numbers and codes before parseDate searches for a time part', () => {
    for (const v of ['03-5850-8397', '090-1234-5678', '12-3456-7890-12', 'E0000001x2024']) expect(mayBeDate(v)).toBe(false);
    for (const v of ['1975-01-22 00:00:00', '19750122', 'S50.1.1', '令和2年4月1日']) expect(mayBeDate(v)).toBe(true);
  });
});

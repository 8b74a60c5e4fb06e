// The profiler runs a detector only when the cell's length and shape (values/shape.ts) allow it to
// match. That prefilter must never change a result: the detector bits of every value must be what
// running every detector in turn gives (the cascade below is the profiler's before the prefilter).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAddress } from '../../../src/values/address.js';
import { isBankAccountShape } from '../../../src/values/bank-account.js';
import { dateOrdinal, ordinalYearsBefore, parseDate } from '../../../src/values/birth-date.js';
import { classifyCorporateNumber } from '../../../src/values/corporate-number.js';
import { classifyCreditCard } from '../../../src/values/credit-card.js';
import { isEmail } from '../../../src/values/email.js';
import { classifyGender } from '../../../src/values/gender.js';
import { ipVersion } from '../../../src/values/ip.js';
import { classifyMyNumber } from '../../../src/values/my-number.js';
import { isDashCode, needsNfkc, prepareValue } from '../../../src/values/normalize.js';
import { isPassportNumber } from '../../../src/values/passport.js';
import { classifyPersonName } from '../../../src/values/person-name.js';
import { isJapanesePhone } from '../../../src/values/phone.js';
import { classifyPostalCode } from '../../../src/values/postal-code.js';
import { ColumnProfiler } from '../../../src/values/profiler.js';
import { ASCII, DIGIT, DOT_COLON, KIND, kindOf, NFKC, OTHER_ASCII, SEP_ASCII, SEP_WIDE, shapeOf } from '../../../src/values/shape.js';

const NOW = new Date(2025, 5, 1);

/** Every detector on the prepared value, in the profiler's order, without any prefilter (its bit numbers). */
function reference(v: string): number {
  let m = 0;
  const mn = classifyMyNumber(v);
  if (mn !== null) return 1 << (mn === 'valid' ? 0 : 1);
  if (classifyCorporateNumber(v) === 'valid') return 1 << 2;
  if (classifyCreditCard(v) === 'valid') return 1 << 13;
  if (isJapanesePhone(v)) m |= 1 << 3;
  if (isEmail(v)) return 1 << 4;
  const postal = classifyPostalCode(v);
  if (postal === 'bare') m |= 1 << 6;
  else if (postal !== null) m |= 1 << 5;
  if (isBankAccountShape(v)) m |= 1 << 6;
  if (isPassportNumber(v)) m |= 1 << 15;
  if (ipVersion(v) !== 0) m |= 1 << 14;
  const gender = classifyGender(v);
  if (gender === 'code') m |= 1 << 12;
  else if (gender !== null) m |= 1 << 11;
  const date = parseDate(v);
  if (date !== null) {
    m |= 1 << 8;
    const o = dateOrdinal(date);
    if (o >= ordinalYearsBefore(NOW, 120) && o <= ordinalYearsBefore(NOW, 0)) m |= 1 << 9;
  }
  if (v.charCodeAt(0) >= 0x3000) {
    if (isAddress(v)) m |= 1 << 7;
    else if (classifyPersonName(v) !== null) m |= 1 << 10;
  }
  return m;
}

/** The bits the profiler counted for one cell, through add() and through addSpan() (the one-pass path). */
function profiled(cell: string): number[] {
  return [
    (p: ColumnProfiler) => p.add(cell),
    (p: ColumnProfiler) => p.addSpan(`,${cell},`, 1, cell.length + 1),
  ].map((feed) => {
    const p = new ColumnProfiler({ now: NOW, memoEntries: 0 });
    feed(p);
    return p.state().sampler.masks[0];
  });
}

const SHAPED = [
  '123456789018', '1234 5678 9018', '1234-5678-9018', '１２３４５６７８９０１８', '7000012050002', '7-0000-1205-0002',
  '4242424242424242', '4242 4242 4242 4242', '378282246310005', '30569309025904', '03-1234-5678', '090-2345-6789',
  '+81 3 1234 5678', '+81 (0)3 1234 5678', '(03)1234-5678', '0120-123-456', 'a@example.com', 'a.b+c@mail.example.co.jp',
  '〒100-0001', '〒 1000001', '100-0001', '100ー0001', '1000001', 'TZ1234567', '192.0.2.1', '2001:db8::1',
  'fe80::1%eth0', '男', '女性', 'Male', 'female', 'M', '1', '9', '1975-01-22', '1975/1/2', '19750122', '1975年1月22日',
  '1975-01-22 10:00:00', '1975-01-22T10:00:00Z', '昭和50年1月22日', '平成元年4月1日', 'S50.1.22', 'h2/4/1', 'R2-4-1',
  '東京都千代田区千代田1-1', '〒100-0001 東京都千代田区', '横浜市西区2丁目', '山田 太郎', 'ヤマダ タロウ', '佐々木 さくら',
  'ID-12', ' 12 ', '\u3000男\u3000', 'x'.repeat(300),
];

describe('shape prefilter', () => {
  it('gives every code unit its kind', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const k = KIND[c];
      const ok =
        k !== 0 &&
        ((k & DIGIT) !== 0) === (c >= 48 && c <= 57) &&
        ((k & (SEP_ASCII | SEP_WIDE)) !== 0) === (c === 32 || isDashCode(c)) &&
        ((k & NFKC) !== 0) === needsNfkc(String.fromCharCode(c)) &&
        ((k & ASCII) !== 0) === c < 128 &&
        ((k & DOT_COLON) !== 0) === (c === 46 || c === 58);
      if (!ok) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(shapeOf('a-1')).toBe(OTHER_ASCII | SEP_ASCII | DIGIT);
    // The table is built from ranges, not by calling kindOf on every unit: the two must agree.
    const differ: string[] = [];
    for (let c = 0; c < 65536; c++) if (KIND[c] !== kindOf(c)) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  it('never changes a detector result on shaped values and their edits', () => {
    const edit = fc.tuple(fc.constantFrom(...SHAPED), fc.nat(40), fc.nat(3), fc.constantFrom('0', '5', '-', ' ', '@', '.', ':', '/', 'A', 'z', '年', '〒', 'ー', '－', '１', '\u3000', '(', '+', '%', 'é', '東')).map(([s, at, op, ch]) => {
      const i = at % (s.length + 1);
      return op === 0 ? s.slice(0, i) + ch + s.slice(i) : op === 1 ? s.slice(0, i) + s.slice(i + 1) : op === 2 ? s.slice(0, i) + ch + s.slice(i + 1) : s;
    });
    fc.assert(
      fc.property(edit, (cell) => {
        const v = prepareValue(cell);
        if (v === '') return;
        const expected = reference(v);
        expect(profiled(cell), JSON.stringify(cell)).toEqual([expected, expected]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  });

  it('never changes a detector result on random text', () => {
    const ch = fc.constantFrom('0', '1', '2', '4', '9', '-', ' ', '@', '.', ':', '/', '(', ')', '+', '%', 'A', 'E', 'M', 'S', 'a', 'f', 'x', '年', '月', '日', '〒', 'ー', '‐', '－', '１', '\u3000', '\u00a0', '東', '京', '都', '市', '丁', '目', '番', 'ア', 'あ', '明', '昭', '山', '男', '㍻', 'ｱ');
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 24 }).map((a) => a.join('')), (cell) => {
        const v = prepareValue(cell);
        if (v === '') return;
        const expected = reference(v);
        expect(profiled(cell), JSON.stringify(cell)).toEqual([expected, expected]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  });
});

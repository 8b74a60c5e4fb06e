// isEmail reads the value once (email.ts); it must accept exactly what the version that first found
// the @ with indexOf (and rejected a second one) accepted. That version is kept here as the reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmail } from '../../../src/values/email.js';

function isLocalChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 46 || c === 95 || c === 45 || c === 43 || c === 33 || c === 35 || c === 36 || c === 37 ||
    c === 38 || c === 39 || c === 42 || c === 47 || c === 61 || c === 63 || c === 94 || c === 96 ||
    c === 123 || c === 124 || c === 125 || c === 126
  );
}

function reference(value: string): boolean {
  const n = value.length;
  if (n < 6 || n > 254) return false;
  const at = value.indexOf('@');
  if (at < 1 || at > 64 || value.indexOf('@', at + 1) !== -1) return false;
  for (let i = 0; i < at; i++) if (!isLocalChar(value.charCodeAt(i))) return false;
  let labelLen = 0;
  let labels = 0;
  let tldAlpha = true;
  for (let i = at + 1; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 46) {
      if (labelLen === 0) return false;
      labels++;
      labelLen = 0;
      tldAlpha = true;
      continue;
    }
    const label = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
    if (!label) return false;
    labelLen++;
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) tldAlpha = false;
  }
  return labels >= 1 && labelLen >= 2 && tldAlpha;
}

describe('isEmail (one pass)', () => {
  it('accepts what the indexOf version accepted, on random and e-mail-shaped text', () => {
    const unit = fc.constantFrom('a', 'Z', '0', '.', '@', '-', '+', '_', ' ', '"', 'é', '東', '.');
    const random = fc.array(unit, { maxLength: 30 }).map((a) => a.join(''));
    const shaped = fc
      .tuple(fc.nat(70), fc.constantFrom('example.com', 'mail.example.co.jp', 'x.y', 'a.b1', 'ex-ample.org', '.com', 'a..b.jp'), fc.array(unit, { maxLength: 3 }), fc.nat(80))
      .map(([local, domain, extra, at]) => {
        const v = `${'u'.repeat(Math.max(1, local))}@${domain}`;
        const i = at % (v.length + 1);
        return v.slice(0, i) + extra.join('') + v.slice(i);
      });
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(random, shaped), (v) => {
        const expected = reference(v);
        if (expected) accepted++;
        expect(isEmail(v)).toBe(expected);
      }),
      { numRuns: 10_000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });
});

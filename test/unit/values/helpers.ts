// Test helpers: a seeded PRNG and generators of invented numbers (never real people's data).
import { myNumberCheckDigit } from '../../../src/values/my-number.js';
import { corporateCheckDigit } from '../../../src/values/corporate-number.js';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomDigits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(r() * 10));
  return s;
}

export function validMyNumber(r: () => number): string {
  const first = randomDigits(r, 11);
  return first + String(myNumberCheckDigit(first));
}

export function invalidMyNumber(r: () => number): string {
  const first = randomDigits(r, 11);
  const cd = myNumberCheckDigit(first);
  return first + String((cd + 1 + Math.floor(r() * 9)) % 10);
}

export function validCorporateNumber(r: () => number): string {
  const rest = randomDigits(r, 12);
  return String(corporateCheckDigit(rest)) + rest;
}

export function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

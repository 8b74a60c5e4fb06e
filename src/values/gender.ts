// Gender values: words (男, 女, 男性, 女性, male, female), letters (M/F), and numeric codes
// (1/2 per JIS X 0303 / ISO 5218, with 0 unknown and 9 not applicable). Letters and codes are
// ambiguous (sizes, flags, counts), so the profiler needs many matches for letters and a header
// hint for codes.

export type GenderForm = 'word' | 'letter' | 'code';

export function classifyGender(value: string): GenderForm | null {
  const n = value.length;
  if (n === 0 || n > 6) return null;
  const c = value.charCodeAt(0);
  if (n === 1) {
    if (c === 0x7537 /* 男 */ || c === 0x5973 /* 女 */) return 'word';
    if (c === 77 || c === 70 || c === 109 || c === 102) return 'letter';
    if (c === 49 || c === 50 || c === 48 || c === 57) return 'code';
    return null;
  }
  if (n === 2) return value === '男性' || value === '女性' ? 'word' : null;
  if ((n === 4 && (c === 77 || c === 109)) || (n === 6 && (c === 70 || c === 102))) {
    const l = value.toLowerCase();
    return l === 'male' || l === 'female' ? 'word' : null;
  }
  return null;
}

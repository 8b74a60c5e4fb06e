// Person names by shape only (weak evidence): katakana family and given names separated by a space
// (ヤマダ タロウ), or 1–4 kanji, a space, and 1–3 kanji/kana (山田 太郎, 佐々木 さくら). Company
// names, place names and free text rarely have this exact shape, but they can, so the profiler
// demands a high rate and decide() never lets it override a header that says something.

export type NameForm = 'katakana' | 'kanji';

function isKatakana(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30f6) || c === 0x30fc || c === 0x30fb;
}

function isKanji(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005 /* 々 */;
}

function isKana(c: number): boolean {
  return (c >= 0x3041 && c <= 0x3096) || isKatakana(c);
}

/** Shape of a prepared value (NFKC turns the ideographic space into U+0020). */
export function classifyPersonName(value: string): NameForm | null {
  const n = value.length;
  if (n < 3 || n > 25) return null;
  const sp = value.indexOf(' ');
  if (sp < 1 || sp === n - 1 || value.indexOf(' ', sp + 1) !== -1) return null;
  const c0 = value.charCodeAt(0);
  if (isKatakana(c0)) {
    if (sp > 12 || n - sp - 1 > 12) return null;
    for (let i = 0; i < n; i++) if (i !== sp && !isKatakana(value.charCodeAt(i))) return null;
    return 'katakana';
  }
  if (isKanji(c0)) {
    if (sp > 4 || n - sp - 1 > 3) return null;
    for (let i = 1; i < sp; i++) if (!isKanji(value.charCodeAt(i))) return null;
    for (let i = sp + 1; i < n; i++) {
      const c = value.charCodeAt(i);
      if (!isKanji(c) && !isKana(c)) return null;
    }
    return 'kanji';
  }
  return null;
}

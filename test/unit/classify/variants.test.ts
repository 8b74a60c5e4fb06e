// A header written in a new form the dictionaries know (casing, width, romaji spelling, role word)
// classifies the same as its known form. Generated over the dictionaries' own surfaces.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { HeaderClassifier } from '../../../src/classify/classifier.js';
import { compile } from '../../../src/dictionary/compile.js';
import { builtinDictionaryDir, loadDictionaries } from '../../../src/dictionary/load.js';
import { readReadings } from '../../../src/dictionary/readings.js';
import { romajiVariants } from '../../../src/tokenize/romaji.js';
import type { DictionaryEntry } from '../../../src/dictionary/schema.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
let classifier: HeaderClassifier;
let entries: DictionaryEntry[];

beforeAll(() => {
  entries = loadDictionaries().entries;
  classifier = new HeaderClassifier(compile(entries));
});

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const HALF_KANA: Record<string, string> = { ア: 'ｱ', イ: 'ｲ', ウ: 'ｳ', エ: 'ｴ', オ: 'ｵ', カ: 'ｶ', キ: 'ｷ', ク: 'ｸ', ケ: 'ｹ', コ: 'ｺ', サ: 'ｻ', シ: 'ｼ', ス: 'ｽ', セ: 'ｾ', ソ: 'ｿ', タ: 'ﾀ', チ: 'ﾁ', ツ: 'ﾂ', テ: 'ﾃ', ト: 'ﾄ', ナ: 'ﾅ', ニ: 'ﾆ', ヌ: 'ﾇ', ネ: 'ﾈ', ノ: 'ﾉ', ハ: 'ﾊ', ヒ: 'ﾋ', フ: 'ﾌ', ヘ: 'ﾍ', ホ: 'ﾎ', マ: 'ﾏ', ミ: 'ﾐ', ム: 'ﾑ', メ: 'ﾒ', モ: 'ﾓ', ヤ: 'ﾔ', ユ: 'ﾕ', ヨ: 'ﾖ', ラ: 'ﾗ', リ: 'ﾘ', ル: 'ﾙ', レ: 'ﾚ', ロ: 'ﾛ', ワ: 'ﾜ', ン: 'ﾝ', ー: 'ｰ', ガ: 'ｶﾞ', ギ: 'ｷﾞ', グ: 'ｸﾞ', ゲ: 'ｹﾞ', ゴ: 'ｺﾞ', ザ: 'ｻﾞ', ジ: 'ｼﾞ', ズ: 'ｽﾞ', ゼ: 'ｾﾞ', ゾ: 'ｿﾞ', ダ: 'ﾀﾞ', デ: 'ﾃﾞ', ド: 'ﾄﾞ', バ: 'ﾊﾞ', ビ: 'ﾋﾞ', ブ: 'ﾌﾞ', ベ: 'ﾍﾞ', ボ: 'ﾎﾞ', パ: 'ﾊﾟ', ピ: 'ﾋﾟ', プ: 'ﾌﾟ', ペ: 'ﾍﾟ', ポ: 'ﾎﾟ', ッ: 'ｯ', ャ: 'ｬ', ュ: 'ｭ', ョ: 'ｮ' };
const toHiragana = (s: string) => [...s].map((c) => (c >= 'ァ' && c <= 'ヶ' ? String.fromCharCode(c.charCodeAt(0) - 0x60) : c)).join('');
const toHalfKana = (s: string) => [...s].map((c) => HALF_KANA[c] ?? c).join('');

/** Spellings of an English or romaji phrase that real systems use. */
const CASINGS: ((ws: string[]) => string)[] = [
  (ws) => ws.join('_'),
  (ws) => ws.join('_').toUpperCase(),
  (ws) => ws.join('-'),
  (ws) => ws.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join(''),
  (ws) => ws.map((w) => w[0].toUpperCase() + w.slice(1)).join(''),
  (ws) => ws.join(' '),
  (ws) => ws.join('.'),
  (ws) => toFullWidth(ws.join('_')),
];

/** Surfaces that classify as their entry on their own, so variants have a known form to match. */
async function knownForms(kinds: ('en' | 'romaji' | 'ja' | 'kana')[]) {
  const forms: { surface: string; category: string; id: string }[] = [];
  for (const e of entries) {
    if (e.role || e.head === 'inherit' || e.category === 'unknown') continue;
    for (const kind of kinds) {
      for (const surface of e.aliases?.[kind] ?? []) {
        const r = await classifier.classify(surface);
        if (r.category === e.category) forms.push({ surface, category: e.category, id: e.id });
      }
    }
  }
  return forms;
}

describe('variants of known headers classify as their known form', () => {
  it('in every casing, separator and width (English and romaji)', async () => {
    const forms = (await knownForms(['en', 'romaji'])).filter((f) => /^[a-z0-9 ]+$/i.test(f.surface) && words(f.surface).every((w) => /^[a-z]/i.test(w)));
    expect(forms.length).toBeGreaterThan(100);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), fc.constantFrom(...CASINGS), async (form, casing) => {
        const variant = casing(words(form.surface.toLowerCase()));
        const r = await classifier.classify(variant);
        expect(r.category, `${form.surface} → ${variant}`).toBe(form.category);
      }),
      { numRuns: RUNS },
    );
  });

  it('in half-width and hiragana kana', async () => {
    const forms = (await knownForms(['ja', 'kana'])).filter((f) => /^[\u30A1-\u30FC]+$/u.test(f.surface));
    expect(forms.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), async (form) => {
        const half = await classifier.classify(toHalfKana(form.surface));
        expect(half.category, toHalfKana(form.surface)).toBe(form.category);
        const hiragana = toHiragana(form.surface);
        expect((await classifier.classify(hiragana)).category, hiragana).toBe(form.category);
      }),
      { numRuns: RUNS },
    );
  });

  it('with a role word before it (本人・配偶者・扶養親族 …, spouse_, employee_)', async () => {
    const ja = (await knownForms(['ja'])).filter((f) => f.category === 'personal' || f.category === 'my_number' || f.category === 'sensitive');
    const en = (await knownForms(['en'])).filter((f) => (f.category === 'personal' || f.category === 'sensitive') && /^[a-z ]+$/i.test(f.surface));
    const jaRoles = ['配偶者', '本人', '扶養親族', '従業員', '被保険者', '契約者'];
    const enRoles = ['spouse', 'employee', 'customer', 'applicant'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ja), fc.constantFrom(...jaRoles), fc.constantFrom('', ' ', '_', 'の'), async (form, role, sep) => {
        const r = await classifier.classify(`${role}${sep}${form.surface}`);
        expect(r.category, `${role}${sep}${form.surface}`).toBe(form.category);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...en), fc.constantFrom(...enRoles), async (form, role) => {
        const header = [role, ...words(form.surface)].join('_');
        const r = await classifier.classify(header);
        expect(r.category, header).toBe(form.category);
      }),
      { numRuns: RUNS },
    );
  });

  it('written in the kana or romaji of a kanji spelling (ｷﾎﾝｷｭｳ, kihonkyuu for 基本給)', async () => {
    const readings = readReadings(builtinDictionaryDir());
    const forms = (await knownForms(['ja'])).filter((f) => /^[\p{Script=Han}\u30A1-\u30FA\u30FC]*\p{Script=Han}[\p{Script=Han}\u30A1-\u30FA\u30FC]*$/u.test(f.surface) && (readings.get(f.surface) ?? '').length >= 4);
    expect(forms.length).toBeGreaterThan(100);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), async (form) => {
        const reading = readings.get(form.surface)!;
        // Generated romaji shorter than five letters is not indexed (it collides with English).
        const romaji = romajiVariants(reading).filter((r) => r.length >= 5);
        for (const variant of [toHalfKana(reading), ...romaji]) {
          expect((await classifier.classify(variant)).category, `${form.surface} → ${variant}`).toBe(form.category);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('in Hepburn and Kunrei romaji generated from readings', async () => {
    const pairs: [string, string, string][] = [
      ['shimei', 'simei', 'personal'],
      ['jusho', 'zyusyo', 'personal'],
      ['seinengappi', 'seinen_gappi', 'personal'],
      ['kojin_bango', 'kozin_bango', 'my_number'],
      ['kojinBangou', 'KOZIN_BANGOU', 'my_number'],
      ['denwa_bango', 'denwabangou', 'personal'],
      ['yubin_bango', 'yuubinbangou', 'personal'],
      ['hojin_bango', 'houzin_bangou', 'none'],
    ];
    for (const [a, b, category] of pairs) {
      expect((await classifier.classify(a)).category, a).toBe(category);
      expect((await classifier.classify(b)).category, b).toBe(category);
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { HeaderClassifier } from '../../../src/classify/classifier.js';
import { parseComposite } from '../../../src/classify/composite.js';
import { buildDictionary } from '../../../src/dictionary/index.js';
import { MorphTokenizer } from '../../../src/tokenize/tokenizer.js';

let classifier: HeaderClassifier;
let morph: MorphTokenizer;
beforeAll(() => {
  morph = new MorphTokenizer();
  classifier = new HeaderClassifier(buildDictionary(), morph);
});
const cls = async (h: string) => {
  const r = await classifier.classify(h);
  return `${r.category}/${r.subcategory ?? '-'}`;
};

describe('My Number', () => {
  it('finds every spelling of the number and not the corporate number', async () => {
    for (const h of ['マイナンバー', 'kojin_bango', '個人番号（講師）', 'ﾏｲﾅﾝﾊﾞｰ', 'MyNumber', 'KOZIN_BANGO', '従業員個人番号', '扶養親族個人番号']) {
      expect(await cls(h), h).toBe('my_number/individual_number');
    }
    expect(await cls('法人番号')).toBe('none/corporate');
  });

  it('treats things about the number as other data', async () => {
    expect((await classifier.classify('個人番号カード交付日')).category).toBe('personal');
    expect(await cls('個人番号利用有無')).toMatch(/^none\//);
    expect(await cls('マイナンバー照会可能表示')).toMatch(/^none\//);
    expect(await cls('番号')).toBe('unknown/-');
  });
});

describe('head-final compounds', () => {
  it('reads the last word as what the field is and the words before as whose', async () => {
    expect(await cls('納税者郵便番号')).toBe('personal/postal_code');
    expect(await cls('金融機関コード')).toBe('none/code');
    expect(await cls('預金者名')).toBe('personal/name');
    expect(await cls('税目名')).toMatch(/^none\//);
    expect(await cls('引落年月日')).toBe('none/date');
    expect(await cls('入社年月日')).toBe('personal/employment');
    expect(await cls('入院日')).toBe('sensitive/medical');
  });

  it('lets an organisation owner cancel a personal head', async () => {
    expect(await cls('会社電話番号')).toBe('none/corporate');
    expect(await cls('店舗住所')).toBe('none/corporate');
    expect(await cls('company_phone')).toBe('none/corporate');
    expect(await cls('電話番号')).toBe('personal/contact');
  });

  it('makes a neutral head personal when a role word owns it', async () => {
    expect(await cls('被保険者番号')).toBe('personal/gov_id');
    expect(await cls('employee_num')).toBe('personal/employee_id');
    expect(await cls('user_id')).toBe('personal/online_id');
    expect(await cls('company_id')).toMatch(/^none\//);
  });

  it('keeps the meaning of a flag or date that a role word merely owns', async () => {
    expect(await cls('申出人区分')).toBe('none/flag');
    expect(await cls('crew_created')).toBe('none/date');
    // an attribute before the role word still decides (高齢 is an age), and so does a family role
    expect(await cls('高齢負担者区分')).toBe('personal/age');
    expect(await cls('tax_dependent_acquisition_date')).toBe('personal/family');
  });

  it('reads a person named by a sensitive attribute as that attribute', async () => {
    expect(await cls('disabled_persons')).toBe('sensitive/disability');
    expect(await cls('persons')).toBe('personal/name');
  });

  it('reads English plurals as their singular, but a listed spelling first', async () => {
    expect(await cls('Account Holders Name')).toBe(await cls('Account Holder Name'));
    expect(await cls('addresses')).toBe('personal/address');
    expect(await cls('employees')).toBe('personal/name');
    expect(await cls('total_early_leaving_mins')).toBe(await cls('total_early_leaving_minutes'));
  });

  it('reads a legacy romaji word as an unknown prefix and the romaji words that end it', async () => {
    expect(await cls('zzzbyoumei')).toBe('sensitive/medical'); // 病名 after a prefix it does not know
    expect(await cls('taisyounmkn')).toBe('personal/name'); // a one-letter stem is taken back: taisyou + nm + kn
    expect(await cls('zjusho')).toBe('unknown/-'); // one stray letter before a short word is not a stem
    expect(await cls('P02-P028-TMYNUMBER')).toBe('my_number/individual_number'); // but a one-letter prefix before a long word is
  });

  it('passes over a short abbreviation inside a legacy romaji word that starts with a known word', async () => {
    expect(await cls('syoubyouhsymd')).toBe('sensitive/medical'); // 傷病 + hs (発生) + 年月日
    expect(await cls('syoubyouymd')).toBe(await cls('syoubyouhsymd'));
    // Not with an unknown beginning as well: two unknown parts are as likely a chance reading.
    expect(await cls('misyuuhasseiym')).not.toMatch(/^sensitive/);
    // Nor after a short match, nor over a long gap.
    expect(await cls('kojinxyzwzip')).toBe('unknown/-');
  });

  it('reads one trailing letter as a variant of the field, not as its head', async () => {
    expect(await cls('City_F')).toBe(await cls('city'));
    expect(await cls('Post_U')).toBe('personal/postal_code');
    expect(await cls('SHIMEI_K')).toBe('personal/name');
    expect(await cls('q')).toBe('unknown/-'); // a letter alone is still unknown
  });

  it('reads a finding as a checkup finding unless a word before it says whose', async () => {
    expect(await cls('所見')).toBe('sensitive/health_checkup');
    expect(await cls('心電図所見')).toBe('sensitive/health_checkup');
    expect(await cls('特別活動所見')).toBe('personal/education'); // a teacher's finding on a pupil
    expect(await cls('眼科所見')).toBe('sensitive/health_checkup'); // an unknown word before it: still sensitive
  });

  it('reads a leading "round" as a setting about the amount, not the amount', async () => {
    expect(await cls('round_overtime')).toBe('none/flag');
    expect(await cls('round_social_ins')).toBe('none/flag');
    expect(await cls('social_ins_total')).toBe('personal/financial_profile');
  });

  it('reads a flag, date, note or data field after a sensitive word anywhere before it as sensitive', async () => {
    expect(await cls('高度障害Ｓ支払年月日')).toBe('sensitive/disability'); // 支払 stands between
    expect(await cls('両眼失明コメント')).toBe('sensitive/disability');
    expect(await cls('condition_status_source_value')).toBe('sensitive/medical');
    expect(await cls('備考')).toBe('none/other');
    expect(await cls('受診者番号')).toBe('personal/customer_id'); // an id of the person, not the visit
  });

  it('reads a statement about a subject as a yes/no flag, and a leading verb over its object', async () => {
    expect(await cls('crew_is_for_tax_deduction')).toBe('none/flag');
    expect(await cls('DependentsIsForCat3Ins')).toBe('none/flag');
    expect(await cls('is_married')).toBe('none/flag');
    expect(await cls('user_has_disability')).toBe('sensitive/disability'); // a yes/no about sensitive data stays sensitive
    expect(await cls('is_xyz')).toBe('unknown/-'); // a leading verb before an unknown word says too little
  });

  it('reads words written in (half-width) kana by the readings of their kanji spellings', async () => {
    expect(await cls('ｷﾎﾝｷｭｳ')).toBe(await cls('基本給'));
    expect(await cls('ｿｳｺｰﾄﾞ')).toBe('none/code'); // ソウ + コード: the unknown letters go before the head
  });

  it('ignores numbering and filler', async () => {
    expect(await cls('住所1')).toBe('personal/address');
    expect(await cls('住所２')).toBe('personal/address');
    expect(await cls('tel2')).toBe('personal/contact');
  });

  it('leaves headers it cannot explain unknown', async () => {
    expect(await cls('xyzzy')).toBe('unknown/-');
    expect(await cls('col7')).toBe('unknown/-');
  });

  it('does not read a word inside a longer unknown word', async () => {
    expect(await cls('percentage')).toMatch(/^none\//);
    expect(await cls('iphone_model')).not.toMatch(/^personal/); // not "phone"
    expect(await cls('iphone')).toBe('unknown/-');
    expect(await cls('recomended_dosage')).not.toBe('personal/age');
  });
});

describe('composite fields', () => {
  it('classifies the parts of a parenthesised list, the whole taking the strongest part', async () => {
    const r = await classifier.classify('顧客番号（区市コード、税目コード、被保険者番号、相当年度、年度、期別）');
    expect(r.parts?.map((p) => `${p.header}:${p.category}`)).toEqual([
      '区市コード:none',
      '税目コード:none',
      '被保険者番号:personal',
      '相当年度:none',
      '年度:none',
      '期別:none',
    ]);
    expect(r.category).toBe('personal');
    const health = await classifier.classify('健診結果（身長、体重、胸囲、聴力、視力など）');
    expect(health.category).toBe('sensitive');
    expect(health.subcategory).toBe('health_checkup');
  });

  it('reads a single bracketed word as a qualifier before the base', async () => {
    expect(await cls('氏名（カナ）')).toBe('personal/name');
    expect(await cls('生年月日(西暦)')).toBe('personal/birth_date');
    const p = parseComposite('姓(ヨミガナ)');
    expect(p).toEqual({ base: '姓', qualifiers: ['ヨミガナ'], parts: [] });
  });

  it('lets a stronger part win over the base', async () => {
    const r = await classifier.classify('備考（個人番号、氏名）');
    expect(r.category).toBe('my_number');
    expect(r.reasons[0].rule).toBe('composite');
  });
});

describe('caching and kuromoji', () => {
  it('classifies an identical header once', async () => {
    // The same result object both times: a second classification would build a new one.
    const a = await classifier.classify('生年月日');
    const b = await classifier.classify('生年月日');
    expect(a).toBe(b);
  });

  it('does not load kuromoji when the dictionaries segment the header', async () => {
    const fresh = new MorphTokenizer();
    const c = new HeaderClassifier(buildDictionary(), fresh);
    await c.classifyMany(['氏名', '口座番号', 'first_name', '健診結果（身長、体重）']);
    expect(fresh.loaded).toBe(false);
  });

  it('asks kuromoji about Japanese residue that could be the head', async () => {
    const r = await classifier.classify('日常生活で知っておいてほしいこと');
    expect(r.category).toBe('unknown');
    expect(morph.loaded).toBe(true);
  });
});

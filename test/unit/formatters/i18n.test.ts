import { describe, expect, it } from 'vitest';
import {
  CATEGORY_LABELS,
  HANDLING_NOTES,
  SUBCATEGORY_LABELS,
  UI,
  categoryLabel,
  fileLabel,
  reasonText,
  resolveLang,
  subcategoryLabel,
} from '../../../src/i18n/index.js';
import { CATEGORIES } from '../../../src/types.js';

// Every subcategory of ../shared/taxonomy.md
const TAXONOMY_SUBCATEGORIES = [
  'individual_number',
  ...['race', 'creed', 'social_status', 'medical', 'health_checkup', 'disability', 'criminal', 'union'],
  ...['family_origin', 'domicile', 'sex_life', 'biometric', 'genetic'],
  ...['name', 'address', 'postal_code', 'birth_date', 'age', 'gender', 'contact', 'gov_id', 'resident_id'],
  ...['customer_id', 'employee_id', 'student_id', 'member_id', 'financial_account', 'financial_profile'],
  ...['employment', 'education', 'family', 'online_id', 'credential', 'location', 'image', 'communication'],
  'nationality',
  ...['code', 'period', 'date', 'amount', 'flag', 'corporate', 'record_meta'],
];

describe('labels', () => {
  it('uses the taxonomy category labels', () => {
    expect(CATEGORY_LABELS.ja).toEqual({
      my_number: '個人番号（特定個人情報）',
      sensitive: '要配慮個人情報・機微情報',
      personal: '個人情報',
      none: '非個人情報',
      unknown: '未分類',
    });
    for (const c of CATEGORIES) {
      expect(categoryLabel(c, 'en')).not.toBe('');
      expect(HANDLING_NOTES.ja[c]).not.toBe('');
      expect(HANDLING_NOTES.en[c]).not.toBe('');
    }
  });
  it('labels every taxonomy subcategory in both languages, falling back to the id', () => {
    for (const id of TAXONOMY_SUBCATEGORIES) {
      expect(SUBCATEGORY_LABELS[id], id).toBeDefined();
      expect(subcategoryLabel(id, 'ja')).not.toBe('');
    }
    expect(subcategoryLabel('medical', 'ja')).toBe('病歴・医療');
    expect(subcategoryLabel('blood_type', 'ja')).toBe('blood_type');
    expect(subcategoryLabel('constructor', 'en')).toBe('constructor');
    expect(subcategoryLabel(null, 'en')).toBe('');
  });
  it('names files by their strongest category', () => {
    expect(fileLabel({ category: 'my_number' }, 'ja')).toBe('特定個人情報ファイル');
    expect(fileLabel({ category: 'sensitive' }, 'ja')).toBe('要配慮個人情報を含むファイル');
    expect(fileLabel({ category: 'personal' }, 'ja')).toBe('個人情報を含むファイル');
    expect(fileLabel({ category: 'unknown', error: 'x' }, 'ja')).toBe('読み取れないファイル');
    expect(fileLabel({ category: 'my_number' }, 'en')).toContain('特定個人情報ファイル');
  });
  it('defines every UI string in both languages', () => {
    expect(Object.keys(UI.ja).sort()).toEqual(Object.keys(UI.en).sort());
    for (const v of Object.values(UI.ja)) expect(v).not.toBe('');
  });
});

describe('resolveLang', () => {
  it('prefers an explicit choice', () => {
    expect(resolveLang('ja', { LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(resolveLang('en', { LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(resolveLang('ja_JP', {})).toBe('ja');
  });
  it('reads LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(resolveLang(undefined, { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(resolveLang(undefined, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LC_ALL: '', LC_MESSAGES: 'ja_JP.eucJP', LANG: 'C' })).toBe('ja');
    expect(resolveLang(undefined, { LANG: 'ja' })).toBe('ja');
    expect(resolveLang(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, {})).toBe('en');
  });
});

describe('reasonText', () => {
  it('renders rules in Japanese from the tokens', () => {
    expect(reasonText({ rule: 'dictionary', text: 'x', tokens: ['個人番号'], entry: 'my_number.individual_number' }, 'ja')).toBe(
      '辞書の語「個人番号」（my_number.individual_number）に一致',
    );
    expect(reasonText({ rule: 'dictionary', text: 'x', tokens: ['氏名'] }, 'ja')).toBe('辞書の語「氏名」に一致');
    expect(reasonText({ rule: 'org_owner', text: 'x', tokens: ['店舗', '電話番号'] }, 'ja')).toBe(
      '「店舗」は組織を示すので「電話番号」は個人のものではない',
    );
    expect(reasonText({ rule: 'owner', text: 'x', tokens: ['納税者', '郵便番号'] }, 'ja')).toContain('「納税者」が持ち主を個人と示す');
  });
  it('keeps the English text when no template fits', () => {
    expect(reasonText({ rule: 'dictionary', text: 'English', tokens: ['a'] }, 'en')).toBe('English');
    expect(reasonText({ rule: 'made_up', text: 'English' }, 'ja')).toBe('English');
    expect(reasonText({ rule: 'org_owner', text: 'English', tokens: ['only one'] }, 'ja')).toBe('English');
  });
});

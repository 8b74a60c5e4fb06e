// Labels and UI strings in Japanese and English, following ../shared/taxonomy.md.
// Everything here is a plain table or a pure function; formatters pick by `lang`.

import type { Category, FileReport, Reason } from '../types.js';

export type Lang = 'ja' | 'en';

export const CATEGORY_LABELS: Readonly<Record<Lang, Readonly<Record<Category, string>>>> = {
  ja: {
    my_number: '個人番号（特定個人情報）',
    sensitive: '要配慮個人情報・機微情報',
    personal: '個人情報',
    none: '非個人情報',
    unknown: '未分類',
  },
  en: {
    my_number: 'My Number (specific personal information)',
    sensitive: 'Sensitive (special care-required) information',
    personal: 'Personal information',
    none: 'Non-personal information',
    unknown: 'Unclassified',
  },
};

/** Short labels for narrow columns (terminal table, chart legends). */
export const CATEGORY_SHORT_LABELS: Readonly<Record<Lang, Readonly<Record<Category, string>>>> = {
  ja: {
    my_number: '個人番号',
    sensitive: '要配慮',
    personal: '個人情報',
    none: '非個人',
    unknown: '未分類',
  },
  en: {
    my_number: 'My Number',
    sensitive: 'sensitive',
    personal: 'personal',
    none: 'none',
    unknown: 'unknown',
  },
};

/** Subcategory labels, keyed by subcategory id (ids are unique across categories). */
export const SUBCATEGORY_LABELS: Readonly<Record<string, { ja: string; en: string }>> = {
  // my_number
  individual_number: { ja: '個人番号', en: 'Individual Number' },
  // sensitive
  race: { ja: '人種・民族', en: 'race or ethnicity' },
  creed: { ja: '信条', en: 'creed or political opinion' },
  social_status: { ja: '社会的身分', en: 'social status' },
  medical: { ja: '病歴・医療', en: 'medical history and care' },
  health_checkup: { ja: '健康診断等の結果', en: 'health checkup results' },
  disability: { ja: '障害', en: 'disability' },
  criminal: { ja: '犯罪の経歴・刑事手続', en: 'criminal record and proceedings' },
  union: { ja: '労働組合への加盟', en: 'trade union membership' },
  family_origin: { ja: '門地', en: 'family origin' },
  domicile: { ja: '本籍', en: 'registered domicile (honseki)' },
  sex_life: { ja: '性生活・性的指向', en: 'sex life or sexual orientation' },
  biometric: { ja: '生体情報', en: 'biometric data' },
  genetic: { ja: '遺伝情報', en: 'genetic data' },
  // personal
  name: { ja: '氏名', en: 'name' },
  address: { ja: '住所', en: 'address' },
  postal_code: { ja: '郵便番号', en: 'postal code' },
  birth_date: { ja: '生年月日', en: 'date of birth' },
  age: { ja: '年齢', en: 'age' },
  gender: { ja: '性別', en: 'gender' },
  contact: { ja: '連絡先', en: 'contact details' },
  gov_id: { ja: '個人識別符号', en: 'government identification code' },
  resident_id: { ja: '宛名番号等', en: 'resident ID' },
  customer_id: { ja: '顧客番号', en: 'customer ID' },
  employee_id: { ja: '従業員番号', en: 'employee ID' },
  student_id: { ja: '学籍番号', en: 'student ID' },
  member_id: { ja: '会員番号', en: 'member ID' },
  financial_account: { ja: '口座・カード番号', en: 'financial account' },
  financial_profile: { ja: '収入・資産', en: 'financial profile' },
  employment: { ja: '勤務先・職業', en: 'employment' },
  education: { ja: '学籍・成績', en: 'education records' },
  family: { ja: '家族関係', en: 'family relationship' },
  online_id: { ja: 'オンライン識別子', en: 'online identifier' },
  credential: { ja: '認証情報', en: 'credential' },
  location: { ja: '位置情報', en: 'location' },
  image: { ja: '顔写真・署名', en: 'photo or signature' },
  communication: { ja: '通信の内容・記録', en: 'communication records' },
  nationality: { ja: '国籍', en: 'nationality' },
  // none
  code: { ja: 'コード', en: 'code' },
  period: { ja: '年度・期間', en: 'period' },
  date: { ja: '処理日等', en: 'date' },
  amount: { ja: '金額', en: 'amount' },
  flag: { ja: 'フラグ・区分', en: 'flag' },
  corporate: { ja: '法人情報', en: 'corporate data' },
  record_meta: { ja: 'レコード管理項目', en: 'record metadata' },
};

export function categoryLabel(category: Category, lang: Lang): string {
  return CATEGORY_LABELS[lang][category] ?? category;
}

export function categoryShortLabel(category: Category, lang: Lang): string {
  return CATEGORY_SHORT_LABELS[lang][category] ?? category;
}

/** The label of a subcategory; an unknown id falls back to the id itself, null to ''. */
export function subcategoryLabel(subcategory: string | null | undefined, lang: Lang): string {
  if (!subcategory) return '';
  const own = Object.prototype.hasOwnProperty.call(SUBCATEGORY_LABELS, subcategory)
    ? SUBCATEGORY_LABELS[subcategory]
    : undefined;
  return own ? own[lang] : subcategory;
}

/** Handling notes per category (taxonomy.md "Handling notes"); none/unknown have a short note too. */
export const HANDLING_NOTES: Readonly<Record<Lang, Readonly<Record<Category, string>>>> = {
  ja: {
    my_number:
      '個人番号の利用は番号法により社会保障・税・災害対策の事務に限られます。特定個人情報ファイルには利用目的の明示と取扱者の限定が必要です。ポリシーで宣言されていない個人番号の項目があると CI ゲートは失敗します。',
    sensitive:
      '取得には本人の同意が必要です。金融分野では、ガイドラインが定める場合を除き、取得・利用・第三者提供が禁止されています。',
    personal:
      '利用目的の特定と通知・公表、安全管理措置（組織的・人的・物理的・技術的安全管理措置、外国において取り扱う場合の外的環境の把握）が必要です。',
    none: '個人に関する情報ではないと判断した項目です。ほかの項目と結びつくと個人情報になり得ます。',
    unknown: '名前からも値からも内容を判断できなかった項目です。内容を確認し、必要ならポリシーで宣言してください。',
  },
  en: {
    my_number:
      'Use of the Individual Number is limited by law to social security, tax and disaster-response work; a file holding it needs a declared purpose of use and a limited set of handlers. A CI gate fails on any My Number field that no policy entry declares.',
    sensitive:
      "Acquisition needs the person's consent; in the financial sector, acquisition, use and third-party provision are prohibited except for the cases the guideline lists.",
    personal:
      'Specify and notify the purpose of use; apply safe management measures (organisational, human, physical and technical, and understand the foreign environment where data is handled abroad).',
    none: 'Judged to be about no person. Combined with other fields it may still become personal information.',
    unknown: 'Neither the name nor the values say what this field holds. Check it and declare it in the policy if needed.',
  },
};

export function handlingNote(category: Category, lang: Lang): string {
  return HANDLING_NOTES[lang][category] ?? '';
}

/** What a file is called given its strongest category. A file with my_number is 特定個人情報ファイル. */
export const FILE_LABELS: Readonly<Record<Lang, Readonly<Record<Category, string>>>> = {
  ja: {
    my_number: '特定個人情報ファイル',
    sensitive: '要配慮個人情報を含むファイル',
    personal: '個人情報を含むファイル',
    none: '個人情報を含まないファイル',
    unknown: '未分類の項目を含むファイル',
  },
  en: {
    my_number: 'Specific personal information file (特定個人情報ファイル)',
    sensitive: 'File with sensitive personal information',
    personal: 'File with personal information',
    none: 'File without personal information',
    unknown: 'File with unclassified fields',
  },
};

export const FILE_ERROR_LABEL: Readonly<Record<Lang, string>> = {
  ja: '読み取れないファイル',
  en: 'Unreadable file',
};

export function fileLabel(file: Pick<FileReport, 'category' | 'error'>, lang: Lang): string {
  if (file.error !== undefined) return FILE_ERROR_LABEL[lang];
  return FILE_LABELS[lang][file.category] ?? file.category;
}

/** UI strings. Keys are stable; both languages define every key. */
const UI_EN = {
  title: 'kojin personal information report',
  summary: 'Summary',
  files: 'Files',
  file: 'File',
  fileDetails: 'Files',
  filesWithErrors: 'Unreadable files',
  fields: 'Fields',
  field: 'Field',
  fieldList: 'All fields',
  table: 'Table',
  sheetOrTable: 'Sheet/table',
  format: 'Format',
  encoding: 'Encoding',
  fileLabel: 'Kind',
  category: 'Category',
  categoryLabel: 'Category label',
  subcategory: 'Subcategory',
  confidence: 'Confidence',
  conf: 'Conf',
  reason: 'Reason',
  reasons: 'Reasons',
  count: 'Count',
  byCategory: 'Fields by category',
  bySubcategory: 'Fields by subcategory',
  perFile: 'Fields by file',
  specificFiles: 'Specific personal information files (特定個人情報ファイル)',
  failures: 'Failures',
  noFailures: 'No failures.',
  failuresHowTo:
    'Declare each field with its purpose of use in the policy file (declarations: path, field, category, purpose, owner), or remove the data.',
  warnings: 'Warnings',
  warning: 'warning',
  error: 'error',
  declared: 'declared',
  declaredPurpose: 'Declared purpose',
  owner: 'Owner',
  headerHid: 'the header hid what the values hold',
  handlingNotes: 'Handling notes',
  noFields: '(no fields)',
  none: '(none)',
  filter: 'Filter',
  allCategories: 'All categories',
  rowsShown: 'rows shown',
  generatedBy: 'Generated by kojin',
  reportVersion: 'Report version',
  part: 'part',
  parts: 'Parts',
  total: 'Total',
  results: 'Results',
  header: 'Header',
} as const;

export type UiKey = keyof typeof UI_EN;

const UI_JA: Readonly<Record<UiKey, string>> = {
  title: 'kojin 個人情報棚卸しレポート',
  summary: '集計',
  files: 'ファイル数',
  file: 'ファイル',
  fileDetails: 'ファイル別の結果',
  filesWithErrors: '読み取れないファイル',
  fields: '項目数',
  field: '項目',
  fieldList: '項目一覧',
  table: 'テーブル',
  sheetOrTable: 'シート/テーブル',
  format: '形式',
  encoding: '文字コード',
  fileLabel: '種別',
  category: '区分',
  categoryLabel: '区分名',
  subcategory: '小区分',
  confidence: '確信度',
  conf: '確信度',
  reason: '根拠',
  reasons: '根拠',
  count: '件数',
  byCategory: '区分別の項目数',
  bySubcategory: '小区分別の項目数',
  perFile: 'ファイル別の項目数',
  specificFiles: '特定個人情報ファイル',
  failures: '要対応の項目',
  noFailures: '要対応の項目はありません。',
  failuresHowTo:
    'ポリシーファイルの declarations に各項目の利用目的を宣言する（path, field, category, purpose, owner）か、データを削除してください。',
  warnings: '警告',
  warning: '警告',
  error: 'エラー',
  declared: '宣言済み',
  declaredPurpose: '利用目的（宣言）',
  owner: '責任者',
  headerHid: '項目名からは値の内容が分からない',
  handlingNotes: '取扱い上の注意',
  noFields: '（項目なし）',
  none: '（なし）',
  filter: '絞り込み',
  allCategories: 'すべての区分',
  rowsShown: '行を表示',
  generatedBy: 'kojin で作成',
  reportVersion: 'レポート版',
  part: '構成要素',
  parts: '構成要素',
  total: '合計',
  results: '結果',
  header: '項目名',
};

export const UI: Readonly<Record<Lang, Readonly<Record<UiKey, string>>>> = { en: UI_EN, ja: UI_JA };

export function t(key: UiKey, lang: Lang): string {
  return UI[lang][key];
}

/**
 * The language of the output: an explicit choice wins; otherwise LC_ALL, then LC_MESSAGES, then
 * LANG (the first one set and non-empty decides): ja* → ja, anything else → en.
 */
export function resolveLang(explicit?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const pick = (value: string | undefined): Lang | undefined => {
    if (value === undefined || value === '') return undefined;
    return value.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  };
  const own = pick(explicit?.trim());
  if (own) return own;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const found = pick(env[name]);
    if (found) return found;
  }
  return 'en';
}

/**
 * Japanese renderings of reasons by rule. Placeholders: `{0}`, `{1}` … the header tokens in order,
 * `{tokens}` all of them joined with 「・」, `{entry}` the dictionary entry id, `{text}` the English
 * text; a part in ⟨…⟩ is left out when a placeholder in it has no value. A rule with no template,
 * or a reason lacking a value that a required placeholder needs, keeps its English text.
 */
export const REASON_TEMPLATES_JA: Readonly<Record<string, string>> = {
  dictionary: '辞書の語「{0}」⟨（{entry}）⟩に一致',
  head: '主要部「{0}」⟨（{entry}）⟩が項目の種類を示す',
  org_owner: '「{0}」は組織を示すので「{1}」は個人のものではない',
  inherit: '主要部「{1}」は中立で、前の「{0}」から区分を引き継ぐ⟨（{entry}）⟩',
  owner: '「{1}」は辞書にないが、「{0}」が持ち主を個人と示す',
  unknown_head: '主要部「{1}」は辞書にない。前の「{0}」は {entry}',
  composite: '複合項目：最も強い構成要素「{0}」の区分をとる',
  value: '値の形：{text}',
  declared: 'ポリシーで宣言済み',
  baseline: 'ベースラインに登録済み',
  unknown: '分類の手がかりなし（{text}）',
  predicate: '「{0}」で始まる項目は有無を表すフラグで、データそのものではない',
  headerless: 'ヘッダー行がないため、値だけで判断する',
  context: 'ファイルの他の項目（{tokens}）から、その種のファイルでの意味で読む',
};

function fill(template: string, reason: Reason): string | undefined {
  const withOptional = template.replace(/⟨([^⟩]*)⟩/g, (_m, inner: string) => fillRequired(inner, reason) ?? '');
  return fillRequired(withOptional, reason);
}

function fillRequired(template: string, reason: Reason): string | undefined {
  const tokens = reason.tokens ?? [];
  let missing = false;
  const out = template.replace(/\{(\d+|tokens|entry|text)\}/g, (_m, key: string) => {
    if (key === 'text') return reason.text;
    if (key === 'entry') {
      if (reason.entry === undefined) missing = true;
      return reason.entry ?? '';
    }
    if (key === 'tokens') {
      if (tokens.length === 0) missing = true;
      return tokens.join('・');
    }
    const token = tokens[Number(key)];
    if (token === undefined) missing = true;
    return token ?? '';
  });
  return missing ? undefined : out;
}

/** A reason in the output language: English is Reason.text; Japanese comes from the rule's template. */
export function reasonText(reason: Reason, lang: Lang): string {
  if (lang === 'en') return reason.text;
  const template = Object.prototype.hasOwnProperty.call(REASON_TEMPLATES_JA, reason.rule)
    ? REASON_TEMPLATES_JA[reason.rule]
    : undefined;
  return (template && fill(template, reason)) ?? reason.text;
}

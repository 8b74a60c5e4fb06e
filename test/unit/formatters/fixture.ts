// A hand-built ScanReport covering what the formatters must show: a my_number field, a sensitive
// one, a composite with parts, a value-evidence field whose header hid it, a declared field, an
// unreadable file, warnings, a multi-table workbook and a hostile header name.

import type { ClassifyResult, FieldReport, ScanReport } from '../../../src/types.js';

const myNumber: FieldReport = {
  name: '従業員個人番号',
  index: 0,
  category: 'my_number',
  subcategory: 'individual_number',
  confidence: 0.97,
  reasons: [
    { rule: 'dictionary', text: 'matches dictionary term 個人番号 (my_number.individual_number)', tokens: ['個人番号'], entry: 'my_number.individual_number', weight: 1 },
    { rule: 'owner', text: 'head "個人番号" is not in the dictionaries, but "従業員" marks the owner as a person', tokens: ['従業員', '個人番号'] },
  ],
  position: { line: 1, column: 1 },
};

const name: FieldReport = {
  name: '氏名',
  index: 1,
  category: 'personal',
  subcategory: 'name',
  confidence: 0.95,
  reasons: [{ rule: 'dictionary', text: 'matches dictionary term 氏名 (personal.name)', tokens: ['氏名'], entry: 'personal.name' }],
  position: { line: 1, column: 9 },
};

const sensitive: FieldReport = {
  name: '病歴',
  index: 2,
  category: 'sensitive',
  subcategory: 'medical',
  confidence: 0.9,
  reasons: [{ rule: 'dictionary', text: 'matches dictionary term 病歴 (sensitive.medical)', tokens: ['病歴'], entry: 'sensitive.medical' }],
  position: { line: 1, column: 12 },
};

const hidden: FieldReport = {
  name: 'col7',
  index: 3,
  category: 'my_number',
  subcategory: 'individual_number',
  confidence: 0.92,
  headerHid: true,
  reasons: [
    { rule: 'value', text: '12 digits, check digit valid in 100% of 40 sampled values' },
    { rule: 'unknown', text: 'no dictionary term in "col7"' },
  ],
  values: {
    sampled: 40,
    nonEmpty: 40,
    distinct: 40,
    best: {
      detector: 'my_number',
      category: 'my_number',
      subcategory: 'individual_number',
      matched: 40,
      matchedDistinct: 40,
      rate: 1,
      shape: '12 digits, check digit valid',
      decisive: true,
    },
    findings: [
      {
        detector: 'my_number',
        category: 'my_number',
        subcategory: 'individual_number',
        matched: 40,
        matchedDistinct: 40,
        rate: 1,
        shape: '12 digits, check digit valid',
        decisive: true,
      },
    ],
  },
  position: { line: 1, column: 15 },
};

const declaredAmount: FieldReport = {
  name: '引落金額',
  index: 4,
  category: 'none',
  subcategory: 'amount',
  confidence: 0.8,
  reasons: [{ rule: 'dictionary', text: 'matches dictionary term 金額 (none.amount)', tokens: ['金額'], entry: 'none.amount' }],
};

const unknownField: FieldReport = {
  name: 'memo_x',
  index: 5,
  category: 'unknown',
  subcategory: null,
  confidence: 0,
  reasons: [],
};

const composite: FieldReport = {
  name: '顧客番号（区市コード、税目コード、被保険者番号、相当年度、年度、期別）',
  index: 0,
  category: 'personal',
  subcategory: 'gov_id',
  confidence: 0.85,
  reasons: [{ rule: 'composite', text: 'composite field: its strongest part "被保険者番号" is personal/gov_id', tokens: ['被保険者番号'] }],
  parts: [
    { name: '区市コード', index: 0, category: 'none', subcategory: 'code', confidence: 0.9, reasons: [{ rule: 'dictionary', text: 'matches dictionary term 区市コード (none.code)', tokens: ['区市コード'], entry: 'none.code' }] },
    { name: '税目コード', index: 1, category: 'none', subcategory: 'code', confidence: 0.9, reasons: [{ rule: 'dictionary', text: 'matches dictionary term 税目コード (none.code)', tokens: ['税目コード'], entry: 'none.code' }] },
    { name: '被保険者番号', index: 2, category: 'personal', subcategory: 'gov_id', confidence: 0.85, reasons: [{ rule: 'dictionary', text: 'matches dictionary term 被保険者番号 (personal.gov_id)', tokens: ['被保険者番号'], entry: 'personal.gov_id' }] },
    { name: '相当年度', index: 3, category: 'none', subcategory: 'period', confidence: 0.9, reasons: [{ rule: 'dictionary', text: 'matches dictionary term 年度 (none.period)', tokens: ['年度'], entry: 'none.period' }] },
    { name: '年度', index: 4, category: 'none', subcategory: 'period', confidence: 0.9, reasons: [{ rule: 'dictionary', text: 'matches dictionary term 年度 (none.period)', tokens: ['年度'], entry: 'none.period' }] },
    { name: '期別', index: 5, category: 'none', subcategory: 'period', confidence: 0.9, reasons: [{ rule: 'dictionary', text: 'matches dictionary term 期別 (none.period)', tokens: ['期別'], entry: 'none.period' }] },
  ],
};

const declaredMyNumber: FieldReport = {
  name: 'kojin_bango',
  index: 1,
  category: 'my_number',
  subcategory: 'individual_number',
  confidence: 0.95,
  reasons: [{ rule: 'dictionary', text: 'matches dictionary alias kojin bango (my_number.individual_number)', tokens: ['kojin', 'bango'], entry: 'my_number.individual_number' }],
  declared: {
    path: 'data/口座振替.xlsx',
    field: 'kojin_bango',
    category: 'my_number',
    purpose: '源泉徴収票の作成（税務）',
    owner: '経理部',
  },
};

const hostile: FieldReport = {
  name: '<script>alert("x")</script> | メール',
  index: 0,
  category: 'personal',
  subcategory: 'contact',
  confidence: 0.6,
  reasons: [{ rule: 'head', text: 'the head noun メール says what the field is', tokens: ['メール'] }],
};

const org: FieldReport = {
  name: 'company_address',
  index: 1,
  category: 'none',
  subcategory: 'corporate',
  confidence: 0.7,
  reasons: [{ rule: 'org_owner', text: 'head "address" belongs to an organisation ("company"), not a person', tokens: ['company', 'address'], entry: 'none.org' }],
};

export const REPORT: ScanReport = {
  version: '1',
  files: [
    {
      path: 'data/employees.csv',
      format: 'csv',
      encoding: 'shift_jis',
      category: 'my_number',
      warnings: ['3 rows have more cells than the header; extra cells ignored'],
      tables: [{ kind: 'data', rowsSampled: 40, fields: [myNumber, name, sensitive, hidden, declaredAmount, unknownField] }],
    },
    {
      path: 'data/口座振替.xlsx',
      format: 'xlsx',
      tables: [
        { name: '振替依頼', kind: 'data', rowsSampled: 12, fields: [composite, declaredMyNumber] },
        { name: 'Sheet2', kind: 'data', rowsSampled: 0, fields: [] },
      ],
      category: 'my_number',
      warnings: [],
    },
    {
      path: 'data/contacts.json',
      format: 'json',
      encoding: 'utf-8',
      category: 'personal',
      warnings: [],
      tables: [{ kind: 'data', rowsSampled: 5, fields: [hostile, org] }],
    },
    {
      path: 'data/broken.xlsx',
      format: 'xlsx',
      category: 'unknown',
      warnings: [],
      tables: [],
      error: 'not a zip file (the workbook is damaged or encrypted)',
    },
  ],
  summary: {
    files: 4,
    filesWithErrors: 1,
    fields: 10,
    byCategory: { my_number: 3, sensitive: 1, personal: 3, none: 2, unknown: 1 },
    bySubcategory: {
      'my_number/individual_number': 3,
      'sensitive/medical': 1,
      'personal/name': 1,
      'personal/gov_id': 1,
      'personal/contact': 1,
      'none/amount': 1,
      'none/corporate': 1,
    },
    specificPersonalInformationFiles: ['data/employees.csv', 'data/口座振替.xlsx'],
    failures: [
      { path: 'data/employees.csv', field: '従業員個人番号', category: 'my_number', subcategory: 'individual_number', fingerprint: 'a1b2c3d4e5f60718' },
      { path: 'data/employees.csv', field: 'col7', category: 'my_number', subcategory: 'individual_number', fingerprint: '0f1e2d3c4b5a6978' },
      { path: 'data/employees.csv', field: '病歴', category: 'sensitive', subcategory: 'medical', fingerprint: '99aa88bb77cc66dd' },
    ],
  },
};

export const CLASSIFY_RESULTS: ClassifyResult[] = [
  { header: '個人番号', category: 'my_number', subcategory: 'individual_number', confidence: 1, reasons: myNumber.reasons.slice(0, 1) },
  {
    header: composite.name,
    category: 'personal',
    subcategory: 'gov_id',
    confidence: 0.85,
    reasons: composite.reasons,
    parts: (composite.parts ?? []).map((p) => ({ header: p.name, category: p.category, subcategory: p.subcategory, confidence: p.confidence, reasons: p.reasons })),
  },
  { header: '法人番号', category: 'none', subcategory: 'corporate', confidence: 0.9, reasons: [] },
];

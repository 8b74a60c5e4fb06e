#!/usr/bin/env node
// Generates the value samples in this folder: deterministic (seeded PRNG), invented values only.
// Phone numbers and addresses are random; e-mail domains are example.*; IPs are documentation ranges
// (RFC 5737, RFC 3849); card numbers use test BINs (424242, 555555, 378282, 353011, 305693);
// My Numbers and corporate numbers are random with valid check digits (taxonomy.md).
// Usage: node samples/values/generate.mjs  (rewrites the CSV files next to this script)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROWS = 30;

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(20250601);
const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(r() * xs.length)];
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
const pad = (n, w) => String(n).padStart(w, '0');

function myNumberCheckDigit(first11) {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += +first11[11 - n] * (n <= 6 ? n + 1 : n - 5);
  const rem = sum % 11;
  return rem <= 1 ? 0 : 11 - rem;
}
function myNumber() {
  const f = digits(11);
  return f + myNumberCheckDigit(f);
}
function corporateNumber() {
  const rest = digits(12);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += +rest[12 - n] * (n % 2 === 1 ? 1 : 2);
  return String(9 - (sum % 9)) + rest;
}
function luhnComplete(prefix, len) {
  let body = prefix + digits(len - prefix.length - 1);
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = s.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
      let x = +s[i];
      if (dbl) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}
const fullWidth = (s) => s.replace(/[0-9A-Za-z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const grouped = (v, sep) => `${v.slice(0, 4)}${sep}${v.slice(4, 8)}${sep}${v.slice(8)}`;
const processingDate = () => `2025-${pad(int(4, 5), 2)}-${pad(int(1, 28), 2)}`;
const amount = () => String(int(1, 500) * 100);

const FAMILY = ['ヤマダ', 'サトウ', 'スズキ', 'タカハシ', 'タナカ', 'ワタナベ', 'イトウ', 'ナカムラ', 'コバヤシ', 'カトウ'];
const GIVEN = ['タロウ', 'ハナコ', 'イチロウ', 'サクラ', 'ケンジ', 'ユミ', 'ヒロシ', 'アキコ', 'ジロウ', 'マイ'];
const PLACES = [
  ['東京都', ['千代田区千代田', '港区芝公園', '新宿区西新宿']],
  ['大阪府', ['大阪市北区梅田', '堺市堺区南瓦町']],
  ['神奈川県', ['横浜市中区山下町', '川崎市川崎区駅前本町']],
  ['北海道', ['札幌市中央区北一条西']],
  ['福岡県', ['福岡市博多区博多駅前']],
];
const address = () => {
  const [pref, towns] = pick(PLACES);
  return `${pref}${pick(towns)}${int(1, 9)}-${int(1, 30)}-${int(1, 20)}`;
};
function phone() {
  const k = int(0, 4);
  if (k === 0) return `090-${digits(4)}-${digits(4)}`;
  if (k === 1) return `080${digits(8)}`;
  if (k === 2) return `03-${digits(4)}-${digits(4)}`;
  if (k === 3) return `06(${digits(4)})${digits(4)}`;
  return `+81 70 ${digits(4)} ${digits(4)}`;
}
function birthWestern() {
  return `${int(1940, 2005)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
}
function birthWareki() {
  const k = int(0, 3);
  if (k === 0) return `昭和${int(20, 63)}年${int(1, 12)}月${int(1, 28)}日`;
  if (k === 1) return `S${int(20, 63)}.${int(1, 12)}.${int(1, 28)}`;
  if (k === 2) return `H${int(1, 15)}/${int(1, 12)}/${int(1, 28)}`;
  return `平成${int(2, 15)}年${int(1, 12)}月${int(1, 28)}日`;
}
function card() {
  const [prefix, len] = pick([['424242', 16], ['555555', 16], ['378282', 15], ['353011', 16], ['305693', 14]]);
  const n = luhnComplete(prefix, len);
  return len === 16 && r() < 0.5 ? n.match(/.{4}/g).join(' ') : n;
}

function csv(name, header, rows) {
  const lines = header ? [header.join(','), ...rows.map((x) => x.join(','))] : rows.map((x) => x.join(','));
  writeFileSync(join(here, name), lines.join('\n') + '\n');
}
const rows = (f) => Array.from({ length: ROWS }, (_, i) => f(i));

// 1. My Numbers under misleading headers; in this file col7 is the ONLY My Number column.
csv('mynumber_col7.csv', ['col1', 'col2', 'col3', 'col4', 'col5', 'col6', 'col7', 'col8'], rows((i) => [
  String(i + 1), processingDate(), amount(), pad(int(1, 9999), 4), pad(int(1, 999), 3), String(int(0, 1)), myNumber(), pick(['', '済', '未処理']),
]));
csv('mynumber_kanri_bangou.csv', ['管理番号', '登録日', '区分', '金額'], rows(() => [
  grouped(myNumber(), '-'), processingDate(), pick(['A', 'B', 'C']), amount(),
]));
csv('mynumber_id.csv', ['ID', '状態', '更新日'], rows(() => [fullWidth(myNumber()), pick(['有効', '停止']), processingDate()]));
csv('mynumber_bikou.csv', ['件名', '備考', '日付'], rows((i) => [
  pick(['年末調整', '源泉徴収票', '扶養控除申告']), i % 6 === 5 ? '' : grouped(myNumber(), ' '), processingDate(),
]));

// 2. 12-digit order numbers: random, so about one in ten passes the check digit by chance.
let pass = 0;
const orders = rows(() => {
  const v = digits(12);
  if (myNumberCheckDigit(v.slice(0, 11)) === +v[11]) pass++;
  return [v, processingDate(), amount()];
});
csv('order_numbers.csv', ['注文番号', '注文日', '金額'], orders);

// 3. Corporate numbers (valid check digits) under a bare 番号.
const COMPANIES = ['サンプル商事株式会社', '見本工業株式会社', '例示物産合同会社', 'テスト運輸株式会社', '架空電機株式会社'];
csv('corporate_numbers.csv', ['番号', '会社名'], rows((i) => [corporateNumber(), `${COMPANIES[i % COMPANIES.length]}${i + 1}`]));

// 4. One column per personal value type, under neutral headers (values must speak), plus two
//    columns whose shapes need the header's hint (性別 1/2 codes, 口座番号 7 digits).
csv('personal_values.csv',
  ['field01', 'field02', 'field03', 'field04', 'field05', 'field06', 'field07', 'field08', 'field09', 'field10', 'field11', 'field12', '性別', '口座番号'],
  rows((i) => [
    phone(),
    `user${pad(i + 1, 3)}@${pick(['example.com', 'example.jp', 'example.org'])}`,
    r() < 0.5 ? `〒${pad(int(100, 999), 3)}-${pad(int(0, 9999), 4)}` : `${pad(int(100, 999), 3)}-${pad(int(0, 9999), 4)}`,
    address(),
    birthWestern(),
    birthWareki(),
    `${pick(FAMILY)} ${pick(GIVEN)}`,
    pick(['男性', '女性']),
    card(),
    `${pick(['192.0.2', '198.51.100', '203.0.113'])}.${int(1, 254)}`,
    `2001:db8:${int(0, 0xffff).toString(16)}::${int(1, 0xffff).toString(16)}`,
    `${pick(['TK', 'TR', 'TZ', 'MU'])}${digits(7)}`,
    String(int(1, 2)),
    digits(7),
  ]));

// 5. No header row; column 3 (1-based) holds My Numbers, the others a phone, an amount and a date.
csv('headerless.csv', null, rows(() => [phone(), amount(), myNumber(), processingDate()]));

console.log(`order_numbers.csv: ${pass} of ${ROWS} order numbers pass the My Number check digit by chance`);

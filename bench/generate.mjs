#!/usr/bin/env node
// Writes the benchmark corpus to bench/corpus/ (gitignored): seeded, so every run of the same scale
// writes the same bytes. BENCH_SCALE (default 1) shrinks the big cases: at 0.1 the 1 GiB CSV is
// 100 MiB and the xlsx has 20,000 rows; there are always 10,000 small files.
//   node bench/generate.mjs            # scale 1
//   BENCH_SCALE=0.1 node bench/generate.mjs
// All values are invented; My Numbers carry valid check digits but belong to nobody on purpose only
// by chance (they are random).
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS = join(here, 'corpus');
const MiB = 1024 * 1024;

export function scaleOf(env = process.env) {
  const s = env.BENCH_SCALE === undefined ? 1 : Number(env.BENCH_SCALE);
  if (!(s > 0 && s <= 1)) throw new Error(`BENCH_SCALE must be in (0, 1], got ${env.BENCH_SCALE}`);
  return s;
}

/**
 * A tenth of the large CSV's size, same shape: --all-rows memory is flat when ten times the data
 * needs little more (a 1 MiB file is too short for V8 to grow its young generation at all). Written
 * on its own when missing, so a corpus from before it is kept.
 */
async function writeTenth(p) {
  const path = join(CORPUS, 'tenth.csv');
  if (!existsSync(path)) await writeLines(path, Math.round(p.largeBytes / 10), LARGE_HEADERS, largeRow, 8);
}

export function plan(scale) {
  return {
    scale,
    // The target is stated for 10,000 small files, and at 1,000 the fixed cost of starting
    // a worker (about 0.3 s) hides what a second worker does; they are small, so every scale keeps them.
    smallFiles: 10_000,
    largeBytes: Math.round(1024 * MiB * scale),
    oneMiBBytes: MiB,
    xlsxRows: Math.max(1000, Math.round(200_000 * scale)),
    sjisBytes: Math.round(64 * MiB * scale),
    jsonlBytes: Math.round(128 * MiB * scale),
  };
}

// ---- seeded randomness (mulberry32) ----
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
const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, '0');
const digits = (r, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(r() * 10));
  return s;
};

/** A random 12-digit My Number with a valid check digit (P1 = 11th digit; Qn = n+1 for n≤6, n−5 after). */
export function myNumber(r) {
  const first = digits(r, 11);
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += (first.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
  const rem = sum % 11;
  return first + (rem <= 1 ? 0 : 11 - rem);
}

const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水'];
const SURNAME_KANA = ['サトウ', 'スズキ', 'タカハシ', 'タナカ', 'イトウ', 'ワタナベ', 'ヤマモト', 'ナカムラ', 'コバヤシ', 'カトウ', 'ヨシダ', 'ヤマダ', 'ササキ', 'ヤマグチ', 'マツモト', 'イノウエ', 'キムラ', 'ハヤシ', 'サイトウ', 'シミズ'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '陽菜', '翔', '結衣', '大輔', '彩', '拓也', '愛', '直樹', '真由美', '誠'];
const GIVEN_KANA = ['タロウ', 'ハナコ', 'イチロウ', 'ミサキ', 'ケンタ', 'ヒナ', 'ショウ', 'ユイ', 'ダイスケ', 'アヤ', 'タクヤ', 'アイ', 'ナオキ', 'マユミ', 'マコト'];
const PREFS = ['東京都', '大阪府', '神奈川県', '愛知県', '北海道', '福岡県', '埼玉県', '千葉県', '兵庫県', '京都府'];
const CITIES = ['千代田区', '中央区', '港区', '横浜市西区', '名古屋市中区', '札幌市北区', '福岡市博多区', 'さいたま市大宮区', '千葉市美浜区', '神戸市中央区'];
const TOWNS = ['丸の内', '本町', '栄', '桜木町', '大通西', '博多駅前', '桜木町', '幸町', '元町', '中町'];
const DEPTS = ['営業部', '総務部', '人事部', '経理部', '開発部', '製造部', '品質保証部', '広報部'];
const BANKS = ['みずほ銀行', '三菱UFJ銀行', '三井住友銀行', 'りそな銀行', 'ゆうちょ銀行'];
const BRANCHES = ['本店', '新宿支店', '梅田支店', '名古屋支店', '札幌支店'];
const NOTES = ['', '', '', '', '在宅勤務', '時短勤務', '育休明け', '出向中', '特記事項なし', '要確認'];
const EN_FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'Ken', 'Yuki'];
const EN_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Sato', 'Tanaka'];
const DOMAINS = ['example.com', 'example.jp', 'example.org', 'example.net'];

const date = (r, y0, y1) => `${int(r, y0, y1)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`;
const phone = (r) => `0${pick(r, ['90', '80', '70', '3', '6'])}-${digits(r, 4)}-${digits(r, 4)}`;
const email = (r, i) => `user${i}.${digits(r, 3)}@${pick(r, DOMAINS)}`;
const address = (r) => `${pick(r, PREFS)}${pick(r, CITIES)}${pick(r, TOWNS)}${int(r, 1, 9)}-${int(r, 1, 30)}-${int(r, 1, 20)}`;

/** The 20 columns of the large CSV (and of the cold-start file): every header segmented by the dictionaries. */
export const LARGE_HEADERS = ['社員番号', '氏名', 'フリガナ', '生年月日', '性別', '郵便番号', '住所', '電話番号', 'メールアドレス', '個人番号', '部署名', '入社日', '基本給', '銀行名', '支店名', '口座番号', '緊急連絡先', '扶養人数', '備考', '更新日'];

function largeRow(r, i) {
  const s = int(r, 0, SURNAMES.length - 1);
  const g = int(r, 0, GIVEN.length - 1);
  return [
    `E${pad(i, 7)}`,
    `${SURNAMES[s]} ${GIVEN[g]}`,
    `${SURNAME_KANA[s]} ${GIVEN_KANA[g]}`,
    date(r, 1950, 2004),
    r() < 0.5 ? '男' : '女',
    `${digits(r, 3)}-${digits(r, 4)}`,
    address(r),
    phone(r),
    email(r, i),
    myNumber(r),
    pick(r, DEPTS),
    date(r, 1995, 2025),
    String(int(r, 180, 900) * 1000),
    pick(r, BANKS),
    pick(r, BRANCHES),
    digits(r, 7),
    phone(r),
    String(int(r, 0, 4)),
    pick(r, NOTES),
    date(r, 2024, 2026),
  ].join(',');
}

async function writeLines(path, bytes, header, row, seed) {
  const r = rng(seed);
  const out = createWriteStream(path);
  let written = 0;
  let i = 0;
  if (header.length > 0) {
    const first = header.join(',') + '\n';
    out.write(first);
    written += Buffer.byteLength(first);
  }
  while (written < bytes) {
    let chunk = '';
    for (let k = 0; k < 200; k++) chunk += row(r, ++i) + '\n';
    const buf = Buffer.from(chunk);
    written += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows: i, bytes: written };
}

// ---- small files: mixed Japanese and English headers ----
const SMALL_JA = [
  ['社員番号', 'employee'], ['氏名', 'name'], ['フリガナ', 'kana'], ['生年月日', 'birth'], ['性別', 'gender'], ['郵便番号', 'postal'],
  ['住所', 'address'], ['電話番号', 'phone'], ['メールアドレス', 'email'], ['個人番号', 'mynumber'], ['部署名', 'dept'], ['入社日', 'date'],
  ['基本給', 'amount'], ['口座番号', 'account'], ['銀行名', 'bank'], ['備考', 'note'], ['更新日', 'date'], ['顧客番号', 'id'],
  ['注文番号', 'id'], ['金額', 'amount'], ['商品名', 'product'], ['数量', 'count'], ['会社名', 'company'], ['国籍', 'nationality'], ['年齢', 'age'], ['血液型', 'blood'],
];
const SMALL_EN = [
  ['employee_id', 'employee'], ['name', 'enname'], ['email', 'email'], ['phone', 'phone'], ['address', 'address'], ['zip', 'postal'],
  ['birth_date', 'birth'], ['gender', 'engender'], ['my_number', 'mynumber'], ['department', 'dept'], ['hire_date', 'date'], ['salary', 'amount'],
  ['account_number', 'account'], ['notes', 'note'], ['updated_at', 'date'], ['customer_id', 'id'], ['order_id', 'id'], ['amount', 'amount'],
  ['product_name', 'product'], ['quantity', 'count'], ['company_name', 'company'], ['age', 'age'],
];
const PRODUCTS = ['ボールペン', 'ノート', 'A4用紙', 'ホチキス', 'クリップ', 'Stapler', 'Notebook'];
const COMPANIES = ['株式会社サンプル', '有限会社テスト', 'Example Inc.', '合同会社デモ'];
function smallValue(r, kind, i) {
  switch (kind) {
    case 'employee': return `E${pad(i, 6)}`;
    case 'name': return `${pick(r, SURNAMES)} ${pick(r, GIVEN)}`;
    case 'enname': return `${pick(r, EN_FIRST)} ${pick(r, EN_LAST)}`;
    case 'kana': return `${pick(r, SURNAME_KANA)} ${pick(r, GIVEN_KANA)}`;
    case 'birth': return date(r, 1950, 2004);
    case 'gender': return r() < 0.5 ? '男' : '女';
    case 'engender': return r() < 0.5 ? 'M' : 'F';
    case 'postal': return `${digits(r, 3)}-${digits(r, 4)}`;
    case 'address': return address(r);
    case 'phone': return phone(r);
    case 'email': return email(r, i);
    case 'mynumber': return myNumber(r);
    case 'dept': return pick(r, DEPTS);
    case 'date': return date(r, 2015, 2026);
    case 'amount': return String(int(r, 1, 999) * 100);
    case 'account': return digits(r, 7);
    case 'bank': return pick(r, BANKS);
    case 'note': return pick(r, NOTES);
    case 'id': return String(int(r, 100000, 999999));
    case 'product': return pick(r, PRODUCTS);
    case 'count': return String(int(r, 1, 50));
    case 'company': return pick(r, COMPANIES);
    case 'nationality': return pick(r, ['日本', '米国', '中国', '韓国']);
    case 'age': return String(int(r, 18, 80));
    case 'blood': return pick(r, ['A', 'B', 'O', 'AB']);
    default: return '';
  }
}
function smallCsv(r, index) {
  const pool = r() < 0.6 ? SMALL_JA : SMALL_EN;
  const n = int(r, 5, 12);
  const cols = [];
  const used = new Set();
  while (cols.length < n) {
    const c = pick(r, pool);
    if (!used.has(c[0])) (used.add(c[0]), cols.push(c));
  }
  const rows = int(r, 10, 40);
  let text = cols.map((c) => c[0]).join(',') + '\n';
  for (let i = 1; i <= rows; i++) text += cols.map((c) => smallValue(r, c[1], index * 100 + i)).join(',') + '\n';
  return text;
}

// ---- nested JSONL ----
function jsonlRecord(r, i) {
  const s = int(r, 0, SURNAMES.length - 1);
  const g = int(r, 0, GIVEN.length - 1);
  const orders = [];
  for (let k = int(r, 0, 3); k > 0; k--) orders.push({ orderId: `O${digits(r, 8)}`, amount: int(r, 1, 500) * 100, orderedAt: date(r, 2020, 2026) });
  return JSON.stringify({
    id: i,
    customer: {
      name: `${SURNAMES[s]} ${GIVEN[g]}`,
      kana: `${SURNAME_KANA[s]} ${GIVEN_KANA[g]}`,
      birthDate: date(r, 1950, 2004),
      contact: { email: email(r, i), phone: phone(r), address: { postalCode: `${digits(r, 3)}-${digits(r, 4)}`, line1: address(r) } },
      myNumber: myNumber(r),
    },
    orders,
    tags: [pick(r, ['vip', 'new', 'web', 'store'])],
    updatedAt: date(r, 2024, 2026),
  });
}

// ---- Shift_JIS: each distinct string encoded once, then concatenated as bytes ----
async function writeShiftJis(path, bytes, seed) {
  const require = createRequire(import.meta.url);
  const Encoding = require('encoding-japanese');
  const memo = new Map();
  const sjis = (text) => {
    let b = memo.get(text);
    if (!b) {
      b = Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
      if (memo.size < 200_000) memo.set(text, b);
    }
    return b;
  };
  const headers = ['会員番号', '氏名', 'フリガナ', '生年月日', '性別', '郵便番号', '住所', '電話番号', '個人番号', '備考'];
  const r = rng(seed);
  const out = createWriteStream(path);
  const comma = Buffer.from(','), nl = Buffer.from('\r\n');
  let written = 0;
  const emit = async (cells) => {
    const parts = [];
    cells.forEach((c, k) => {
      if (k) parts.push(comma);
      parts.push(/^[\x20-\x7e]*$/.test(c) ? Buffer.from(c) : sjis(c));
    });
    parts.push(nl);
    const buf = Buffer.concat(parts);
    written += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };
  await emit(headers);
  let i = 0;
  while (written < bytes) {
    i++;
    const s = int(r, 0, SURNAMES.length - 1);
    const g = int(r, 0, GIVEN.length - 1);
    await emit([`M${pad(i, 7)}`, `${SURNAMES[s]} ${GIVEN[g]}`, `${SURNAME_KANA[s]} ${GIVEN_KANA[g]}`, date(r, 1950, 2004), r() < 0.5 ? '男' : '女',
      `${digits(r, 3)}-${digits(r, 4)}`, `${pick(r, PREFS)}${pick(r, CITIES)}${pick(r, TOWNS)}`, phone(r), myNumber(r), pick(r, NOTES)]);
  }
  out.end();
  await once(out, 'finish');
  return { rows: i, bytes: written };
}

async function writeXlsx(path, rows, seed) {
  const require = createRequire(import.meta.url);
  const ExcelJS = require('exceljs');
  const r = rng(seed);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('社員');
  sheet.addRow(LARGE_HEADERS.slice(0, 12)).commit();
  for (let i = 1; i <= rows; i++) sheet.addRow(largeRow(r, i).split(',').slice(0, 12)).commit();
  sheet.commit();
  await workbook.commit();
}

/**
 * A 20-column CSV whose headers the dictionaries cannot segment wholly: Japanese words they do not
 * know stand last in most of them (来店動機, 座右の銘), so a scan must load kuromoji. Written when
 * missing, without regenerating the rest (it is small and was added after the corpus's version 1).
 */
export const KUROMOJI_HEADERS = ['氏名', '住所', '電話番号', '来店動機', '座右の銘', '得意分野', '受賞歴', '通学経路', '備品貸出', '入会経緯', '好きな色', '愛読書', '口癖', '将来の夢', '休日の過ごし方', '最寄り駅', '飼い犬の名前', '応援球団', '行きつけの店', '自己紹介文'];
export const COLD_KUROMOJI = 'cold-kuromoji.csv';
function writeColdKuromoji() {
  const path = join(CORPUS, COLD_KUROMOJI);
  if (existsSync(path)) return;
  const r = rng(8);
  let text = KUROMOJI_HEADERS.join(',') + '\n';
  for (let i = 1; i <= 100; i++) text += KUROMOJI_HEADERS.map((_, c) => (c === 2 ? `0${int(r, 70, 90)}-${digits(r, 4)}-${digits(r, 4)}` : `値${digits(r, 3)}`)).join(',') + '\n';
  writeFileSync(path, text);
}

export async function generate(scale = scaleOf(), log = (s) => process.stderr.write(s + '\n')) {
  const p = plan(scale);
  const stamp = join(CORPUS, 'manifest.json');
  if (existsSync(stamp)) {
    const m = JSON.parse(readFileSync(stamp, 'utf8'));
    // A corpus written before the small files became 10,000 at every scale is regenerated.
    if (m.scale === scale && m.version === 1 && m.plan?.smallFiles === p.smallFiles) {
      writeColdKuromoji();
      await writeTenth(p);
      return m;
    }
  }
  rmSync(CORPUS, { recursive: true, force: true });
  mkdirSync(CORPUS, { recursive: true });
  const t0 = Date.now();
  const manifest = { version: 1, scale, plan: p, cases: {} };

  // One 20-column Japanese CSV (cold start) and a 1 MiB file of the large CSV's shape.
  const rCold = rng(1);
  let cold = LARGE_HEADERS.join(',') + '\n';
  for (let i = 1; i <= 100; i++) cold += largeRow(rCold, i) + '\n';
  writeFileSync(join(CORPUS, 'cold-20col.csv'), cold);
  writeColdKuromoji();
  manifest.cases.oneMiB = await writeLines(join(CORPUS, 'one-mib.csv'), p.oneMiBBytes, LARGE_HEADERS, largeRow, 2);
  log(`generate: large CSV ${Math.round(p.largeBytes / MiB)} MiB…`);
  manifest.cases.large = await writeLines(join(CORPUS, 'large.csv'), p.largeBytes, LARGE_HEADERS, largeRow, 3);
  await writeTenth(p);

  log(`generate: ${p.smallFiles} small CSVs…`);
  const rSmall = rng(4);
  let smallBytes = 0;
  for (let f = 0; f < p.smallFiles; f++) {
    const dir = join(CORPUS, 'small', pad(Math.floor(f / 100), 3));
    if (f % 100 === 0) mkdirSync(dir, { recursive: true });
    const text = smallCsv(rSmall, f);
    smallBytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `t${pad(f, 5)}.csv`), text);
  }
  manifest.cases.small = { files: p.smallFiles, bytes: smallBytes };

  log(`generate: Shift_JIS CSV, nested JSONL…`);
  manifest.cases.sjis = await writeShiftJis(join(CORPUS, 'sjis.csv'), p.sjisBytes, 5);
  manifest.cases.jsonl = await writeLines(join(CORPUS, 'nested.jsonl'), p.jsonlBytes, [], (r, i) => jsonlRecord(r, i), 6);
  log(`generate: xlsx ${p.xlsxRows} rows…`);
  await writeXlsx(join(CORPUS, 'rows.xlsx'), p.xlsxRows, 7);
  manifest.cases.xlsx = { rows: p.xlsxRows };
  manifest.seconds = (Date.now() - t0) / 1000;
  writeFileSync(stamp, JSON.stringify(manifest, null, 2));
  log(`generate: done in ${manifest.seconds.toFixed(1)} s`);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await generate();
}

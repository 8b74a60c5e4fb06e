// Writes the foundation samples with invented values (seeded, so the output is stable):
//   node samples/csv/generate.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

/** A 12-digit number with a valid My Number check digit (taxonomy.md); invented, not anyone's. */
function myNumber() {
  const body = digits(11);
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(body[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return body + String(r <= 1 ? 0 : 11 - r);
}

const sei = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村'];
const mei = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '大輔', '由美'];
const seiKana = ['ヤマダ', 'サトウ', 'スズキ', 'タカハシ', 'タナカ', 'イトウ', 'ワタナベ', 'ナカムラ'];
const meiKana = ['タロウ', 'ハナコ', 'イチロウ', 'ミサキ', 'ケンタ', 'ヨウコ', 'ダイスケ', 'ユミ'];
const city = ['東京都練馬区豊玉北', '東京都中野区中央', '埼玉県さいたま市浦和区高砂', '神奈川県横浜市中区山下町'];
const csv = (rows) => rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
const date = (y0, y1) => `${y0 + Math.floor(rand() * (y1 - y0))}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;

function payroll() {
  const rows = [['社員番号', '氏名', 'フリガナ', '生年月日', '性別', '郵便番号', '住所', '電話番号', 'マイナンバー', '扶養親族数', '基本給', '通勤手当', '所得税', '住民税', '支給年月', '部門コード']];
  for (let i = 0; i < 30; i++) {
    const s = Math.floor(rand() * sei.length);
    const m = Math.floor(rand() * mei.length);
    rows.push([
      `E${String(1000 + i)}`,
      `${sei[s]} ${mei[m]}`,
      `${seiKana[s]} ${meiKana[m]}`,
      date(1960, 2003),
      pick(['男', '女']),
      `${digits(3)}-${digits(4)}`,
      `${pick(city)}${1 + Math.floor(rand() * 5)}-${1 + Math.floor(rand() * 20)}-${1 + Math.floor(rand() * 30)}`,
      `090-${digits(4)}-${digits(4)}`,
      myNumber(),
      Math.floor(rand() * 4),
      200000 + Math.floor(rand() * 300) * 1000,
      Math.floor(rand() * 30) * 1000,
      Math.floor(rand() * 20) * 1000,
      Math.floor(rand() * 30) * 1000,
      '2026-10',
      pick(['D01', 'D02', 'D03']),
    ]);
  }
  return rows;
}

function healthCheckup() {
  const rows = [['受診者番号', '氏名', '生年月日', '性別', '受診日', '身長', '体重', 'BMI', '腹囲', '収縮期血圧', '拡張期血圧', '空腹時血糖', 'HbA1c', '中性脂肪', 'HDLコレステロール', 'LDLコレステロール', '尿糖', '既往歴', '医師の判断', '健診機関コード']];
  for (let i = 0; i < 25; i++) {
    const h = 150 + Math.floor(rand() * 35);
    const w = 45 + Math.floor(rand() * 40);
    rows.push([
      `K${String(50000 + i)}`,
      `${pick(sei)} ${pick(mei)}`,
      date(1955, 2000),
      pick(['1', '2']),
      date(2026, 2027),
      h,
      w,
      (w / (h / 100) ** 2).toFixed(1),
      70 + Math.floor(rand() * 30),
      100 + Math.floor(rand() * 50),
      60 + Math.floor(rand() * 30),
      80 + Math.floor(rand() * 40),
      (5 + rand() * 2).toFixed(1),
      50 + Math.floor(rand() * 150),
      40 + Math.floor(rand() * 40),
      80 + Math.floor(rand() * 80),
      pick(['-', '±', '+']),
      pick(['なし', '高血圧', '脂質異常症', 'なし']),
      pick(['異常なし', '要経過観察', '要精密検査']),
      '1310000001',
    ]);
  }
  return rows;
}

function customersEn() {
  const first = ['James', 'Mary', 'John', 'Linda', 'Robert', 'Susan'];
  const last = ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans'];
  const rows = [['CustomerID', 'FirstName', 'LastName', 'Email', 'Phone', 'DateOfBirth', 'AddressLine1', 'City', 'ZipCode', 'Country', 'CreatedAt', 'LoyaltyPoints']];
  for (let i = 0; i < 25; i++) {
    const f = pick(first);
    const l = pick(last);
    rows.push([
      `C-${String(9000 + i)}`,
      f,
      l,
      `${f.toLowerCase()}.${l.toLowerCase()}${i}@example.com`,
      `+44 20 7946 ${digits(4)}`,
      date(1950, 2004),
      `${1 + Math.floor(rand() * 200)} ${pick(['High', 'Church', 'Station', 'Park'])} Street`,
      pick(['London', 'Leeds', 'Bristol']),
      `${pick(['SW1A', 'LS1', 'BS1'])} ${digits(1)}AA`,
      'GB',
      `${date(2024, 2026)}T09:00:00Z`,
      Math.floor(rand() * 5000),
    ]);
  }
  return rows;
}

function products() {
  const rows = [['商品コード', '商品名', 'カテゴリ', '単価', '在庫数', '仕入先コード', '登録日', '更新日時', '削除フラグ']];
  const names = ['ボールペン 黒', 'ノート A4', 'クリアファイル', '付箋 75mm', 'ホチキス', '電卓'];
  for (let i = 0; i < 20; i++) {
    rows.push([`P${String(100 + i)}`, pick(names), pick(['文具', '事務用品']), 100 + Math.floor(rand() * 2000), Math.floor(rand() * 500), `S${digits(3)}`, date(2020, 2026), `${date(2026, 2027)} 10:00:00`, pick(['0', '0', '1'])]);
  }
  return rows;
}

writeFileSync(join(here, 'payroll-2026-10.csv'), csv(payroll()));
writeFileSync(join(here, 'health-checkup.csv'), csv(healthCheckup()));
writeFileSync(join(here, 'customers-en.csv'), csv(customersEn()));
writeFileSync(join(here, 'products.csv'), csv(products()));

// How well is the encoding of a short Japanese header line detected? Generates header lines
// (deterministic PRNG) in UTF-8, Shift_JIS (CP932) and EUC-JP and compares:
//   naive-sjis   UTF-8 if it decodes cleanly, else Shift_JIS (what most tools assume)
//   first-clean  UTF-8, then Shift_JIS, then EUC-JP: the first fatal TextDecoder that succeeds
//   ej-detect    encoding-japanese detect() with no candidate list
//   kojin        src/read/decode.ts detectEncoding (fatal UTF-8, then detect()); needs `npm run build`
// Usage: node bench/encodings.mjs [lines per encoding, default 1000]
import Encoding from 'encoding-japanese';

const PER_ENCODING = Number(process.argv[2] ?? 1000);

const WORDS = [
  '氏名', '住所', '電話番号', '生年月日', '性別', '顧客番号', '口座番号', '預金者名', '引落金額', 'フリガナ', '郵便番号',
  'メールアドレス', '個人番号', '病名', '備考', '会員番号', '勤務先', '続柄', '振替結果コード', '預金種目', '支店名',
  'ｼﾒｲ', 'ｶﾅ氏名', 'ﾌﾘｶﾞﾅ', '金額(円)', '№', 'ID', 'No', 'name', 'kana', '年齢', '血液型', '障害等級', '要介護度',
];
// CP932 extension characters: NEC special (①, ㈱, №) and IBM extension kanji (髙, 﨑). Shift_JIS only.
const CP932_ONLY = ['①', '②', '㈱', '髙橋', '山﨑', 'Ⅰ'];

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

function line(extended) {
  const n = 1 + Math.floor(random() * 6); // 1..6 fields: short lines are the hard case
  return Array.from({ length: n }, () => (extended && random() < 0.3 ? pick(CP932_ONLY) : pick(WORDS))).join(',');
}

const encode = {
  'utf-8': (text) => Buffer.from(text, 'utf8'),
  shift_jis: (text) => Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' })),
  'euc-jp': (text) => Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'EUCJP', from: 'UNICODE' })),
};

const clean = (bytes, label) => {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

let kojinDetect;
try {
  ({ detectEncoding: kojinDetect } = await import('../dist/read/decode.js'));
} catch {
  console.error('(dist/read/decode.js not built: run `npm run build` to include kojin)');
}

const methods = {
  'naive-sjis': (bytes) => (clean(bytes, 'utf-8') ? 'utf-8' : 'shift_jis'),
  'first-clean': (bytes) => ['utf-8', 'shift_jis', 'euc-jp'].find((label) => clean(bytes, label)) ?? 'none',
  'ej-detect': (bytes) => ({ UTF8: 'utf-8', ASCII: 'utf-8', SJIS: 'shift_jis', EUCJP: 'euc-jp' })[Encoding.detect(bytes)] ?? String(Encoding.detect(bytes)),
  ...(kojinDetect ? { kojin: (bytes) => kojinDetect(bytes, true).label } : {}),
};

const cases = [];
for (const [label, fn] of Object.entries(encode)) {
  for (let i = 0; i < PER_ENCODING; i++) {
    const text = line(label === 'shift_jis');
    const bytes = fn(text);
    // Skip lines the encoder could not represent (it writes '?' for them).
    if (new TextDecoder(label).decode(bytes) !== text) continue;
    // ASCII-only lines are the same bytes in every encoding: nothing to detect.
    if (bytes.every((byte) => byte < 0x80)) continue;
    cases.push({ label, text, bytes });
  }
}

const results = {};
for (const [name, method] of Object.entries(methods)) {
  const perEncoding = {};
  let right = 0;
  for (const { label, bytes } of cases) {
    const ok = method(bytes) === label;
    perEncoding[label] ??= { right: 0, total: 0 };
    perEncoding[label].total++;
    if (ok) {
      perEncoding[label].right++;
      right++;
    }
  }
  results[name] = { right, total: cases.length, perEncoding };
}

console.log(`${cases.length} header lines with non-ASCII text (1–6 fields; Shift_JIS lines include CP932 extension characters)\n`);
console.log('| method | overall | utf-8 | shift_jis | euc-jp |');
console.log('|---|---:|---:|---:|---:|');
const pct = ({ right, total }) => `${((100 * right) / total).toFixed(1)}% (${right}/${total})`;
for (const [name, r] of Object.entries(results)) {
  console.log(`| ${name} | ${pct(r)} | ${pct(r.perEncoding['utf-8'])} | ${pct(r.perEncoding.shift_jis)} | ${pct(r.perEncoding['euc-jp'])} |`);
}

// What the best method still gets wrong, by the kind of line (never printed in full: shapes only).
const best = methods.kojin ?? methods['ej-detect'];
const misses = cases.filter(({ label, bytes }) => best(bytes) !== label);
const halfWidth = misses.filter(({ text }) => /[\uff61-\uff9f]/u.test(text)).length;
console.log(`\n${misses.length} misses by ${methods.kojin ? 'kojin' : 'ej-detect'}; ${halfWidth} of them contain half-width katakana`);
if (process.argv.includes('--show')) for (const m of misses) console.log(m.label, '→', best(m.bytes), m.text);

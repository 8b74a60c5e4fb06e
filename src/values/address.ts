// Japanese addresses: a value that starts with one of the 47 prefectures (東京都…, 北海道, 大阪府,
// 神奈川県…) or that names a municipality (…市, …区, …町, …村, …郡) followed by a block number
// (digits, 丁目, 番地). Shape only: an organisation's address looks the same, so the header decides
// whose it is.

export const PREFECTURES: readonly string[] = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];
/**
 * The prefectures by their first code unit, three-character names before four-character ones, the
 * order in which the slices of three and four characters were looked up before (no three-character
 * name begins a four-character one, so either order gives the same answer). A lookup by first
 * character and startsWith allocate nothing, where those slices and a Set lookup of each did so for
 * every Japanese-led cell an --all-rows scan profiles (test/unit/values/address-prefix.test.ts).
 */
const BY_FIRST_UNIT: ReadonlyMap<number, readonly string[]> = (() => {
  const map = new Map<number, string[]>();
  for (const p of [...PREFECTURES].sort((a, b) => a.length - b.length)) {
    const list = map.get(p.charCodeAt(0)) ?? [];
    list.push(p);
    map.set(p.charCodeAt(0), list);
  }
  return map;
})();

const MUNICIPALITY_SUFFIX = new Set([0x5e02 /* 市 */, 0x533a /* 区 */, 0x753a /* 町 */, 0x6751 /* 村 */, 0x90e1 /* 郡 */]);

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) || c === 0x3005 || c === 0x30f6;
}

/** Index where the address proper starts: skips a leading 〒 postal code ("〒100-0001 東京都…"). */
function addressStart(v: string): number {
  if (v.charCodeAt(0) !== 0x3012) return 0;
  const sp = v.indexOf(' ');
  return sp > 0 && sp <= 10 ? sp + 1 : -1;
}

/** Whether the prefix starting at `from` is a prefecture name (3 or 4 characters). */
export function prefectureLength(v: string, from = 0): number {
  const names = BY_FIRST_UNIT.get(v.charCodeAt(from));
  if (names === undefined) return 0;
  for (const name of names) if (v.startsWith(name, from)) return name.length;
  return 0;
}

function hasBlockNumber(v: string, from: number): boolean {
  for (let i = from; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c === 0x4e01 /* 丁 */ && v.charCodeAt(i + 1) === 0x76ee /* 目 */) return true;
    if (c === 0x756a /* 番 */) return true;
  }
  return false;
}

export function isAddress(value: string): boolean {
  const n = value.length;
  if (n < 4 || n > 200) return false;
  // Addresses are Japanese text: reject early on an ASCII first character (the common case).
  const start = addressStart(value);
  if (start < 0 || start >= n || value.charCodeAt(start) < 0x3000) return false;
  const pl = prefectureLength(value, start);
  if (pl > 0) return n - start > pl + 1;
  // No prefecture: need 〇〇市/区/町/村/郡 within the first few characters, then a block number.
  const limit = Math.min(n - 1, start + 7);
  for (let i = start + 1; i < limit; i++) {
    const c = value.charCodeAt(i);
    if (!isCjk(c)) return false;
    if (MUNICIPALITY_SUFFIX.has(c)) return hasBlockNumber(value, i + 1);
  }
  return false;
}

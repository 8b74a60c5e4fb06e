// Writes the reader samples in this folder: Japanese exports as they really come (Shift_JIS with a
// title row, EUC-JP, UTF-16 with BOM, other delimiters, two-row headers, no header, units rows,
// ragged rows, gzip) plus record layout definitions. Every value is invented. Deterministic:
// running it again gives the same bytes.  Usage: node samples/inputs/generate.mjs
import Encoding from 'encoding-japanese';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const write = (name, bytes) => writeFileSync(join(here, name), bytes);
const lines = (rows, eol = '\r\n') => rows.map((row) => (Array.isArray(row) ? row.join(',') : row)).join(eol) + eol;
const sjis = (text) => Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
const eucjp = (text) => Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'EUCJP', from: 'UNICODE' }));

// Shift_JIS (CP932) as Excel saves it: a title row padded with commas, NEC/IBM extension characters.
write(
  'sjis-furikae.csv',
  sjis(
    lines([
      '令和5年度 口座振替依頼一覧,,,,,,',
      '委託者名：㈱サンプル商事,,,,,,',
      ',,,,,,',
      '№,顧客番号,預金者名,引落銀行名,口座番号,引落金額,備考',
      '①,00001,髙橋 一郎,さくら銀行,1234567,5500,',
      '②,00002,山﨑 花子,みどり信用金庫,2345678,3300,㈱サンプル経由',
      '③,00003,佐藤 次郎,さくら銀行,3456789,12000,',
      '④,00004,鈴木 三郎,あおば銀行,4567890,800,',
    ]),
  ),
);

// EUC-JP from an old Unix batch: a title, a blank line, then the table.
write(
  'eucjp-members.csv',
  eucjp(
    lines(
      [
        '会員名簿（平成31年3月末）',
        '',
        '会員番号,氏名,フリガナ,郵便番号,住所,電話番号',
        '1001,田中 太郎,タナカ タロウ,100-0001,東京都千代田区架空1-1,03-0000-0001',
        '1002,中村 花子,ナカムラ ハナコ,530-0001,大阪府大阪市北区架空2-2,06-0000-0002',
        '1003,小林 健,コバヤシ ケン,460-0001,愛知県名古屋市中区架空3-3,052-000-0003',
      ],
      '\n',
    ),
  ),
);

// UTF-16LE with BOM: Excel's "Unicode text" save, tab-delimited, under .csv.
write(
  'utf16le-staff.csv',
  Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(
      lines([
        '社員番号\t氏名\t所属\t入社日',
        'E001\t伊藤 誠\t総務部\t2015/04/01',
        'E002\t渡辺 美咲\t経理部\t2018/10/01',
        'E003\t山本 翔\t営業部\t2021/04/01',
      ]),
      'utf16le',
    ),
  ]),
);

write(
  'patients.tsv',
  lines(
    [
      '患者ID\t氏名\t生年月日\t病名\t服薬',
      'P0001\t木村 一\t1970-01-15\t高血圧症\tあり',
      'P0002\t林 二葉\t1985-06-30\t花粉症\tなし',
      'P0003\t清水 三郎\t1992-12-01\t糖尿病\tあり',
    ],
    '\n',
  ),
);

write(
  'semicolon.csv',
  lines([
    'customer_id;full_name;email;points',
    '1;Yamada Taro;taro@example.jp;"1,200"',
    '2;Sato Hanako;hanako@example.jp;300',
    '3;Suzuki Ichiro;ichiro@example.jp;4,500',
  ]),
);

write(
  'orders.psv',
  lines(
    ['注文番号|注文日|氏名|メールアドレス|金額', 'A-0001|2024/01/05|山田 太郎|taro@example.jp|3980', 'A-0002|2024/01/06|佐藤 花子|hanako@example.jp|1200', 'A-0003|2024/01/07|鈴木 一郎|ichiro@example.jp|560'],
    '\n',
  ),
);

// A 扶養控除 style two-row header: group cells merged in Excel come out as blanks.
write(
  'two-row-header.csv',
  lines([
    '本人,,,配偶者,,',
    '氏名,生年月日,住所,氏名,生年月日,続柄',
    '山田 太郎,1980/01/02,東京都架空区1-1,山田 花子,1982/05/06,妻',
    '佐藤 次郎,1975/11/20,大阪府架空市2-2,佐藤 良子,1977/03/03,妻',
  ]),
);

write(
  'headerless.csv',
  lines([
    '00001,山田 太郎,1980/01/02,taro@example.jp,090-0000-0001',
    '00002,佐藤 花子,1990/03/04,hanako@example.jp,090-0000-0002',
    '00003,鈴木 一郎,1975/07/08,ichiro@example.jp,090-0000-0003',
  ]),
);

write(
  'units-row.csv',
  lines([
    '受診者番号,氏名,身長,体重,血圧（上）,年収',
    ',,(cm),(kg),(mmHg),（円）',
    'K001,高田 一,170.2,65.0,128,5200000',
    'K002,森 二美,158.4,50.3,112,4100000',
    'K003,池田 三,181.0,80.1,135,6800000',
  ]),
);

// Ragged rows and a stray quote: warnings, not crashes.
write(
  'ragged.csv',
  lines([
    '顧客番号,氏名,電話番号,メモ',
    '0001,山田 太郎,03-0000-0001,',
    '0002,佐藤 花子,03-0000-0002,追加,余分',
    '0003,鈴木 一郎',
    '0004,高橋 "ジロー" 次郎,03-0000-0004,',
    '0005,田中 五郎,03-0000-0005,',
  ]),
);

// gzip with no name and mtime 0, so the bytes never change.
write(
  'contacts.csv.gz',
  gzipSync(Buffer.from(lines(['氏名,メールアドレス,電話番号', '山田 太郎,taro@example.jp,090-0000-0001', '佐藤 花子,hanako@example.jp,090-0000-0002']))),
);

// A 全銀協 style 口座振替 依頼データ (data record) layout definition: fields are the 項目名 column.
write(
  'zengin-layout.csv',
  lines([
    '口座振替 依頼データ（データ・レコード）レコード長120バイト,,,,,',
    '項番,項目名,位置,桁数,属性,備考',
    '1,レコード区分,1,1,N,"2:データ・レコード"',
    '2,引落銀行番号,2,4,N,統一金融機関番号',
    '3,引落銀行名,6,15,C,カナ',
    '4,引落支店番号,21,3,N,統一店番号',
    '5,引落支店名,24,15,C,カナ',
    '6,ダミー,39,4,C,スペース',
    '7,預金種目,43,1,N,1:普通 2:当座',
    '8,口座番号,44,7,N,',
    '9,預金者名,51,30,C,カナ',
    '10,引落金額,81,10,N,',
    '11,新規コード,91,1,N,1:第1回 2:変更 0:その他',
    '12,顧客番号,92,20,N,委託者が定める番号',
    '13,振替結果コード,112,1,N,依頼時は0',
    '14,ダミー,113,8,C,スペース',
  ]),
);

write(
  'layout.md',
  [
    '# 住民税 特別徴収 連携ファイル',
    '',
    '受信側システムへ渡す固定長レコードの定義。',
    '',
    '| 項目名 | 桁数 | 型 | 説明 |',
    '|---|---:|:--:|---|',
    '| 指定番号 | 10 | X | 市区町村が付す番号 |',
    '| 個人番号 | 12 | 9 | マイナンバー |',
    '| 氏名 | 40 | N | 全角 |',
    '| 生年月日 | 8 | 9 | YYYYMMDD |',
    '| 特別徴収税額 | 9 | 9 | 年税額 |',
    '',
    '## 送信項目',
    '',
    '- 事業所番号、事業所名、所在地',
    '',
  ].join('\n'),
);

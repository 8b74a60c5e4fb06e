// Writes employees.xlsx (invented people only) for kojin's samples and tests:
//   社員名簿  – a two-row header: 本人 / 配偶者 groups merged over their fields, 社員番号 merged down
//   給与      – a title row and a note row above the header, formulas and rich text in the data
//   項目定義  – a record layout definition (項目名, 桁数, 属性, 備考): its rows are the fields
// Deterministic: fixed dates, fixed values. Run: node samples/inputs/generate-xlsx.mjs
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('./employees.xlsx', import.meta.url));
const fixed = new Date(Date.UTC(2024, 3, 1));
const workbook = new ExcelJS.Workbook();
workbook.creator = 'kojin samples';
workbook.created = fixed;
workbook.modified = fixed;

const roster = workbook.addWorksheet('社員名簿');
roster.addRow(['社員番号', '本人', null, null, '配偶者', null, null]);
roster.addRow([null, '氏名', '生年月日', '個人番号', '氏名', '生年月日', '個人番号']);
roster.mergeCells('A1:A2');
roster.mergeCells('B1:D1');
roster.mergeCells('E1:G1');
const people = [
  ['E0001', '見本 太郎', Date.UTC(1980, 0, 2), '123456789018', '見本 花子', Date.UTC(1982, 4, 5), '234567890123'],
  ['E0002', '例示 次郎', Date.UTC(1975, 10, 30), '345678901234', null, null, null],
  ['E0003', '架空 三郎', Date.UTC(1990, 6, 7), '456789012345', '架空 幸子', Date.UTC(1991, 1, 14), '567890123456'],
];
for (const [id, name, birth, number, spouse, spouseBirth, spouseNumber] of people) {
  roster.addRow([id, name, new Date(birth), number, spouse, spouseBirth === null ? null : new Date(spouseBirth), spouseNumber]);
}
roster.getColumn(3).numFmt = 'yyyy/mm/dd';
roster.getColumn(6).numFmt = 'yyyy/mm/dd';

const pay = workbook.addWorksheet('給与');
pay.addRow(['令和6年度 給与一覧']);
pay.mergeCells('A1:F1');
pay.addRow(['作成日', new Date(fixed)]);
pay.addRow([]);
pay.addRow(['社員番号', '氏名', '基本給', '通勤手当', '支給額', '振込口座']);
const salaries = [
  ['E0001', '見本 太郎', 300000, 12000, '1234567'],
  ['E0002', { richText: [{ text: '例示 ' }, { font: { bold: true }, text: '次郎' }] }, 280000, 8000, '2345678'],
  ['E0003', '架空 三郎', 260000, 15000, '3456789'],
];
salaries.forEach(([id, name, base, commute, account], i) => {
  const r = 5 + i;
  pay.addRow([id, name, base, commute, { formula: `C${r}+D${r}`, result: base + commute }, account]);
});

const layout = workbook.addWorksheet('項目定義');
layout.addRow(['No', '項目名', '桁数', '属性', '備考']);
const items = [
  ['社員番号', 5, '英数', ''],
  ['氏名', 40, '全角', '戸籍上の氏名'],
  ['生年月日', 8, '数字', 'YYYYMMDD'],
  ['個人番号', 12, '数字', 'マイナンバー'],
  ['住所', 100, '全角', ''],
  ['所属コード', 4, '数字', ''],
];
items.forEach(([name, digits, type, note], i) => layout.addRow([i + 1, name, digits, type, note]));

await workbook.xlsx.writeFile(out);
console.log(`wrote ${out}`);

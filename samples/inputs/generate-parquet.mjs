// Writes members.parquet (invented people only) for kojin's samples and tests: flat columns, a
// struct column (address.zip, address.pref), a list of strings (tags) and a list of structs
// (orders[].amount). Deterministic. Run: node samples/inputs/generate-parquet.mjs
import { writeFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('./members.parquet', import.meta.url));
const columnData = [
  { name: 'member_id', data: ['M001', 'M002', 'M003'] },
  { name: 'shimei', data: ['見本 太郎', '例示 花子', '架空 次郎'] },
  { name: 'kojin_bango', data: ['123456789018', null, '345678901234'] },
  { name: 'birth_date', data: ['1980-01-02', '1992-12-24', '1975-11-30'] },
  { name: 'points', data: [120, 0, 3400] },
  { name: 'address', data: [{ zip: '100-0001', pref: '東京都' }, { zip: '530-0001', pref: '大阪府' }, { zip: '060-0001', pref: '北海道' }] },
  { name: 'tags', data: [['vip'], [], ['newsletter', 'app']] },
  { name: 'orders', data: [[{ order_id: 'O-1', amount: 1200 }], [], [{ order_id: 'O-2', amount: 560 }, { order_id: 'O-3', amount: 80 }]] },
];
const schema = [
  { name: 'root', num_children: 8 },
  { name: 'member_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
  { name: 'shimei', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'kojin_bango', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'birth_date', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'points', type: 'INT32', repetition_type: 'OPTIONAL' },
  { name: 'address', repetition_type: 'OPTIONAL', num_children: 2 },
  { name: 'zip', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'pref', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'orders', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
  { name: 'order_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  { name: 'amount', type: 'INT32', repetition_type: 'OPTIONAL' },
];
const buffer = parquetWriteBuffer({ columnData, schema, createdBy: 'kojin samples' });
writeFileSync(out, Buffer.from(buffer));
console.log(`wrote ${out}`);

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ddlReader, parseDdl } from '../../../src/read/ddl.js';
import { bufferSource } from '../../../src/read/source.js';
import { DEFAULT_LIMITS, type TableSource } from '../../../src/read/types.js';

const sample = (name: string) => readFileSync(new URL(`../../../samples/inputs/${name}`, import.meta.url), 'utf8');
const summary = (text: string) =>
  parseDdl(text).tables.map((t) => ({ name: t.name, fields: t.fields.map((f) => (f.comment ? `${f.name}=${f.comment}` : f.name)) }));

describe('parseDdl', () => {
  it('reads MySQL backticks, column COMMENTs and skips keys and constraints', () => {
    const [shain, partner] = summary(sample('ddl-mysql.sql'));
    expect(shain.name).toBe('shain');
    expect(shain.fields).toEqual([
      'shain_id=社員ID', 'shimei=氏名', 'shimei_kana=氏名（カナ）', 'kojin_bango=個人番号', 'seinen_gappi=生年月日',
      'jusho=住所', 'denwa=電話番号', 'busho_cd=部署コード', 'created_at',
    ]);
    expect(partner.fields).toContain('hojin_bango=法人番号');
  });

  it('applies PostgreSQL COMMENT ON COLUMN with schema-qualified and bare table names', () => {
    const [kaiin, hojin] = summary(sample('ddl-postgres.sql'));
    expect(kaiin.name).toBe('public.kaiin');
    expect(kaiin.fields).toEqual([
      'kaiin_id', 'shimei=氏名', 'kojin_bango=個人番号', 'seinen_gappi=生年月日', 'jusho=住所', 'yubin_bango=郵便番号',
      'byoreki=病歴', 'biko=備考',
    ]);
    expect(hojin).toEqual({ name: 'hojin', fields: ['hojin_bango=法人番号', 'hojin_mei=法人名'] });
  });

  it('reads SQLite bracket names and trailing -- comments', () => {
    const [kanja] = summary(sample('ddl-sqlite.sql'));
    expect(kanja.fields).toEqual(['kanja_id', 'shimei=氏名', 'seinen_gappi=生年月日', 'jusho', 'kojin_bango', 'shobyo_mei=傷病名']);
  });

  it('reads Oracle types, slash terminators and upper-case names', () => {
    const tables = summary(sample('ddl-oracle.sql'));
    expect(tables[0].name).toBe('HR.SHOKUIN');
    expect(tables[0].fields).toEqual([
      'SHOKUIN_NO=職員番号', 'SHIMEI=氏名', 'KOJIN_BANGO=個人番号', 'SEINEN_GAPPI=生年月日', 'JUSHO=住所', 'KYUYO=給与',
    ]);
    expect(tables[1]).toEqual({ name: 'HOJIN_MST', fields: ['HOJIN_BANGO=法人番号', 'HOJIN_MEI'] });
  });

  it('gives the line and column of each column name', () => {
    const { tables } = parseDdl('CREATE TABLE t (\n  id int,\n    "shimei" text\n);');
    expect(tables[0].fields.map((f) => f.position)).toEqual([{ line: 2, column: 3 }, { line: 3, column: 5 }]);
  });

  it('samples INSERT values by column list or table order, up to the limit', () => {
    const { tables } = parseDdl(sample('ddl-mysql.sql'), 1);
    expect(tables[1].rows).toHaveLength(1);
    expect(tables[1].rows[0][1]).toBe('1234567890123');
    const oracle = parseDdl(sample('ddl-oracle.sql')).tables[0];
    expect(oracle.rows[0][0]).toBe('1001');
    expect(oracle.rows[0][3]).toBe('1975-04-01');
    expect(oracle.rows[0][2]).toBeUndefined();
  });

  it('tolerates comments, nested parentheses, quotes with semicolons and unknown statements', () => {
    const text = `SET NAMES utf8; /* a; b */ CREATE TABLE x (a numeric(10, 2) DEFAULT 0, b text DEFAULT 'x;y,(z', -- c
      c int CHECK (c IN (1, 2)), UNIQUE (a, b)); GRANT SELECT ON x TO y;`;
    expect(summary(text)).toEqual([{ name: 'x', fields: ['a', 'b=c', 'c'] }]);
  });

  it('adds columns from ALTER TABLE … ADD', () => {
    expect(summary('CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN b text; ALTER TABLE t ADD (c int, d int);')[0].fields).toEqual(['a', 'b', 'c', 'd']);
  });

  it('skips CREATE TABLE … AS SELECT with a warning', () => {
    const result = parseDdl('CREATE TABLE t AS SELECT * FROM u;');
    expect(result.tables).toEqual([]);
    expect(result.warnings[0]).toMatch(/no column list/);
  });
});

describe('ddlReader', () => {
  const options = { sampleRows: 100, allRows: false, limits: DEFAULT_LIMITS };

  it('accepts .sql and .ddl and yields schema tables', async () => {
    const source = bufferSource('a.ddl', 'a.ddl', Buffer.from(sample('ddl-mysql.sql')));
    expect(ddlReader.accepts(source)).toBe(true);
    const parsed = await ddlReader.read(source, options);
    const tables: TableSource[] = [];
    for await (const t of parsed.tables) tables.push(t);
    expect(tables.map((t) => t.kind)).toEqual(['schema', 'schema']);
    const rows = [];
    for await (const r of tables[1].rows) rows.push(r);
    expect(rows).toHaveLength(2);
  });

  it('decodes Shift_JIS DDL', async () => {
    const sjis = Buffer.from([
      ...Buffer.from("CREATE TABLE t (shimei text COMMENT '"),
      0x8e, 0x81, 0x96, 0xbc, // 氏名 in Shift_JIS
      ...Buffer.from("');\n"),
    ]);
    const parsed = await ddlReader.read(bufferSource('t.sql', 't.sql', sjis), options);
    for await (const t of parsed.tables) expect(t.fields[0].comment).toBe('氏名');
  });

  it('warns when there is no CREATE TABLE', async () => {
    const parsed = await ddlReader.read(bufferSource('t.sql', 't.sql', Buffer.from('SELECT 1;')), options);
    expect(parsed.warnings).toContain('no CREATE TABLE statement found; nothing classified');
  });
});

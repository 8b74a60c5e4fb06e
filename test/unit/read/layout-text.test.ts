import { describe, expect, it } from 'vitest';
import { layoutTextReader, parseLayoutText } from '../../../src/read/layout-text.js';
import { openFile } from '../../../src/read/source.js';
import { memory, readAll } from './helpers.js';

describe('parseLayoutText', () => {
  it('reads field lists under headings, skipping sentences', () => {
    const tables = parseLayoutText('【送信項目】\n氏名、住所、電話番号\n以下の項目を送る。\n- 生年月日\n');
    expect(tables).toHaveLength(1);
    expect(tables[0].name).toBe('送信項目');
    expect(tables[0].fields.map((f) => f.name)).toEqual(['氏名', '住所', '電話番号', '生年月日']);
    expect(tables[0].fields[1].position).toEqual({ line: 2, column: 4 });
  });

  it('reads a Markdown layout definition table', () => {
    const [table] = parseLayoutText('# 連携\n| 項目名 | 桁数 | 備考 |\n|---|--:|---|\n| 個人番号 | 12 | マイナンバー |\n| 氏名 | 40 | |\n');
    expect(table).toMatchObject({ name: '連携', kind: 'layout' });
    expect(table.fields).toEqual([
      { name: '個人番号', comment: 'マイナンバー', position: { line: 4, column: 3 } },
      { name: '氏名', position: { line: 5, column: 3 } },
    ]);
  });

  it('reads a Markdown table of data as a data table with rows', async () => {
    const [table] = parseLayoutText('| 氏名 | メール |\n| --- | --- |\n| 山田 | a@example.jp |\n');
    expect(table.kind).toBe('data');
    expect(table.fields).toEqual([
      { name: '氏名', position: { line: 1, column: 3 } },
      { name: 'メール', position: { line: 1, column: 8 } },
    ]);
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    expect(rows).toEqual([['山田', 'a@example.jp']]);
  });

  it('reads pipe lines without a rule row as text', () => {
    const tables = parseLayoutText('| 氏名 | 住所 |\n');
    expect(tables[0].kind).toBe('layout');
  });
});

describe('layoutTextReader', () => {
  it('reads the layout.md sample', async () => {
    const source = await openFile(new URL('../../../samples/inputs/layout.md', import.meta.url).pathname);
    const result = await readAll(layoutTextReader, source);
    expect(result.tables.map((t) => t.name)).toEqual(['住民税 特別徴収 連携ファイル', '送信項目']);
    expect(result.tables[0].fields.map((f) => f.name)).toEqual(['指定番号', '個人番号', '氏名', '生年月日', '特別徴収税額']);
  });

  it('detects Shift_JIS text', async () => {
    const result = await readAll(layoutTextReader, memory('a.txt', Buffer.from([0x8e, 0x81, 0x96, 0xbc, 0x81, 0x41, 0x8f, 0x5a, 0x8f, 0x8a, 0x0a])));
    expect(result.encoding).toBe('shift_jis');
    expect(result.tables[0].fields.map((f) => f.name)).toEqual(['氏名', '住所']);
  });

  it('refuses empty, BOM-only and binary files', async () => {
    await expect(layoutTextReader.read(memory('a.txt', ''), { sampleRows: 0, allRows: false, limits: {} as never })).rejects.toThrow(/^empty file$/);
    await expect(layoutTextReader.read(memory('a.txt', Buffer.from([0xef, 0xbb, 0xbf])), { sampleRows: 0, allRows: false, limits: {} as never })).rejects.toThrow('empty file (only a byte-order mark)');
    await expect(layoutTextReader.read(memory('a.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), { sampleRows: 0, allRows: false, limits: {} as never })).rejects.toThrow('binary data, not text');
  });
});

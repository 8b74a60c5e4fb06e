import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvReader } from '../../../src/read/csv.js';
import { openRecords } from '../../../src/read/records.js';
import { openFile } from '../../../src/read/source.js';
import { memory, options, readAll } from './helpers.js';

const sample = (name: string) => openFile(new URL(`../../../samples/inputs/${name}`, import.meta.url).pathname);
const names = (table: { fields: { name: string }[] }) => table.fields.map((f) => f.name);

describe('csvReader on the samples', () => {
  it('reads Shift_JIS with a title row, a note and CP932 extension characters', async () => {
    const result = await readAll(csvReader, await sample('sjis-furikae.csv'));
    expect(result.encoding).toBe('shift_jis');
    const [table] = result.tables;
    expect(names(table)).toEqual(['№', '顧客番号', '預金者名', '引落銀行名', '口座番号', '引落金額', '備考']);
    expect(table.fields[1].position).toEqual({ line: 4, column: 2 });
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0][0]).toBe('①');
    expect(table.rows[0][2]).toBe('髙橋 一郎');
    expect(table.rows[1][2]).toBe('山﨑 花子');
    expect(table.rows[1][6]).toBe('㈱サンプル経由');
  });

  it('reads EUC-JP with a title row and a blank line', async () => {
    const result = await readAll(csvReader, await sample('eucjp-members.csv'));
    expect(result.encoding).toBe('euc-jp');
    expect(names(result.tables[0])).toEqual(['会員番号', '氏名', 'フリガナ', '郵便番号', '住所', '電話番号']);
    expect(result.tables[0].fields[0].position).toEqual({ line: 3, column: 1 });
    expect(result.tables[0].rows).toHaveLength(3);
  });

  it('reads UTF-16LE with a BOM, tab-delimited under .csv', async () => {
    const result = await readAll(csvReader, await sample('utf16le-staff.csv'));
    expect(result).toMatchObject({ format: 'tsv', encoding: 'utf-16le' });
    expect(names(result.tables[0])).toEqual(['社員番号', '氏名', '所属', '入社日']);
    expect(result.tables[0].rows[1]).toEqual(['E002', '渡辺 美咲', '経理部', '2018/10/01']);
  });

  it('reads TSV, semicolon and pipe delimiters', async () => {
    expect(names((await readAll(csvReader, await sample('patients.tsv'))).tables[0])).toEqual(['患者ID', '氏名', '生年月日', '病名', '服薬']);
    const semicolon = await readAll(csvReader, await sample('semicolon.csv'));
    expect(names(semicolon.tables[0])).toEqual(['customer_id', 'full_name', 'email', 'points']);
    expect(semicolon.tables[0].rows[0][3]).toBe('1,200');
    expect(names((await readAll(csvReader, await sample('orders.psv'))).tables[0])).toEqual(['注文番号', '注文日', '氏名', 'メールアドレス', '金額']);
  });

  it('combines a two-row header', async () => {
    const [table] = (await readAll(csvReader, await sample('two-row-header.csv'))).tables;
    expect(names(table)).toEqual(['本人 氏名', '本人 生年月日', '本人 住所', '配偶者 氏名', '配偶者 生年月日', '配偶者 続柄']);
    expect(table.fields[3].position).toEqual({ line: 2, column: 4 });
    expect(table.rows).toHaveLength(2);
  });

  it('reads a headerless file from its first row', async () => {
    const [table] = (await readAll(csvReader, await sample('headerless.csv'))).tables;
    expect(table.headerless).toBe(true);
    expect(names(table)).toEqual(['column 1', 'column 2', 'column 3', 'column 4', 'column 5']);
    expect(table.fields[0].position).toBeUndefined();
    expect(table.rows).toHaveLength(3);
  });

  it('skips a units row', async () => {
    const [table] = (await readAll(csvReader, await sample('units-row.csv'))).tables;
    expect(names(table)).toContain('体重');
    expect(table.rows.map((row) => row[0])).toEqual(['K001', 'K002', 'K003']);
  });

  it('warns about ragged rows and stray quotes by count and line, never by content', async () => {
    const [table] = (await readAll(csvReader, await sample('ragged.csv'))).tables;
    expect(table.rows).toHaveLength(5);
    expect(table.warnings).toEqual([
      'stray quotes in 1 of the first 6 records (first at line 5); read leniently',
      '1 row has more cells than the header (first at line 3)',
      '1 row has fewer cells than the header (first at line 4)',
    ]);
  });

  it('reads gzip-compressed CSV', async () => {
    const result = await readAll(csvReader, await sample('contacts.csv.gz'));
    expect(names(result.tables[0])).toEqual(['氏名', 'メールアドレス', '電話番号']);
    expect(result.tables[0].rows).toHaveLength(2);
  });

  it('reports a layout definition as a layout table', async () => {
    const [table] = (await readAll(csvReader, await sample('zengin-layout.csv'))).tables;
    expect(table.kind).toBe('layout');
    expect(names(table)).toContain('預金者名');
    expect(names(table)).toHaveLength(14);
    expect(table.fields.find((f) => f.name === '引落銀行番号')).toEqual({ name: '引落銀行番号', comment: '統一金融機関番号', position: { line: 4, column: 2 } });
    expect(table.rows).toEqual([]);
  });
});

describe('csvReader', () => {
  it('accepts .csv/.tsv/.tab/.psv, and .txt only when it sniffs as delimited', () => {
    for (const name of ['a.csv', 'a.TSV', 'a.tab', 'a.psv']) expect(csvReader.accepts(memory(name, 'x'))).toBe(true);
    expect(csvReader.accepts(memory('a.json', 'x'))).toBe(false);
    const tsv = 'id\tname\tmail\n1\ta\tb\n2\tc\td\n3\te\tf\n';
    expect(csvReader.accepts(memory('export.txt', tsv))).toBe(true);
    expect(csvReader.accepts(memory('fields.txt', '氏名、住所、電話番号\n生年月日、性別\n'))).toBe(false);
    expect(csvReader.accepts(memory('table.txt', '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n'))).toBe(false);
    expect(csvReader.accepts(memory('bin.txt', Buffer.from([0, 1, 2, 3])))).toBe(false);
  });

  it('honours --encoding', async () => {
    const result = await readAll(csvReader, memory('a.csv', Buffer.from([0x8e, 0x81, 0x96, 0xbc, 0x0a, 0x41, 0x0a])), options({ encoding: 'cp932' }));
    expect(result.encoding).toBe('shift_jis');
    expect(names(result.tables[0])).toEqual(['氏名']);
  });

  it('reports utf-8-bom and strips the mark from the first header', async () => {
    const result = await readAll(csvReader, memory('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('氏名,住所\nA,B\n')])));
    expect(result.encoding).toBe('utf-8-bom');
    expect(names(result.tables[0])).toEqual(['氏名', '住所']);
  });

  it('reads quoted fields that span lines, and keeps line numbers right after them', async () => {
    const [table] = (await readAll(csvReader, memory('a.csv', 'メモ,氏名,x\n"1行目\n2行目",山田,1\n"a",b,2,extra\n'))).tables;
    expect(table.rows[0][0]).toBe('1行目\n2行目');
    expect(table.warnings).toEqual(['1 row has more cells than the header (first at line 4)']);
  });

  it('warns about a quote that is never closed', async () => {
    const [table] = (await readAll(csvReader, memory('a.csv', 'a,b\n1,2\n"3,4\n5,6\n'))).tables;
    expect(table.rows).toEqual([['1', '2']]);
    expect(table.warnings).toContain('a quote opened at line 3 is never closed; the rest of the file was not read as rows');
  });

  it('releases the file when the consumer stops early', async () => {
    const lines = ['id,name', ...Array.from({ length: 5000 }, (_, i) => `${i},n${i}`)].join('\n');
    const source = await (async () => memory('a.csv', lines))();
    let destroyed = false;
    const open = source.open;
    source.open = () => {
      const stream = open();
      stream.on('close', () => (destroyed = true));
      return stream;
    };
    const parsed = await csvReader.read(source, options());
    for await (const table of parsed.tables) {
      for await (const row of table.rows) if (row[0] === '3') break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(destroyed).toBe(true);
  });

  it('releases the file at once when only headers are wanted', async () => {
    const parsed = await csvReader.read(memory('a.csv', 'a,b\n1,2\n'), options({ sampleRows: 0 }));
    for await (const table of parsed.tables) {
      const rows = [];
      for await (const row of table.rows) rows.push(row);
      expect(rows).toEqual([]);
    }
  });

  describe('errors', () => {
    const fails = (name: string, bytes: string | Buffer, opts = options()) => csvReader.read(memory(name, bytes), opts);

    it('empty file, BOM only, blank lines only', async () => {
      await expect(fails('a.csv', '')).rejects.toThrow(/^empty file$/);
      await expect(fails('a.csv', Buffer.from([0xef, 0xbb, 0xbf]))).rejects.toThrow('empty file (only a byte-order mark)');
      await expect(fails('a.csv', Buffer.from([0xff, 0xfe]))).rejects.toThrow('empty file (only a byte-order mark)');
      await expect(fails('a.csv', '\n\n,,\n')).rejects.toThrow('no rows (only blank lines)');
    });

    it('binary data under .csv', async () => {
      await expect(fails('a.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).rejects.toThrow('binary data, not text');
    });

    it('invalid UTF-8 when forced, broken Shift_JIS', async () => {
      await expect(fails('a.csv', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x82]), options({ encoding: 'utf-8' }))).rejects.toThrow(/^not valid utf-8 text at byte 4 \(use --encoding/);
      const broken = Buffer.from([0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x81, 0x20, 0x0a]);
      await expect(fails('a.csv', broken, options({ encoding: 'shift_jis' }))).rejects.toThrow(/^not valid shift_jis text at byte 5 \(use --encoding/);
    });

    it('invalid bytes beyond the head fail while rows are read', async () => {
      const body = Buffer.concat([Buffer.from('a,b\n' + '1,2\n'.repeat(20000)), Buffer.from([0xff, 0x0a])]);
      const source = { ...memory('a.csv', body), head: body.subarray(0, 1024), complete: false };
      source.open = () => Readable.from(Array.from({ length: Math.ceil(body.length / 4096) }, (_, i) => body.subarray(i * 4096, (i + 1) * 4096)));
      const parsed = await csvReader.read(source, options({ allRows: true }));
      let rows = 0;
      const read = async () => {
        for await (const table of parsed.tables) for await (const _ of table.rows) rows++;
      };
      await expect(read()).rejects.toThrow(`not valid utf-8 text at byte ${body.length - 2} (use --encoding`);
      expect(rows).toBeGreaterThan(1000);
    });

    it('a record longer than --max-line-bytes', async () => {
      const text = `a,b\n1,${'x'.repeat(200)}\n`;
      const read = async () => {
        const parsed = await csvReader.read(memory('a.csv', text), options({}, { maxLineBytes: 100 }));
        for await (const table of parsed.tables) for await (const _ of table.rows);
      };
      await expect(read()).rejects.toThrow('a record at line 2 is longer than the limit of 100 bytes (raise it with --max-line-bytes)');
    });

    it('more columns than --max-columns', async () => {
      await expect(fails('a.csv', 'a,b,c,d\n1,2,3,4\n', options({}, { maxColumns: 3 }))).rejects.toThrow('line 1 has 4 columns, more than the limit of 3 (raise it with --max-columns)');
    });
  });
});

describe('openRecords', () => {
  it('gives the line each record starts on', async () => {
    const source = memory('a.csv', 'a,b\n\n"x\ny",1\nz,2\n');
    const records = openRecords(source, { name: 'utf-8', label: 'utf-8', bomBytes: 0 }, { delimiter: ',', quote: '"' }, { maxLineBytes: 1000, maxColumns: 10 });
    const lines: number[] = [];
    for (let r = await records.next(); r; r = await records.next()) lines.push(r.line);
    expect(lines).toEqual([1, 2, 3, 5]);
  });

});

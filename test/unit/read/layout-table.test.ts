import { describe, expect, it } from 'vitest';
import { asLayoutDefinition, layoutColumns } from '../../../src/read/layout-table.js';

describe('layoutColumns', () => {
  it('needs a name column and a size or type column', () => {
    expect(layoutColumns(['項番', '項目名', '桁数', '属性', '備考'])).toEqual({ name: 1, shape: [2, 3], description: 4 });
    expect(layoutColumns(['Field Name', 'Type', 'Length', 'Description'])).toEqual({ name: 0, shape: [1, 2], description: 3 });
    expect(layoutColumns(['データ項目', 'バイト数（半角）'])).toEqual({ name: 0, shape: [1] });
    expect(layoutColumns(['項目名', '説明'])).toBeNull();
    expect(layoutColumns(['氏名', '住所', '電話番号'])).toBeNull();
  });

  it('prefers 論理名 over 物理名', () => {
    expect(layoutColumns(['物理名', '論理名', '型'])?.name).toBe(1);
  });
});

describe('asLayoutDefinition', () => {
  it('takes the fields from the name column with the description as comment', () => {
    const table = asLayoutDefinition(
      ['項目名', '桁数', '属性', '備考'],
      [['預金者名', '30', 'C', 'カナ'], ['口座番号', '7', 'N', ''], ['', '', '', ''], ['項目名', '桁数', '属性', '備考'], ['顧客番号', '20', 'N', '']],
      [2, 3, 4, 5, 6],
    );
    expect(table?.kind).toBe('layout');
    expect(table?.fields).toEqual([
      { name: '預金者名', comment: 'カナ', position: { line: 2, column: 1 } },
      { name: '口座番号', position: { line: 3, column: 1 } },
      { name: '顧客番号', position: { line: 6, column: 1 } },
    ]);
  });

  it('accepts COBOL pictures and SQL types as shapes', () => {
    expect(asLayoutDefinition(['name', 'type'], [['customer_name', 'varchar(40)'], ['amount', 'S9(7)V99']])).not.toBeNull();
  });

  it('refuses a data file whose header only reads like one', () => {
    expect(asLayoutDefinition(['name', 'type', 'price'], [['apple', 'fruit', '100'], ['carrot', 'vegetable', '80']])).toBeNull();
    expect(asLayoutDefinition(['項目名', '桁数'], [])).toBeNull();
  });
});

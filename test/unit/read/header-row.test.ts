import { describe, expect, it } from 'vitest';
import { detectHeaderLayout } from '../../../src/read/header-row.js';

const csv = (text: string) => text.trim().split('\n').map((line) => line.split(','));

describe('detectHeaderLayout', () => {
  it('takes a plain first-row header', () => {
    const layout = detectHeaderLayout(csv('氏名,生年月日,電話番号\n山田太郎,1980/01/02,03-1234-5678\n佐藤花子,1990/03/04,06-1111-2222'));
    expect(layout).toEqual({ headerless: false, headerRow: 0, dataStart: 1, names: ['氏名', '生年月日', '電話番号'] });
  });

  it('skips a title line, a note and blank lines', () => {
    const rows = csv('令和5年度 口座振替依頼一覧,,,\n※金額は税込,,,\n,,,\n顧客番号,氏名,口座番号,金額\n0001,山田太郎,1234567,1000\n0002,佐藤花子,7654321,2000');
    const layout = detectHeaderLayout(rows);
    expect(layout.headerRow).toBe(3);
    expect(layout.dataStart).toBe(4);
    expect(layout.names).toEqual(['顧客番号', '氏名', '口座番号', '金額']);
  });

  it('skips a key/value line above the table', () => {
    const rows = csv('作成日,2023/04/01,,\n顧客番号,氏名,口座番号,金額\n0001,山田太郎,1234567,1000\n0002,佐藤花子,7654321,2000');
    expect(detectHeaderLayout(rows).headerRow).toBe(1);
  });

  it('skips a units row under the header', () => {
    const rows = csv('氏名,身長,体重,年収\n,(cm),（kg）,（円）\n山田,170,60,5000000\n佐藤,160,50,4000000');
    const layout = detectHeaderLayout(rows);
    expect(layout).toMatchObject({ headerRow: 0, dataStart: 2, names: ['氏名', '身長', '体重', '年収'] });
  });

  it('combines a two-row header with merged group cells', () => {
    const rows = csv('本人,,,配偶者,,\n氏名,生年月日,住所,氏名,生年月日,続柄\n山田太郎,1980/01/02,東京都,山田花子,1982/05/06,妻');
    const layout = detectHeaderLayout(rows);
    expect(layout.groupRow).toBe(0);
    expect(layout.headerRow).toBe(1);
    expect(layout.dataStart).toBe(2);
    expect(layout.names).toEqual(['本人 氏名', '本人 生年月日', '本人 住所', '配偶者 氏名', '配偶者 生年月日', '配偶者 続柄']);
  });

  it('combines a group row that starts after an ungrouped column', () => {
    const rows = csv(',基本情報,,連絡先,\nID,氏名,性別,電話,メール\n1,山田,男,03-1234-5678,a@example.jp');
    expect(detectHeaderLayout(rows).names).toEqual(['ID', '基本情報 氏名', '基本情報 性別', '連絡先 電話', '連絡先 メール']);
  });

  it('does not take a title directly above the header for a group row', () => {
    const rows = csv('口座振替依頼一覧,,\n氏名,口座番号,金額\n山田,1234567,1000');
    const layout = detectHeaderLayout(rows);
    expect(layout.groupRow).toBeUndefined();
    expect(layout.names).toEqual(['氏名', '口座番号', '金額']);
  });

  it('reports headerless data', () => {
    const rows = csv('山田太郎,1980/01/02,taro@example.jp\n佐藤花子,1990/03/04,hanako@example.jp');
    expect(detectHeaderLayout(rows)).toEqual({ headerless: true, headerRow: -1, dataStart: 0, names: ['column 1', 'column 2', 'column 3'] });
  });

  it('names blank header cells by position', () => {
    const rows = csv('氏名,,住所\n山田,x,東京');
    expect(detectHeaderLayout(rows).names).toEqual(['氏名', 'column 2', '住所']);
  });

  it('accepts year columns when the rows below are numbers', () => {
    const rows = csv('部門,2022年度,2023,備考\n営業,100,200,\n総務,300,400,');
    expect(detectHeaderLayout(rows).headerRow).toBe(0);
  });

  it('handles a single-column file and no rows', () => {
    expect(detectHeaderLayout([['メールアドレス'], ['a@example.jp']]).names).toEqual(['メールアドレス']);
    expect(detectHeaderLayout([['a@example.jp'], ['b@example.jp']]).headerless).toBe(true);
    expect(detectHeaderLayout([])).toEqual({ headerless: true, headerRow: -1, dataStart: 0, names: [] });
  });
});

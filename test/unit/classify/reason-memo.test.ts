import { describe, expect, it } from 'vitest';
import { memoByEntry, memoByPair } from '../../../src/classify/reason-memo.js';
import type { DictionaryEntry } from '../../../src/dictionary/schema.js';

const entry = (id: string): DictionaryEntry => ({ id, term: id, category: 'personal', subcategory: 'id', weight: 0.9 });

describe('reason memos', () => {
  it('build a reason once per entry, token and flag', () => {
    let built = 0;
    const reason = memoByEntry((e, token, flag) => (built++, { rule: 'dictionary', text: `${e.id} ${token} ${flag}` }));
    const a = entry('a');
    const first = reason(a, '番号');
    expect(reason(a, '番号')).toBe(first);
    expect(reason(a, '番号', true)).not.toBe(first);
    expect(reason(a, 'no')).not.toBe(first);
    expect(reason(entry('a'), '番号')).not.toBe(first); // another entry object, even with the same id
    expect(built).toBe(4);
  });

  it('build a reason once per pair of entries and tokens, telling the order apart', () => {
    let built = 0;
    const reason = memoByPair((h, m, ht, mt) => (built++, { rule: 'inherit', text: `${h.id}:${ht} after ${m.id}:${mt}` }));
    const head = entry('head');
    const from = entry('from');
    const first = reason(head, from, '番号', '顧客');
    expect(reason(head, from, '番号', '顧客')).toBe(first);
    expect(first.text).toBe('head:番号 after from:顧客');
    expect(reason(from, head, '番号', '顧客')).not.toBe(first);
    expect(reason(head, from, '顧客', '番号')).not.toBe(first);
    expect(reason(head, from, '番号', '会員')).not.toBe(first);
    expect(built).toBe(4);
  });
});

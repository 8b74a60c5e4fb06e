import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/dictionary/compile.js';
import { loadDictionaries } from '../../../src/dictionary/load.js';

describe('compile', () => {
  const { entries } = loadDictionaries();
  const compiled = compile(entries);

  it('keeps every field of every entry, and only those (undefined where an entry has none)', () => {
    expect(compiled.entries).toHaveLength(entries.length);
    compiled.entries.forEach((entry, i) => {
      expect(JSON.parse(JSON.stringify(entry))).toStrictEqual(JSON.parse(JSON.stringify(entries[i])));
      for (const [field, value] of Object.entries(entry)) if (!(field in entries[i])) expect(value).toBeUndefined();
    });
  });

  it('gives every entry the same fields in the same order (one hidden class for the segmenter and head rule)', () => {
    // The loaded entries differ in which optional fields they have; the compiled ones must not.
    expect(new Set(entries.map((e) => Object.keys(e).join())).size).toBeGreaterThan(1);
    expect(new Set(compiled.entries.map((e) => Object.keys(e).join())).size).toBe(1);
  });

  it('points the trie and the id index at the compiled entries', () => {
    const own = new Set(compiled.entries);
    for (const hit of compiled.trie.hits) expect(own.has(hit.entry)).toBe(true);
    for (const entry of compiled.byId.values()) expect(own.has(entry)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect } from './helpers.js';
import { jsonReader } from '../../../src/read/json.js';
import { bufferSource } from '../../../src/read/source.js';
import { DEFAULT_LIMITS, ReadError, type ReadOptions } from '../../../src/read/types.js';

const options = (more: Partial<ReadOptions> = {}): ReadOptions => ({ sampleRows: 100, allRows: false, limits: DEFAULT_LIMITS, ...more });
const sampleBytes = (name: string) => readFileSync(new URL(`../../../samples/inputs/${name}`, import.meta.url));

const read = (name: string, text: string | Buffer, more: Partial<ReadOptions> = {}) =>
  jsonReader.read(bufferSource(name, name, Buffer.isBuffer(text) ? text : Buffer.from(text)), options(more));

async function errorOf(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return error as ReadError;
  }
  throw new Error('expected a ReadError');
}

describe('jsonReader: .json', () => {
  it('turns an object holding an array of records into tables with dotted and [] paths', async () => {
    const parsed = await jsonReader.read(bufferSource('customers.json', 'customers.json', sampleBytes('customers.json')), options());
    const [top, customers] = await collect(parsed);
    expect(top.table.name).toBe('(top level)');
    expect(top.table.fields.map((f) => f.name)).toEqual(['exported_at', 'source.system', 'source.version']);
    expect(customers.table.name).toBe('customers');
    expect(customers.table.fields.map((f) => f.name)).toEqual([
      'customer_id', 'customer.name', 'customer.name_kana', 'customer.birth_date', 'customer.phone', 'customer.email',
      'customer.address.zip', 'customer.address.pref', 'customer.address.line1', 'tags', 'orders[].order_id', 'orders[].amount',
      'orders[].ordered_on', 'orders[].coupon', 'my_number_provided',
    ]);
    expect(customers.rows).toHaveLength(2);
    const amount = customers.table.fields.findIndex((f) => f.name === 'orders[].amount');
    expect(customers.rows[0][amount]).toBe('1200, 3400');
    const tags = customers.table.fields.findIndex((f) => f.name === 'tags');
    expect(customers.rows[0][tags]).toBe('vip, newsletter');
    expect(customers.rows[1][tags]).toBeNull();
    // Positions: where each key is first seen.
    const zip = customers.table.fields.find((f) => f.name === 'customer.address.zip');
    expect(zip?.position).toEqual({ line: 13, column: 22 });
  });

  it('reads a top-level array and a lone object', async () => {
    const [array] = await collect(await read('a.json', '[{"a":1},{"b":{"c":2}}, 3]'));
    expect(array.table.name).toBeUndefined();
    expect(array.table.fields.map((f) => f.name)).toEqual(['a', 'b.c']);
    expect(array.rows).toEqual([['1', undefined], [undefined, '2']]);
    const [one] = await collect(await read('o.json', '{"shimei":"x","jusho":{"zip":"1"}}'));
    expect(one.table.fields.map((f) => f.name)).toEqual(['shimei', 'jusho.zip']);
    expect(one.rows).toHaveLength(1);
  });

  it('samples only sampleRows rows but takes fields from more records', async () => {
    const records = Array.from({ length: 50 }, (_, i) => (i === 40 ? { late: i } : { n: i }));
    const [t] = await collect(await read('a.json', JSON.stringify(records), { sampleRows: 5 }));
    expect(t.rows).toHaveLength(5);
    expect(t.table.fields.map((f) => f.name)).toEqual(['n', 'late']);
  });

  it('reports invalid JSON by line and column without quoting the content', async () => {
    const error = await errorOf(read('bad.json', '{\n  "secret": "090-0000-0001",\n  oops\n}'));
    expect(error.message).toBe('invalid JSON at line 3 column 3');
    expect(error.message).not.toContain('090');
  });

  it('refuses nesting deeper than the limit', async () => {
    const deep = '['.repeat(10) + ']'.repeat(10);
    const error = await errorOf(read('deep.json', deep, { limits: { ...DEFAULT_LIMITS, maxJsonDepth: 5 } }));
    expect(error.message).toBe('nesting deeper than 5 levels (raise it with --max-json-depth)');
    // Far deeper than the stack would allow for a recursive parser: refused, not crashed.
    const hostile = '['.repeat(200_000);
    expect((await errorOf(read('deep.json', hostile))).message).toMatch(/^nesting deeper than 64 levels/);
  });

  it('reads JSON Lines saved as .json, with a warning', async () => {
    const parsed = await read('l.json', '{"a":1}\n{"b":2}\n');
    expect(parsed.warnings[0]).toMatch(/JSON Lines content/);
    const [t] = await collect(parsed);
    expect(t.table.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('warns on a document with no records', async () => {
    expect((await read('s.json', '[1,2,3]')).warnings).toContain('the top-level array holds no objects; nothing classified');
    expect((await errorOf(read('e.json', '  \n'))).message).toBe('empty file');
  });
});

describe('jsonReader: JSON Lines', () => {
  it('streams records line by line, with the line of the first record that has a key', async () => {
    const parsed = await jsonReader.read(bufferSource('events.jsonl', 'events.jsonl', sampleBytes('events.jsonl')), options());
    expect(parsed.format).toBe('jsonl');
    const [t] = await collect(parsed);
    const names = t.table.fields.map((f) => f.name);
    expect(names).toEqual([
      'event_id', 'at', 'type', 'user.id', 'user.email', 'ip', 'changes', 'items[].sku', 'items[].price', 'session.device', 'session.location.pref',
    ]);
    expect(t.table.fields.find((f) => f.name === 'items[].sku')?.position?.line).toBe(4);
    expect(t.rows).toHaveLength(4);
  });

  it('stops at the sample and reads all rows in a second pass with allRows', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => JSON.stringify(i === 2500 ? { late: 1 } : { n: i })).join('\n');
    const [sampled] = await collect(await read('x.ndjson', text, { sampleRows: 10 }));
    expect(sampled.rows).toHaveLength(10);
    expect(sampled.table.fields.map((f) => f.name)).toEqual(['n']); // line 2501 is past the 1000 records scanned
    const [all] = await collect(await read('x.ndjson', text, { allRows: true }));
    expect(all.rows).toHaveLength(3000);
    expect(all.table.fields.map((f) => f.name)).toEqual(['n', 'late']);
  });

  it('reports the invalid line and column, skips non-object lines with a warning', async () => {
    expect((await errorOf(read('x.jsonl', '{"a":1}\n{"a":\n'))).message).toBe('invalid JSON at line 2 column 6');
    const parsed = await read('x.jsonl', '{"a":1}\n[1]\n"s"\r\n{"b":2}');
    expect(parsed.warnings).toContain('2 line(s) are not JSON objects; skipped');
  });

  it('refuses a line longer than maxLineBytes', async () => {
    const error = await errorOf(read('x.jsonl', `{"a":"${'x'.repeat(100)}"}`, { limits: { ...DEFAULT_LIMITS, maxLineBytes: 50 } }));
    expect(error.message).toBe('line 1 is longer than 50 bytes (raise it with --max-line-bytes)');
  });
});

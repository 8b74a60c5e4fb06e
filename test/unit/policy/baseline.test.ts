import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baselineCategories, buildBaseline, filterByBaseline, readBaseline, serializeBaseline, writeBaseline } from '../../../src/policy/baseline.js';
import { findFailures, fingerprint } from '../../../src/report/gate.js';
import type { Category, FieldReport, FileReport } from '../../../src/types.js';

const field = (name: string, index: number, category: Category, declared = false): FieldReport => ({
  name,
  index,
  category,
  subcategory: null,
  confidence: 0.9,
  reasons: [],
  ...(declared ? { declared: { path: 'x', category, purpose: 'p' } } : {}),
});
const file = (path: string, fields: FieldReport[], table?: string): FileReport => ({ path, category: 'my_number', warnings: [], tables: [{ ...(table ? { name: table } : {}), kind: 'data', rowsSampled: 1, fields }] });

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kojin-baseline-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('baseline', () => {
  const files = [
    file('b.csv', [field('マイナンバー', 0, 'my_number'), field('氏名', 1, 'personal'), field('memo', 2, 'unknown'), field('金額', 3, 'none')]),
    file('a.sql', [field('kojin_bango', 0, 'my_number'), field('declared_no', 1, 'my_number', true)], 'shain'),
  ];

  it('records my_number, sensitive, personal plus the failOn categories', () => {
    expect(baselineCategories([])).toEqual(['my_number', 'sensitive', 'personal']);
    expect(baselineCategories(['unknown'])).toEqual(['my_number', 'sensitive', 'personal', 'unknown']);
  });

  it('lists undeclared findings sorted, by fingerprint, with a version and no values', () => {
    const baseline = buildBaseline(files, { categories: baselineCategories([]), cwd: root, baselineDir: root });
    expect(baseline.version).toBe(1);
    expect(baseline.findings.map((f) => `${f.path}:${f.field}`)).toEqual(['a.sql:kojin_bango', 'b.csv:マイナンバー', 'b.csv:氏名']);
    expect(baseline.findings[0]).toEqual({ fingerprint: fingerprint('a.sql', 'shain', 'kojin_bango', 'my_number'), path: 'a.sql', table: 'shain', field: 'kojin_bango', category: 'my_number' });
    // Stable: the same scan gives the same bytes.
    expect(serializeBaseline(buildBaseline([...files].reverse(), { categories: baselineCategories([]), cwd: root, baselineDir: root }))).toBe(serializeBaseline(baseline));
  });

  it('accepts only the findings it lists; a new one still fails', async () => {
    const path = join(root, 'kojin-baseline.json');
    await writeBaseline(path, buildBaseline(files, { categories: ['my_number'], cwd: root, baselineDir: root }));
    const accepted = await readBaseline(path, root);
    const later = [...files, file('new.csv', [field('個人番号', 0, 'my_number')])];
    const { failures, accepted: n } = filterByBaseline(findFailures(later, { failOn: ['my_number'] }), accepted, { cwd: root, baselineDir: root });
    expect(failures.map((f) => `${f.path}:${f.field}`)).toEqual(['new.csv:個人番号']);
    expect(n).toBe(2);
  });

  it('a changed category is a new finding', async () => {
    const baseline = buildBaseline(files, { categories: baselineCategories([]), cwd: root, baselineDir: root });
    const changed = [file('b.csv', [field('氏名', 1, 'sensitive')])];
    const accepted = new Set(baseline.findings.map((f) => f.fingerprint));
    expect(filterByBaseline(findFailures(changed, { failOn: ['sensitive'] }), accepted, { cwd: root, baselineDir: root }).failures).toHaveLength(1);
  });

  it('paths are relative to the baseline file, so the working directory does not matter', () => {
    const baseline = buildBaseline([file('data/x.csv', [field('個人番号', 0, 'my_number')])], { categories: ['my_number'], cwd: root, baselineDir: root });
    expect(baseline.findings[0].path).toBe('data/x.csv');
    const accepted = new Set(baseline.findings.map((f) => f.fingerprint));
    const fromSub = findFailures([file('x.csv', [field('個人番号', 0, 'my_number')])], { failOn: ['my_number'] });
    expect(filterByBaseline(fromSub, accepted, { cwd: join(root, 'data'), baselineDir: root }).failures).toEqual([]);
  });

  it('rejects unreadable or malformed baselines with one-line errors', async () => {
    await expect(readBaseline(join(root, 'missing.json'), root)).rejects.toThrow(/^--baseline: missing\.json: cannot read \(ENOENT\)$/);
    writeFileSync(join(root, 'bad.json'), '{');
    await expect(readBaseline(join(root, 'bad.json'), root)).rejects.toThrow(/not JSON/);
    writeFileSync(join(root, 'v2.json'), '{"version": 2, "findings": []}');
    await expect(readBaseline(join(root, 'v2.json'), root)).rejects.toThrow(/version: expected 1/);
    writeFileSync(join(root, 'f.json'), '{"version": 1, "findings": [{}]}');
    await expect(readBaseline(join(root, 'f.json'), root)).rejects.toThrow(/findings\[0\]\.fingerprint/);
  });

  it('writes JSON ending in a newline', async () => {
    const path = join(root, 'b.json');
    await writeBaseline(path, buildBaseline(files, { categories: ['my_number'], cwd: root, baselineDir: root }));
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text).tool).toBe('kojin');
  });
});

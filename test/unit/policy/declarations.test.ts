import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDeclarations, declarationSnippet, declarationWarnings, isIncompletePurpose } from '../../../src/policy/declarations.js';
import type { PolicyDeclaration } from '../../../src/policy/schema.js';
import { findFailures } from '../../../src/report/gate.js';
import type { Category, FieldReport, FileReport } from '../../../src/types.js';

const ROOT = join('/', 'repo');

const field = (name: string, index: number, category: Category): FieldReport => ({ name, index, category, subcategory: null, confidence: 0.9, reasons: [] });

const payroll: FileReport = {
  path: 'hr/payroll.csv',
  category: 'my_number',
  warnings: [],
  tables: [{ kind: 'data', rowsSampled: 2, fields: [field('社員番号', 0, 'personal'), field('氏名', 1, 'personal'), field('マイナンバー', 2, 'my_number'), field('病歴', 3, 'sensitive')] }],
};
const headerless: FileReport = {
  path: 'data/export.csv',
  category: 'my_number',
  warnings: [],
  tables: [{ kind: 'data', rowsSampled: 2, fields: [field('column 1', 0, 'unknown'), field('column 2', 1, 'my_number')] }],
};
const workbook: FileReport = {
  path: 'hr/staff.xlsx',
  category: 'my_number',
  warnings: [],
  tables: [
    { name: '社員名簿', kind: 'data', rowsSampled: 2, fields: [field('個人番号', 0, 'my_number')] },
    { name: '扶養', kind: 'data', rowsSampled: 2, fields: [field('個人番号', 0, 'my_number')] },
  ],
};
const files = [headerless, payroll, workbook];

const decl = (d: Partial<PolicyDeclaration> & { path: string }): PolicyDeclaration => ({ category: 'my_number', purpose: '源泉徴収票の作成', owner: '人事部', ...d });
const apply = (declarations: PolicyDeclaration[], existsOnDisk = () => false, cwd = ROOT) => applyDeclarations(files, declarations, { cwd, configDir: ROOT, existsOnDisk });
const declaredNames = (result: { files: FileReport[] }) =>
  result.files.flatMap((f) => f.tables.flatMap((t) => t.fields.filter((x) => x.declared).map((x) => `${f.path}${t.name ? `[${t.name}]` : ''}:${x.name}`)));

describe('declarations', () => {
  it('covers a field by path glob and field name; the field keeps its category and shows purpose and owner', () => {
    const result = apply([decl({ path: 'hr/*.csv', field: 'マイナンバー' })]);
    expect(declaredNames(result)).toEqual(['hr/payroll.csv:マイナンバー']);
    const covered = result.files[1].tables[0].fields[2];
    expect(covered.category).toBe('my_number');
    expect(covered.declared).toEqual({ path: 'hr/*.csv', field: 'マイナンバー', category: 'my_number', purpose: '源泉徴収票の作成', owner: '人事部' });
    expect(findFailures(result.files, { failOn: ['my_number'] }).map((f) => f.path)).toEqual(['data/export.csv', 'hr/staff.xlsx', 'hr/staff.xlsx']);
    expect(files[1].tables[0].fields[2].declared).toBeUndefined(); // input unchanged
  });

  it('compares field names after NFKC and trimming', () => {
    const result = apply([decl({ path: 'hr/payroll.csv', field: ' ﾏｲﾅﾝﾊﾞｰ ' })]);
    expect(declaredNames(result)).toEqual(['hr/payroll.csv:マイナンバー']);
  });

  it('matches a 1-based column index', () => {
    const result = apply([decl({ path: 'data/*.csv', column: 2 })]);
    expect(declaredNames(result)).toEqual(['data/export.csv:column 2']);
  });

  it('matches a table name, or every table when none is given', () => {
    expect(declaredNames(apply([decl({ path: 'hr/staff.xlsx', table: '扶養', field: '個人番号' })]))).toEqual(['hr/staff.xlsx[扶養]:個人番号']);
    expect(declaredNames(apply([decl({ path: '**/*.xlsx', field: '個人番号' })]))).toEqual(['hr/staff.xlsx[社員名簿]:個人番号', 'hr/staff.xlsx[扶養]:個人番号']);
  });

  it('a declaration with neither field nor column covers every field of the file up to its category', () => {
    const result = apply([decl({ path: 'hr/payroll.csv', category: 'sensitive' })]);
    expect(declaredNames(result)).toEqual(['hr/payroll.csv:社員番号', 'hr/payroll.csv:氏名', 'hr/payroll.csv:病歴']);
  });

  it('a weaker category does not cover: a my_number field declared as personal still fails', () => {
    const result = apply([decl({ path: 'hr/payroll.csv', field: 'マイナンバー', category: 'personal' })]);
    expect(declaredNames(result)).toEqual([]);
    const failures = findFailures(result.files, { failOn: ['my_number'] });
    const failure = failures.find((f) => f.field === 'マイナンバー')!;
    expect(result.notes.get(failure.fingerprint)).toContain('says personal, which does not cover my_number');
    const { other, stale } = declarationWarnings(result.outcomes, 'kojin.config.yaml');
    expect(stale).toEqual([]);
    expect(other[0]).toContain('says personal but hr/payroll.csv field "マイナンバー" is my_number');
  });

  it('a stronger category covers a weaker field', () => {
    expect(declaredNames(apply([decl({ path: 'hr/payroll.csv', field: '氏名', category: 'my_number' })]))).toEqual(['hr/payroll.csv:氏名']);
  });

  it('a TODO or empty purpose is incomplete and covers nothing', () => {
    for (const purpose of ['TODO: 利用目的', 'todo', '  ', '', 'ＴＯＤＯ 後で']) {
      const result = apply([decl({ path: 'hr/payroll.csv', field: 'マイナンバー', purpose })]);
      expect(declaredNames(result)).toEqual([]);
      expect(result.outcomes[0].incomplete).toBe(true);
      expect(declarationWarnings(result.outcomes, 'kojin.config.yaml').other[0]).toContain('is incomplete');
      const failure = findFailures(result.files, { failOn: ['my_number'] }).find((f) => f.field === 'マイナンバー')!;
      expect(result.notes.get(failure.fingerprint)).toContain('no purpose yet');
    }
    expect(isIncompletePurpose('都道府県への報告')).toBe(false);
    expect(isIncompletePurpose('todofuken reporting')).toBe(false);
  });

  it('a declaration that matches nothing is stale: no such field, or no such file', () => {
    const result = apply([decl({ path: 'hr/payroll.csv', field: '個人番号' }), decl({ path: 'gone/*.csv', field: 'x' }), decl({ path: 'hr/payroll.csv', column: 9 })]);
    expect(result.outcomes.map((o) => [o.stale, o.staleReason])).toEqual([
      [true, 'no-field'],
      [true, 'no-file'],
      [true, 'no-field'],
    ]);
    const { stale } = declarationWarnings(result.outcomes, 'kojin.config.yaml');
    expect(stale).toHaveLength(3);
    expect(stale[1]).toBe('kojin.config.yaml: declarations[1] (path "gone/*.csv", field "x") matches nothing (no such file); update or remove it');
  });

  it('is not stale when its files exist but were not scanned this run, or could not be read', () => {
    expect(apply([decl({ path: 'other/*.csv', field: 'x' })], () => true).outcomes[0].stale).toBe(false);
    const unreadable: FileReport = { path: 'broken.csv', tables: [], category: 'unknown', warnings: [], error: 'cannot read' };
    const result = applyDeclarations([unreadable], [decl({ path: 'broken.csv', field: 'x' })], { cwd: ROOT, configDir: ROOT, existsOnDisk: () => false });
    expect(result.outcomes[0].stale).toBe(false);
  });

  it('matches paths relative to the config directory when kojin runs from a subdirectory', () => {
    const sub = [{ ...payroll, path: 'payroll.csv' }];
    const result = applyDeclarations(sub, [decl({ path: 'hr/payroll.csv', field: 'マイナンバー' })], { cwd: join(ROOT, 'hr'), configDir: ROOT, existsOnDisk: () => false });
    expect(result.files[0].tables[0].fields[2].declared?.purpose).toBe('源泉徴収票の作成');
  });

  it('the first covering declaration wins; standard input never matches', () => {
    const result = apply([decl({ path: 'hr/payroll.csv', field: 'マイナンバー', purpose: 'first' }), decl({ path: 'hr/*', field: 'マイナンバー', purpose: 'second' })]);
    expect(result.files[1].tables[0].fields[2].declared?.purpose).toBe('first');
    const stdin = applyDeclarations([{ ...payroll, path: '-' }], [decl({ path: '**', field: 'マイナンバー' })], { cwd: ROOT, configDir: ROOT, existsOnDisk: () => true });
    expect(stdin.files[0].tables[0].fields[2].declared).toBeUndefined();
  });

  it('writes a one-line YAML hint for a failure', () => {
    expect(declarationSnippet({ path: 'hr/payroll.csv', field: 'マイナンバー', category: 'my_number' }, ROOT, ROOT)).toBe(
      'declarations: - {path: "hr/payroll.csv", field: "マイナンバー", category: my_number, purpose: "<利用目的>", owner: "<team>"}',
    );
    expect(declarationSnippet({ path: 'export.csv', field: 'column 2', category: 'my_number' }, join(ROOT, 'data'), ROOT)).toBe(
      'declarations: - {path: "data/export.csv", column: 2, category: my_number, purpose: "<利用目的>", owner: "<team>"}',
    );
    expect(declarationSnippet({ path: 'hr/staff.xlsx', table: '扶養', field: '個人番号', category: 'my_number' }, ROOT, ROOT)).toContain('table: "扶養", field: "個人番号"');
  });
});

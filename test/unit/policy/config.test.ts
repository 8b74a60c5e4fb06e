import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, findConfig, loadConfig, makeIgnorePredicate, readConfig } from '../../../src/policy/config.js';
import { configProblems, keyPath } from '../../../src/policy/schema.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kojin-config-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  const file = join(root, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
};

describe('config discovery', () => {
  it('walks up from the working directory to the first config', () => {
    const file = write('kojin.config.yaml', 'failOn: [my_number]\n');
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    expect(findConfig(join(root, 'a/b/c'))).toBe(file);
    expect(loadConfig(join(root, 'a/b/c'))?.failOn).toEqual(['my_number']);
  });

  it('prefers the nearest directory, and kojin.config.yaml over .kojinrc.* in one directory', () => {
    write('kojin.config.yaml', 'sample: 1\n');
    write('sub/.kojinrc.json', '{"sample": 2}');
    write('sub/.kojinrc.yml', 'sample: 3\n');
    expect(loadConfig(join(root, 'sub'))?.sample).toBe(3);
    write('sub/kojin.config.yaml', 'sample: 4\n');
    expect(loadConfig(join(root, 'sub'))?.sample).toBe(4);
    expect(loadConfig(root)?.sample).toBe(1);
  });

  it('reads each alias: .kojinrc.yaml, .kojinrc.yml, .kojinrc.json', () => {
    for (const [name, text] of [
      ['.kojinrc.yaml', 'sample: 5\n'],
      ['.kojinrc.yml', 'sample: 5\n'],
      ['.kojinrc.json', '{"sample": 5}'],
    ] as const) {
      const dir = mkdtempSync(join(root, 'alias-'));
      writeFileSync(join(dir, name), text);
      expect(loadConfig(dir)?.sample).toBe(5);
    }
  });

  it('returns undefined when there is none up to the filesystem root', () => {
    mkdirSync(join(root, 'x'), { recursive: true });
    // tmpdir() and its parents hold no kojin config on a sane machine.
    expect(findConfig(join(root, 'x'))).toBeUndefined();
  });

  it('--config names a file explicitly; a missing one is a one-line error', () => {
    write('conf/custom.yaml', 'failOn: [sensitive]\n');
    expect(loadConfig(root, 'conf/custom.yaml')?.failOn).toEqual(['sensitive']);
    expect(() => loadConfig(root, 'nope.yaml')).toThrow(/^--config: nope\.yaml: no such file$/);
  });

  it('resolves dictionaries relative to the config file; an empty file is an empty config', () => {
    write('cfg/kojin.config.yaml', 'dictionaries: [dict/extra.yaml]\ndisable: [personal.name]\n');
    const config = readConfig(join(root, 'cfg/kojin.config.yaml'), root);
    expect(config.dictionaries).toEqual([join(root, 'cfg/dict/extra.yaml')]);
    expect(config.disable).toEqual(['personal.name']);
    expect(config.dir).toBe(join(root, 'cfg'));
    write('empty/kojin.config.yaml', '');
    expect(readConfig(join(root, 'empty/kojin.config.yaml')).declarations).toEqual([]);
  });
});

describe('config validation', () => {
  const fails = (text: string, name = 'kojin.config.yaml') => {
    const file = write(name, text);
    try {
      readConfig(file, root);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('names the file and the key path in one line', () => {
    const message = fails('declarations:\n  - path: a.csv\n    field: x\n    category: secret\n    purpose: tax\n');
    expect(message).toBe('kojin.config.yaml: declarations[0].category: must be one of my_number, sensitive, personal, none, unknown');
    expect(message).not.toContain('\n');
  });

  it('reports unknown keys, missing keys, wrong types and bad failOn values', () => {
    expect(fails('failon: [my_number]\n')).toBe('kojin.config.yaml: failon: unknown key');
    expect(fails('declarations:\n  - {path: a.csv, category: my_number}\n')).toBe('kojin.config.yaml: declarations[0].purpose: required');
    expect(fails('sample: many\n')).toBe('kojin.config.yaml: sample: must be an integer');
    expect(fails('failOn: [none]\n')).toContain('failOn[0]: must be one of my_number, sensitive, personal, unknown');
    expect(fails('declarations:\n  - {path: a.csv, column: 0, category: personal, purpose: p}\n')).toContain('declarations[0].column: must be >= 1');
    expect(fails('- just\n- a list\n')).toBe('kojin.config.yaml: (top level): must be an object');
  });

  it('reports YAML and JSON syntax errors in one line', () => {
    expect(fails('failOn: [my_number\n')).toMatch(/^kojin\.config\.yaml: invalid YAML: [^\n]+$/);
    expect(fails('{"failOn": ', '.kojinrc.json')).toMatch(/^\.kojinrc\.json: invalid JSON: [^\n]+$/);
  });

  it('accepts a full config', () => {
    expect(
      configProblems({
        $schema: './schema/kojin.config.schema.json',
        dictionaries: ['d.yaml'],
        disable: ['x'],
        ignore: ['fixtures/**'],
        failOn: ['my_number', 'sensitive'],
        sample: 0,
        declarations: [
          { path: 'hr/*.csv', field: 'マイナンバー', category: 'my_number', purpose: '源泉徴収', owner: '人事部' },
          { path: 'x.xlsx', table: 'Sheet1', column: 3, category: 'personal', purpose: '顧客管理' },
        ],
      }),
    ).toEqual([]);
  });

  it('turns JSON pointers into key paths', () => {
    expect(keyPath('/declarations/12/field')).toBe('declarations[12].field');
    expect(keyPath('')).toBe('');
  });
});

describe('ignore rules', () => {
  it('combines config globs (relative to the config, matching parent directories) and .kojinignore', () => {
    write('kojin.config.yaml', 'ignore: ["fixtures", "**/*.tmp.csv"]\n');
    write('.kojinignore', '# comment\nvendor/\n*.bak.csv\n!keep.bak.csv\n');
    const config = readConfig(join(root, 'kojin.config.yaml'));
    const isIgnored = makeIgnorePredicate(root, config)!;
    expect(isIgnored('fixtures/a/b.csv')).toBe(true);
    expect(isIgnored('data/x.tmp.csv')).toBe(true);
    expect(isIgnored('vendor/lib/x.csv')).toBe(true);
    expect(isIgnored('old.bak.csv')).toBe(true);
    expect(isIgnored('keep.bak.csv')).toBe(false);
    expect(isIgnored('data/payroll.csv')).toBe(false);
  });

  it('evaluates paths from a subdirectory cwd against the config directory', () => {
    write('kojin.config.yaml', 'ignore: ["data/old/**"]\n');
    mkdirSync(join(root, 'data'), { recursive: true });
    const config = readConfig(join(root, 'kojin.config.yaml'));
    const isIgnored = makeIgnorePredicate(join(root, 'data'), config)!;
    expect(isIgnored('old/x.csv')).toBe(true);
    expect(isIgnored('new/x.csv')).toBe(false);
    expect(isIgnored('../outside.csv')).toBe(false);
  });

  it('is undefined when there are no rules', () => {
    expect(makeIgnorePredicate(root)).toBeUndefined();
  });
});

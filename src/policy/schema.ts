// Validation of a parsed config object against the published JSON Schema
// (schema/kojin.config.schema.json), with errors that name the bad key path in one line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Category, Declaration } from '../types.js';
import { packageFile } from '../paths.js';

/** A declaration as written in a config file (types.ts's Declaration plus an optional table). */
export interface PolicyDeclaration extends Declaration {
  table?: string;
}

/** The config file's content after validation (paths as written). */
export interface RawConfig {
  $schema?: string;
  dictionaries?: string[];
  disable?: string[];
  ignore?: string[];
  failOn?: Category[];
  sample?: number;
  declarations?: PolicyDeclaration[];
}

export const CONFIG_SCHEMA_PATH = packageFile('schema', 'kojin.config.schema.json');

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as object;
  // Loaded only when a config file exists: ajv is the largest module kojin would load at start-up.
  // It is CommonJS; its export's .default is the class.
  const loaded = createRequire(import.meta.url)('ajv') as { default?: typeof AjvModule.default } & typeof AjvModule.default;
  const Ajv = (loaded.default ?? loaded) as typeof AjvModule.default;
  const fn = new Ajv({ allErrors: true, strict: false }).compile(schema);
  compiled = fn;
  return fn;
}

/** Problems as "key.path: message" strings; empty when the config is valid. */
export function configProblems(data: unknown): string[] {
  const validate = validator();
  if (validate(data)) return [];
  return dedupe((validate.errors ?? []).map(describe));
}

export function isRawConfig(data: unknown): data is RawConfig {
  return configProblems(data).length === 0;
}

function describe(error: ErrorObject): string {
  const path = keyPath(error.instancePath);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at(String(params.additionalProperty))}: unknown key`;
    case 'required':
      return `${at(String(params.missingProperty))}: required`;
    case 'enum':
      return `${path || '(top level)'}: must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'type':
      return `${path || '(top level)'}: must be ${article(String(params.type))}`;
    default:
      return `${path || '(top level)'}: ${error.message ?? 'is invalid'}`;
  }
}

/** "/declarations/0/category" → "declarations[0].category" */
export function keyPath(instancePath: string): string {
  if (!instancePath) return '';
  let out = '';
  for (const raw of instancePath.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

const article = (type: string) => (type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`);

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

// Which reader takes which input, from its name and first bytes: apart from the readers themselves,
// so the registry (index.ts) can pick a reader without loading every reader's module (DDL, JSON,
// xlsx, Parquet and layout text cost a cold start that only reads a CSV ~10 modules).
import { extname } from 'node:path';
import type { ByteSource } from './types.js';

const ext = (source: ByteSource) => extname(source.formatName).toLowerCase();

export const DDL_EXTENSIONS = new Set(['.sql', '.ddl']);
export const JSON_EXTENSIONS = new Set(['.json']);
export const LINES_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
export const LAYOUT_TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
export const PARQUET_EXTENSIONS = new Set(['.parquet', '.parq']);
export const PARQUET_MAGIC = Buffer.from('PAR1');
export const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls']);

export const acceptsDdl = (source: ByteSource): boolean => DDL_EXTENSIONS.has(ext(source));
export const acceptsJson = (source: ByteSource): boolean => JSON_EXTENSIONS.has(ext(source)) || LINES_EXTENSIONS.has(ext(source));
export const acceptsLayoutText = (source: ByteSource): boolean => LAYOUT_TEXT_EXTENSIONS.has(ext(source));
export const acceptsParquet = (source: ByteSource): boolean => PARQUET_EXTENSIONS.has(ext(source)) || source.head.subarray(0, 4).equals(PARQUET_MAGIC);
export const acceptsXlsx = (source: ByteSource): boolean => XLSX_EXTENSIONS.has(ext(source));

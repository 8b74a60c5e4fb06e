// Turning JSON records into named fields: nested keys become dotted paths (customer.address.zip),
// arrays of objects inside a record become `orders[].amount`, and an array of scalars stays one
// field whose values are joined, so a record is always one row.
import type { FieldSource, Row } from './types.js';
import type { SourcePosition } from '../types.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Between the values of one field in one record (tags: ["a", "b"] → "a, b"). */
export const JOIN = ', ';

export function isRecord(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of one record, path → values in document order (null for JSON null / empty containers). */
export function flattenRecord(record: { [key: string]: JsonValue }): Map<string, (string | null)[]> {
  const out = new Map<string, (string | null)[]>();
  const add = (path: string, value: string | null) => {
    const list = out.get(path);
    if (list) list.push(value);
    else out.set(path, [value]);
  };
  const walk = (value: JsonValue, path: string) => {
    if (Array.isArray(value)) {
      if (value.length === 0) add(path, null);
      for (const element of value) {
        // Objects (and nested arrays) inside the array get their own `path[]` fields; scalars stay at `path`.
        if (element !== null && typeof element === 'object') walk(element, `${path}[]`);
        else add(path, element === null ? null : String(element));
      }
    } else if (isRecord(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0) add(path, null);
      for (const key of keys) walk(value[key], path ? `${path}.${key}` : key);
    } else {
      add(path, value === null ? null : String(value));
    }
  };
  for (const key of Object.keys(record)) walk(record[key], key);
  return out;
}

/** The union of field paths over records, in first-seen order, capped at `maxColumns`. */
export class FieldCollector {
  private readonly index = new Map<string, number>();
  readonly fields: FieldSource[] = [];
  /** Paths not taken because of the column cap. */
  dropped = 0;

  constructor(private readonly maxColumns: number) {}

  add(flat: Map<string, unknown>, position?: (path: string) => SourcePosition | undefined): void {
    for (const path of flat.keys()) {
      if (this.index.has(path)) continue;
      if (this.fields.length >= this.maxColumns) {
        this.dropped++;
        continue;
      }
      this.index.set(path, this.fields.length);
      const at = position?.(path);
      this.fields.push(at ? { name: path, position: at } : { name: path });
    }
  }

  /** One row aligned with the fields; values of a field within the record are joined. */
  row(flat: Map<string, (string | null)[]>): Row {
    const row: (string | null | undefined)[] = new Array(this.fields.length).fill(undefined);
    for (const [path, values] of flat) {
      const i = this.index.get(path);
      if (i === undefined) continue;
      const present = values.filter((v): v is string => v !== null);
      row[i] = present.length === 0 ? null : present.join(JOIN);
    }
    return row;
  }

  warnings(): string[] {
    return this.dropped > 0 ? [`more than ${this.maxColumns} fields; ${this.dropped} later field path(s) not read (raise it with --max-columns)`] : [];
  }
}

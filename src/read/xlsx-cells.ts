// Excel cell values as text: dates as ISO dates, numbers as their text, rich text as plain text,
// formulas as their cached result, errors (#N/A) as empty.

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('error' in v) return '';
    if ('hyperlink' in v) return cellText(v.text);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

/** Excel dates carry no zone: exceljs gives them as UTC. Midnight is a date, anything else a date-time. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

import type { ScanReport } from '../types.js';
import type { FormatOptions } from './index.js';
import { json } from './json.js';

// Placeholder until the real sarif formatter lands.
export function sarif(report: ScanReport, options: FormatOptions): string {
  return json(report, options);
}

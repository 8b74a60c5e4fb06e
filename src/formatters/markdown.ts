import type { ScanReport } from '../types.js';
import type { FormatOptions } from './index.js';
import { json } from './json.js';

// Placeholder until the real markdown formatter lands.
export function markdown(report: ScanReport, options: FormatOptions): string {
  return json(report, options);
}

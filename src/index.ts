// The public API: classify headers and scan files from code.
export { HeaderClassifier } from './classify/classifier.js';
export { buildDictionary } from './dictionary/index.js';
export { run } from './cli.js';
export { scanPath, scanSource, type ScanOptions } from './scan.js';
export type * from './types.js';

// Summaries across fields and files. Pure.
import { CATEGORY_RANK, type Category, type CategoryCounts, type Failure, type FileReport, type ScanReport, type Summary } from '../types.js';

/** A file takes the strongest category among its fields; a file with no fields says nothing. */
export function fileCategory(file: FileReport): Category {
  let best: Category | undefined;
  for (const table of file.tables) for (const field of table.fields) if (!best || CATEGORY_RANK[field.category] > CATEGORY_RANK[best]) best = field.category;
  return best ?? 'unknown';
}

export function emptyCounts(): CategoryCounts {
  return { my_number: 0, sensitive: 0, personal: 0, none: 0, unknown: 0 };
}

export function summarize(files: FileReport[], failures: Failure[]): Summary {
  const byCategory = emptyCounts();
  const bySubcategory: Record<string, number> = {};
  let fields = 0;
  for (const file of files)
    for (const table of file.tables)
      for (const field of table.fields) {
        fields++;
        byCategory[field.category]++;
        const key = `${field.category}/${field.subcategory ?? '-'}`;
        bySubcategory[key] = (bySubcategory[key] ?? 0) + 1;
      }
  const sortedSub: Record<string, number> = {};
  for (const key of Object.keys(bySubcategory).sort()) sortedSub[key] = bySubcategory[key];
  return {
    files: files.length,
    filesWithErrors: files.filter((f) => f.error).length,
    fields,
    byCategory,
    bySubcategory: sortedSub,
    specificPersonalInformationFiles: files.filter((f) => f.category === 'my_number').map((f) => f.path),
    failures,
  };
}

export function buildReport(version: string, files: FileReport[], failures: Failure[]): ScanReport {
  return { version, files, summary: summarize(files, failures) };
}

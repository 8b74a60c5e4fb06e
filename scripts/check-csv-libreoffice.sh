#!/bin/sh
# Check that a kojin CSV inventory survives LibreOffice Calc with its Japanese text intact.
#
#   scripts/check-csv-libreoffice.sh                       run the round-trip test on the test fixture
#   scripts/check-csv-libreoffice.sh report.csv            convert a CSV (UTF-8 with BOM) and print it
#   scripts/check-csv-libreoffice.sh report.csv shift_jis  the same for `--encoding shift_jis` output
#
# Needs `libreoffice` on PATH (Debian/Ubuntu: apt-get install libreoffice-calc-nogui) and the
# project's node_modules (exceljs). Exits non-zero when the conversion fails, or when a cell
# holds U+FFFD (a character lost in decoding).
set -eu

if ! command -v libreoffice >/dev/null 2>&1; then
  echo "libreoffice is not on PATH; install libreoffice-calc-nogui" >&2
  exit 2
fi

if [ $# -eq 0 ]; then
  exec npx vitest run test/unit/formatters/csv.test.ts -t LibreOffice
fi

csv=$1
encoding=${2:-utf-8}
case $encoding in
  utf-8) charset=76 ;;
  shift_jis) charset=64 ;;
  *) echo "encoding must be utf-8 or shift_jis" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$csv" "$work/inventory.csv"
# CSV import filter: separator 44 (,), text delimiter 34 ("), charset, start at line 1.
libreoffice "-env:UserInstallation=file://$work/profile" --headless \
  "--infilter=CSV:44,34,$charset,1" --convert-to xlsx --outdir "$work" "$work/inventory.csv" >/dev/null

node --input-type=module -e '
import ExcelJS from "exceljs";
const book = new ExcelJS.Workbook();
await book.xlsx.readFile(process.argv[1]);
const sheet = book.worksheets[0];
let bad = 0;
sheet.eachRow((row, n) => {
  const cells = [];
  row.eachCell({ includeEmpty: true }, (c) => cells.push(String(c.text ?? "")));
  if (cells.some((c) => c.includes("\uFFFD"))) bad++;
  console.log(n + "\t" + cells.join("\t"));
});
if (bad > 0) { console.error(bad + " row(s) hold U+FFFD: text was lost"); process.exit(1); }
console.error(sheet.rowCount + " rows read back from xlsx, Japanese text intact");
' "$work/inventory.xlsx"

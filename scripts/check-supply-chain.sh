#!/usr/bin/env bash
# Supply chain: no high or critical advisory in the runtime dependencies, and the published
# tarball works on its own: npm pack → npm install in an empty folder → npx kojin --version and
# npx kojin scan on a sample (exit 0 or 1). Run by .ci/run after npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

echo "supply-chain: npm audit --omit=dev --audit-level=high"
set +e
npm audit --omit=dev --audit-level=high >"${TMPDIR:-/tmp}/kojin-audit.$$" 2>&1
audit=$?
set -e
if [ "$audit" -ne 0 ]; then
  if grep -q "audit endpoint returned an error\|ENOAUDIT\|EAI_AGAIN\|ENOTFOUND" "${TMPDIR:-/tmp}/kojin-audit.$$"; then
    # The registry (a mirror or an offline cache) has no audit endpoint: say so loudly; fail only
    # when KOJIN_REQUIRE_AUDIT=1 (set it where the public registry is reachable).
    echo "supply-chain: WARNING: npm audit could not reach an advisory database; not audited" >&2
    [ "${KOJIN_REQUIRE_AUDIT:-0}" = 1 ] && { cat "${TMPDIR:-/tmp}/kojin-audit.$$" >&2; exit 1; }
  else
    cat "${TMPDIR:-/tmp}/kojin-audit.$$" >&2
    rm -f "${TMPDIR:-/tmp}/kojin-audit.$$"
    echo "supply-chain: high or critical advisories in runtime dependencies" >&2
    exit 1
  fi
fi
rm -f "${TMPDIR:-/tmp}/kojin-audit.$$"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "supply-chain: npm pack"
tarball=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
echo "supply-chain: installing $tarball in an empty folder"
mkdir "$tmp/app"
cd "$tmp/app"
npm init -y >/dev/null
npm install --no-audit --no-fund "$tmp/$tarball" >/dev/null
cp "$root/samples/inputs/patients.tsv" sample.tsv

version=$(npx --no-install kojin --version)
echo "supply-chain: kojin --version → $version"
[ "$version" = "$(node -p "require('$root/package.json').version")" ] || { echo "supply-chain: version mismatch" >&2; exit 1; }

set +e
npx --no-install kojin scan sample.tsv --format json >"$tmp/report.json"
code=$?
set -e
if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
  echo "supply-chain: kojin scan exited $code" >&2
  exit 1
fi
node -e "const r=JSON.parse(require('fs').readFileSync('$tmp/report.json','utf8')); if(!r.files.length||r.files[0].error) process.exit(1)"
echo "supply-chain: ok (scan exit $code)"

// E-mail addresses, checked with a single linear scan (no regex, so no backtracking on long cells).
// Deliberately practical rather than RFC 5322 complete: local@domain.tld with an alphabetic TLD.

function isLocalChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 46 || c === 95 || c === 45 || c === 43 || c === 33 || c === 35 || c === 36 || c === 37 ||
    c === 38 || c === 39 || c === 42 || c === 47 || c === 61 || c === 63 || c === 94 || c === 96 ||
    c === 123 || c === 124 || c === 125 || c === 126
  );
}

function isLabelChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
}

function isAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isEmail(value: string): boolean {
  const n = value.length;
  if (n < 6 || n > 254) return false;
  // The local part: local characters up to the first @ (not one of them). A second @ fails the
  // domain's loop below, so the value is read once, with no indexOf (an --all-rows scan runs this on
  // every cell of an e-mail column).
  let at = 0;
  while (at < n && isLocalChar(value.charCodeAt(at))) at++;
  if (at < 1 || at > 64 || at === n || value.charCodeAt(at) !== 64) return false;
  // Domain: labels of [A-Za-z0-9-] separated by single dots, at least two labels, alphabetic TLD.
  let labelLen = 0;
  let labels = 0;
  let tldAlpha = true;
  for (let i = at + 1; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 46) {
      if (labelLen === 0) return false;
      labels++;
      labelLen = 0;
      tldAlpha = true;
      continue;
    }
    if (!isLabelChar(c)) return false;
    labelLen++;
    if (!isAlpha(c)) tldAlpha = false;
  }
  return labels >= 1 && labelLen >= 2 && tldAlpha;
}

// IP addresses (personal/online_id when they are a person's). node:net's isIP is exact; the
// character pre-check keeps it off cells that cannot be addresses.
import { isIP } from 'node:net';

function isHexOrColon(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** 4 or 6 for an IPv4 / IPv6 address, else 0. */
export function ipVersion(value: string): 0 | 4 | 6 {
  const n = value.length;
  if (n < 2 || n > 45 || !isHexOrColon(value.charCodeAt(0))) return 0;
  // IPv4 has a dot within its first four characters; IPv6 a colon within its first five.
  let shaped = false;
  for (let i = 1; i < 5 && i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 58 || (c === 46 && i < 4)) {
      shaped = true;
      break;
    }
    if (!isHexOrColon(c)) return 0;
  }
  if (!shaped) return 0;
  const v = isIP(value);
  return v === 4 || v === 6 ? v : 0;
}

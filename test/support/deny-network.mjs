// A Node --import preload that forbids every way out: sockets, TLS, HTTP(S), DNS, fetch, UDP.
// Each replaced function writes KOJIN-NETWORK-DENIED to stderr and throws. Used by
// test/e2e/no-network.test.ts: node --import ./test/support/deny-network.mjs bin/kojin.js …
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

export const MARKER = 'KOJIN-NETWORK-DENIED';

function deny(what) {
  return function denied() {
    process.stderr.write(`${MARKER}: ${what}\n`);
    throw new Error(`${MARKER}: ${what}`);
  };
}

const replace = (object, name, what) => {
  try {
    Object.defineProperty(object, name, { value: deny(what), writable: true, configurable: true });
  } catch {
    object[name] = deny(what);
  }
};

replace(net, 'connect', 'net.connect');
replace(net, 'createConnection', 'net.createConnection');
replace(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
replace(tls, 'connect', 'tls.connect');
for (const [mod, label] of [[http, 'http'], [https, 'https']]) {
  replace(mod, 'request', `${label}.request`);
  replace(mod, 'get', `${label}.get`);
}
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'reverse']) {
  if (typeof dns[name] === 'function') replace(dns, name, `dns.${name}`);
  if (dns.promises && typeof dns.promises[name] === 'function') replace(dns.promises, name, `dns.promises.${name}`);
}
replace(dgram, 'createSocket', 'dgram.createSocket');
replace(globalThis, 'fetch', 'fetch');

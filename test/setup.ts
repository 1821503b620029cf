/**
 * Test-wide network guard: tests may talk to loopback only.
 * Any attempt to connect to another address, or to resolve a public host name, throws
 * (so the test fails) before a single packet leaves the machine.
 */
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  if (LOOPBACK_NAMES.has(h.toLowerCase())) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./i.test(h) || /^0*:0*:0*:0*:0*:0*:0*:0*1$/.test(h);
  return false;
}

class NetworkGuardError extends Error {
  override name = 'NetworkGuardError';
  readonly code = 'ENETGUARD';
}

function refuse(what: string): never {
  throw new NetworkGuardError(`test network guard: refused ${what} (tests may only reach 127.0.0.1/::1)`);
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  let host: string | undefined;
  let path: string | undefined;
  if (Array.isArray(first)) {
    const opts = first[0] as { host?: string; path?: string } | undefined;
    host = opts?.host;
    path = opts?.path;
  } else if (first && typeof first === 'object') {
    host = (first as { host?: string }).host;
    path = (first as { path?: string }).path;
  } else if (typeof first === 'number') {
    host = typeof args[1] === 'string' ? (args[1] as string) : 'localhost';
  } else if (typeof first === 'string') {
    path = first;
  }
  if (!path) {
    const target = host ?? 'localhost';
    if (!isLoopback(target)) refuse(`a connection to ${target}`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

type LookupCallback = (err: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void;
const originalLookup = dns.lookup;
function guardedLookup(hostname: string, ...rest: unknown[]): void {
  if (!isLoopback(hostname) && net.isIP(hostname) === 0) refuse(`a DNS lookup of ${hostname}`);
  (originalLookup as (...a: unknown[]) => void)(hostname, ...rest);
}
(dns as { lookup: unknown }).lookup = guardedLookup as typeof dns.lookup;
const originalPromisesLookup = dns.promises.lookup;
(dns.promises as { lookup: unknown }).lookup = (async (hostname: string, ...rest: unknown[]) => {
  if (!isLoopback(hostname) && net.isIP(hostname) === 0) refuse(`a DNS lookup of ${hostname}`);
  return (originalPromisesLookup as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest);
}) as typeof dns.promises.lookup;
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny'] as const) {
  (dns as unknown as Record<string, unknown>)[name] = (host: string, ..._rest: unknown[]) => {
    const cb = _rest[_rest.length - 1] as LookupCallback | undefined;
    const err = new NetworkGuardError(`test network guard: refused DNS ${name} of ${host}`);
    if (typeof cb === 'function') cb(err);
    else throw err;
  };
  (dns.promises as unknown as Record<string, unknown>)[name] = async (host: string) =>
    refuse(`DNS ${name} of ${host}`);
}

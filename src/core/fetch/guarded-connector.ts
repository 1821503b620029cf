/**
 * An undici connector that resolves the host itself, refuses private addresses, then connects
 * to the checked IP (so a second, rebinding DNS answer is never used) and checks the socket's
 * remote address once more after connecting.
 */
import dns from 'node:dns';
import net from 'node:net';
import { buildConnector } from 'undici';
import { FetchError } from '../errors.js';
import { privateAddressKind } from './address-guard.js';

/** One resolved address, as `dns.promises.lookup(host, { all: true })` returns them. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to its addresses. Injected in tests to map fake public names to 127.0.0.1. */
export type DnsLookup = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (looked up at call time so test guards that patch `dns` still apply). */
export const systemLookup: DnsLookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface GuardedConnectorOptions {
  /** Allow loopback/private/link-local targets. Never on by default. */
  allowPrivateNetworks?: boolean;
  lookup?: DnsLookup;
  /**
   * Replaces the public-address policy: an egress allow-list, or a test proving that every
   * redirect hop is checked. `allowPrivateNetworks: true` still allows everything.
   */
  isAllowedAddress?: (address: string) => boolean;
  /** TCP/TLS connect timeout. */
  connectTimeoutMs?: number;
}

/** Why an address may not be connected to, or undefined when it may. */
type AddressPolicy = (address: string) => string | undefined;

function policyOf(options: GuardedConnectorOptions): AddressPolicy {
  if (options.allowPrivateNetworks === true) return () => undefined;
  const allowed = options.isAllowedAddress;
  if (allowed) return (address) => (allowed(address) ? undefined : (privateAddressKind(address) ?? 'not allowed'));
  return privateAddressKind;
}

/** Throws FETCH_BLOCKED unless `address` passes the policy. */
function assertAllowedAddress(address: string, host: string, policy: AddressPolicy): void {
  const kind = policy(address);
  if (kind !== undefined) {
    throw new FetchError(
      'FETCH_BLOCKED',
      `refused to fetch ${host}: it points to a private or reserved address (${kind})`,
      host,
    );
  }
}

/** Builds the connector for `new Agent({ connect })`. */
export function createGuardedConnector(options: GuardedConnectorOptions = {}): buildConnector.connector {
  const policy = policyOf(options);
  const lookup = options.lookup ?? systemLookup;
  const base = buildConnector({ timeout: options.connectTimeoutMs ?? 10_000 });

  const resolve = async (hostname: string): Promise<string> => {
    const bare = hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(bare) !== 0) {
      assertAllowedAddress(bare, hostname, policy);
      return bare;
    }
    const addresses = await lookup(bare);
    if (addresses.length === 0) throw new FetchError('FETCH_FAILED', `could not find the site ${hostname}`, hostname);
    // Every answer must be public: an attacker's resolver may mix one private address in.
    for (const a of addresses) assertAllowedAddress(a.address, hostname, policy);
    return (addresses[0] as ResolvedAddress).address;
  };

  return (connectOptions, callback) => {
    resolve(connectOptions.hostname).then(
      (ip) => {
        const servername = connectOptions.servername ?? (net.isIP(connectOptions.hostname) ? undefined : connectOptions.hostname);
        base({ ...connectOptions, hostname: ip, ...(servername ? { servername } : {}) }, (err, socket) => {
          if (err || !socket) return callback(err ?? new Error('connect failed'), null);
          try {
            assertAllowedAddress(socket.remoteAddress ?? '', connectOptions.hostname, policy);
          } catch (e) {
            socket.destroy();
            return callback(e as Error, null);
          }
          callback(null, socket);
        });
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  };
}

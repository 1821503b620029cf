/**
 * Decides which IP addresses a fetch from a user's link may reach: public unicast only.
 * Loopback, private, link-local (and so cloud metadata), CGNAT, multicast, unspecified,
 * reserved, IPv4-mapped/embedding IPv6 and unique-local IPv6 (fd00:ec2::254) are refused.
 */
import ipaddr from 'ipaddr.js';

/** Why an address is refused, or undefined when it is a public unicast address. */
export function privateAddressKind(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  // Only canonical spellings: "127.1", "0x7f.1" or "2130706433" never reach here from a
  // parsed URL (WHATWG URL normalises them), and a resolver must not hand them back either.
  if (!ipaddr.isValid(bare) || (ipaddr.IPv4.isValid(bare) && !ipaddr.IPv4.isValidFourPartDecimal(bare))) {
    return 'not an IP address';
  }
  const parsed = ipaddr.parse(bare);
  const range = parsed.range();
  if (range !== 'unicast') return range;
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return 'IPv4-mapped IPv6';
    // ::a.b.c.d (IPv4-compatible, deprecated) also smuggles an IPv4 address.
    if (v6.parts.slice(0, 6).every((p) => p === 0)) return 'IPv4-compatible IPv6';
  }
  return undefined;
}

/** True when `address` is a public unicast IP address. */
export function isPublicAddress(address: string): boolean {
  return privateAddressKind(address) === undefined;
}

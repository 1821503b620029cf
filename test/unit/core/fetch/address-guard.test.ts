import { describe, expect, it } from 'vitest';
import { isPublicAddress, privateAddressKind } from '../../../../src/core/fetch/address-guard.js';

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(privateAddressKind(address)).toBe(kind);
  });

  it.each(['127.1', '0x7f000001', '2130706433', '0177.0.0.1', 'localhost'])(
    'refuses the non-canonical spelling %s rather than guess what it means',
    (spelling) => {
      expect(isPublicAddress(spelling)).toBe(false);
    },
  );

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

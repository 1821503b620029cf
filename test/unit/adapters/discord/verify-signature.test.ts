import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../src/core/errors.js';
import { checkSignature, parsePublicKey } from '../../../../src/adapters/discord/verify-signature.js';
import { makeKeyPair, signHeaders } from '../../../helpers/discord-http-harness.js';

const NOW_MS = 1_800_000_000_000;
const TS = String(NOW_MS / 1000);

describe('Discord request signatures (Ed25519 over timestamp + raw body)', () => {
  const { privateKey, publicKeyHex } = makeKeyPair();
  const key = parsePublicKey(publicKeyHex);
  const body = Buffer.from('{"type":1}');
  const check = (headers: Record<string, string>, raw = body, now = NOW_MS) =>
    checkSignature(key, raw, headers['x-signature-ed25519'], headers['x-signature-timestamp'], now);

  it('accepts a request signed by the app’s key', () => {
    expect(check(signHeaders(privateKey, body.toString(), TS))).toBeUndefined();
  });

  it('checks the raw bytes, so re-serialised JSON with the same meaning fails', () => {
    expect(check(signHeaders(privateKey, '{"type": 1}', TS))).toBe('invalid');
  });

  it('refuses timestamps more than 5 minutes old or ahead, but not 4 minutes', () => {
    const signed = signHeaders(privateKey, body.toString(), TS);
    expect(check(signed, body, NOW_MS + 301_000)).toBe('stale');
    expect(check(signed, body, NOW_MS - 301_000)).toBe('stale');
    expect(check(signed, body, NOW_MS + 240_000)).toBeUndefined();
  });

  it('calls a non-hex signature malformed and absent headers missing', () => {
    expect(check({ 'x-signature-ed25519': 'zz'.repeat(64), 'x-signature-timestamp': TS })).toBe('malformed');
    expect(check({ 'x-signature-timestamp': TS })).toBe('missing');
  });

  it('names DISCORD_PUBLIC_KEY when the key is not 64 hex characters', () => {
    expect(() => parsePublicKey('abc')).toThrow(ConfigError);
    expect(() => parsePublicKey('abc')).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});

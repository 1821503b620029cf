/**
 * Discord's request signature for the HTTP interactions endpoint: Ed25519 over
 * `timestamp + rawBody`, checked with the application's public key by node:crypto. Discord's
 * signature does not cover freshness, so a request older than {@link MAX_SIGNATURE_AGE_MS} is
 * refused as a possible replay.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { ConfigError } from '../../core/errors.js';

/** Oldest (or furthest in the future, for clock skew) signed timestamp we accept. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

const HEX_KEY = /^[0-9a-f]{64}$/i;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;

/**
 * The application's public key as a node:crypto key.
 * @param hex - DISCORD_PUBLIC_KEY, 64 hex characters from the app's General Information page
 * @throws ConfigError when it is not a 32-byte hex key
 */
export function parsePublicKey(hex: string): KeyObject {
  if (!HEX_KEY.test(hex)) {
    throw new ConfigError('DISCORD_PUBLIC_KEY', 'DISCORD_PUBLIC_KEY must be the 64 hex characters of "Public Key" on the Developer Portal\'s General Information page.');
  }
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** Why a request was refused, for logs (never the signature itself). */
export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'invalid' | 'replayed';

/**
 * Check a request's signature headers against its raw body.
 * @param signature - the `x-signature-ed25519` header (hex)
 * @param timestamp - the `x-signature-timestamp` header (Unix seconds)
 * @returns undefined when the request is Discord's and fresh, else why not
 */
export function checkSignature(
  key: KeyObject,
  rawBody: Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
  nowMs: number = Date.now(),
): SignatureProblem | undefined {
  if (!signature || !timestamp) return 'missing';
  if (!HEX_SIGNATURE.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'malformed';
  const signedAt = Number(timestamp) * 1000;
  const ok = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), key, Buffer.from(signature, 'hex'));
  if (!ok) return 'invalid';
  // Checked after the signature: a stale but genuine request is worth a different log line.
  if (Math.abs(nowMs - signedAt) > MAX_SIGNATURE_AGE_MS) return 'stale';
  return undefined;
}

/** Most signatures remembered; beyond it the oldest are forgotten first (they expire first anyway). */
const REPLAY_MEMORY = 50_000;

/**
 * Remembers the signatures of accepted requests for as long as their timestamp is fresh, so a
 * captured request replayed within that window is refused too (Discord sends each interaction once).
 */
export function createReplayGuard(): (signature: string, nowMs: number) => boolean {
  const seen = new Map<string, number>();
  return (signature, nowMs) => {
    const key = signature.toLowerCase();
    const expires = seen.get(key);
    if (expires !== undefined && expires > nowMs) return true;
    // Insertion order is expiry order (a fixed window from acceptance), so expired entries sit at the front.
    for (const [old, at] of seen) {
      if (at > nowMs && seen.size < REPLAY_MEMORY) break;
      seen.delete(old);
    }
    seen.set(key, nowMs + 2 * MAX_SIGNATURE_AGE_MS);
    return false;
  };
}

/**
 * Posting rendered messages to a channel through REST only (scheduled digests need no gateway).
 * Each part carries a nonce derived from the idempotency key and its index, with
 * `enforce_nonce: true`, so Discord returns the existing message instead of a duplicate when a
 * post is retried within its dedupe window (a few minutes).
 */
import { createHash } from 'node:crypto';
import { Routes, type APIMessage, type REST } from 'discord.js';
import type { DiscordMessage } from './types.js';
import { toNewsbriefError } from './rest-client.js';

/** Discord's limit on a string nonce. */
export const NONCE_MAX = 25;

/** A stable nonce (≤ 25 chars) for part `index` of the post identified by `idempotencyKey`. */
export function nonceFor(idempotencyKey: string, index: number): string {
  return createHash('sha256').update(`${idempotencyKey}\u0000${index}`).digest('base64url').slice(0, NONCE_MAX);
}

/**
 * Post messages to a channel in order.
 * @returns the message ids, one per part
 * @throws RateLimitError when Discord asks to wait longer than the configured maximum
 * @throws NewsbriefError FORBIDDEN / NOT_FOUND when the bot cannot post there
 */
export async function postMessages(
  rest: REST,
  channelId: string,
  messages: readonly DiscordMessage[],
  idempotencyKey?: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, message] of messages.entries()) {
    const body = idempotencyKey ? { ...message, nonce: nonceFor(idempotencyKey, index), enforce_nonce: true } : message;
    try {
      const sent = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
      ids.push(sent.id);
    } catch (err) {
      throw toNewsbriefError(err, `post to channel ${channelId}`);
    }
  }
  return ids;
}

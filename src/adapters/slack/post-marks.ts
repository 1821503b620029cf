/**
 * Exactly-once digests on Slack. chat.postMessage has no idempotency key, so a bot that dies after
 * Slack accepted a digest but before the delivery was recorded would post it again on restart.
 * Each part of a keyed post therefore carries message metadata `{key, part}`; before posting a key
 * it has no record of, the adapter reads the channel's recent history for those marks and posts
 * only the parts that are missing.
 */
import type { webApi } from '@slack/bolt';
import { withRateLimit, type RateLimitPolicy } from './deliver.js';

/** The metadata event type of our marks. */
export const POST_MARK_EVENT = 'newsbrief_post';
/**
 * How many recent messages are searched. Retries come within hours of the first attempt; a channel
 * busier than this in between is not searched further (the digest would then be posted again).
 */
export const POST_MARK_HISTORY_LIMIT = 200;

export interface SlackMessageMetadata {
  event_type: string;
  event_payload: { key: string; part: number };
}

/** The metadata to send with part `part` of the post identified by `key`. */
export function postMetadata(key: string, part: number): SlackMessageMetadata {
  return { event_type: POST_MARK_EVENT, event_payload: { key, part } };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * The ts of the parts of `key` already in the channel, in part order, up to the first missing part.
 * @throws the Web API error when the history cannot be read (a missing scope, not in the channel).
 */
export async function findPostedParts(
  client: webApi.WebClient,
  channel: string,
  key: string,
  policy: RateLimitPolicy,
): Promise<string[]> {
  const res = await withRateLimit(
    () => client.conversations.history({ channel, limit: POST_MARK_HISTORY_LIMIT, include_all_metadata: true }),
    policy,
  );
  const byPart = new Map<number, string>();
  for (const message of (res.messages ?? []) as HistoryMessage[]) {
    const mark = message.metadata;
    const part = mark?.event_payload?.part;
    if (mark?.event_type !== POST_MARK_EVENT || mark.event_payload?.key !== key || typeof part !== 'number' || !message.ts) continue;
    byPart.set(part, message.ts);
  }
  const posted: string[] = [];
  for (let part = 0; byPart.has(part); part++) posted.push(byPart.get(part)!);
  return posted;
}

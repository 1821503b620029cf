/**
 * Exactly-once digests on Slack. chat.postMessage has no idempotency key, so a bot that dies after
 * Slack accepted a digest but before the delivery was recorded would post it again on restart.
 * Each part of a keyed post therefore carries message metadata `{key, part}`; before posting a key
 * it has no record of, the adapter reads the channel's history since the first attempt (or, without
 * its time, the recent history) for those marks and posts only the parts that are missing.
 */
import type { webApi } from '@slack/bolt';
import { withRateLimit, type RateLimitPolicy } from './deliver.js';

/** The metadata event type of our marks. */
export const POST_MARK_EVENT = 'newsbrief_post';
/**
 * How many messages one history page holds. Without the time of the first attempt only this many recent
 * messages are searched (a channel busier than this in between would get the digest again).
 */
export const POST_MARK_HISTORY_LIMIT = 200;
/** With the time of the first attempt, every message since is searched, up to this many pages. */
export const POST_MARK_MAX_PAGES = 50;
/** Slack's clock and ours may differ a little: search from a bit before the first attempt. */
const SINCE_MARGIN_MS = 5 * 60_000;

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
 * @param since - when the first attempt was prepared: every message since then is read (page by page);
 *   without it, the last {@link POST_MARK_HISTORY_LIMIT} messages
 * @throws the Web API error when the history cannot be read (a missing scope, not in the channel).
 */
export async function findPostedParts(
  client: webApi.WebClient,
  channel: string,
  key: string,
  policy: RateLimitPolicy,
  since?: Date,
): Promise<string[]> {
  const oldest = since === undefined ? undefined : ((since.getTime() - SINCE_MARGIN_MS) / 1000).toFixed(6);
  const byPart = new Map<number, string>();
  let cursor: string | undefined;
  for (let page = 0; page < (oldest === undefined ? 1 : POST_MARK_MAX_PAGES); page++) {
    const res = await withRateLimit(
      () =>
        client.conversations.history({
          channel,
          limit: POST_MARK_HISTORY_LIMIT,
          include_all_metadata: true,
          ...(oldest === undefined ? {} : { oldest }),
          ...(cursor === undefined ? {} : { cursor }),
        }),
      policy,
    );
    for (const message of (res.messages ?? []) as HistoryMessage[]) {
      const mark = message.metadata;
      const part = mark?.event_payload?.part;
      if (mark?.event_type !== POST_MARK_EVENT || mark.event_payload?.key !== key || typeof part !== 'number' || !message.ts) continue;
      byPart.set(part, message.ts);
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || cursor === undefined) break;
  }
  const posted: string[] = [];
  for (let part = 0; byPart.has(part); part++) posted.push(byPart.get(part)!);
  return posted;
}

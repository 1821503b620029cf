/**
 * Posting rendered messages through the Web API: in order, in a thread when asked, with 429s
 * waited out (Retry-After) and retried so each message is delivered once.
 */
import type { webApi } from '@slack/bolt';
import { RateLimitError } from '../../core/errors.js';
import type { SlackMessage } from './render.js';

type WebClient = webApi.WebClient;

export interface RateLimitPolicy {
  /** How many 429s one call waits out. */
  maxWaits: number;
  /** A longer Retry-After is not waited out. */
  maxRetryAfterMs: number;
}

/** The Web API `error` string of a failed call (`not_in_channel`, `channel_not_found` …), if any. */
export function slackErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; data?: { error?: unknown } } | undefined;
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/** True when the bot cannot post to the channel (not a member, private, or a DM it is not in). */
export const isNotInChannel = (err: unknown): boolean =>
  ['not_in_channel', 'channel_not_found'].includes(slackErrorCode(err) ?? '');

/**
 * Run a Web API call; on 429 wait Retry-After and try again, up to `policy.maxWaits` times.
 * The client must be built with `rejectRateLimitedCalls: true` so that 429s reach us.
 * @throws RateLimitError when Slack keeps refusing or asks for a longer wait than allowed.
 */
export async function withRateLimit<T>(call: () => Promise<T>, policy: RateLimitPolicy): Promise<T> {
  for (let waits = 0; ; waits++) {
    try {
      return await call();
    } catch (err) {
      const e = err as { code?: unknown; retryAfter?: unknown };
      if (e?.code !== 'slack_webapi_rate_limited_error') throw err;
      const waitMs = Math.max(0, Number(e.retryAfter) || 0) * 1000;
      if (waits >= policy.maxWaits || waitMs > policy.maxRetryAfterMs) {
        throw new RateLimitError('slack', Math.max(waitMs, 1000), { cause: err });
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

export interface PostTarget {
  channel: string;
  threadTs?: string;
}

/** Slack message metadata (`chat.postMessage` `metadata`) for the i-th message of a call. */
export type MetadataFor = (index: number) => { event_type: string; event_payload: Record<string, string | number | boolean> };

/**
 * chat.postMessage each message in order; returns the ts of each one posted.
 * `onPosted` sees each ts as soon as it exists, so a caller can resume a half-finished split.
 */
export async function postMessages(
  client: WebClient,
  target: PostTarget,
  messages: SlackMessage[],
  policy: RateLimitPolicy,
  onPosted: (ts: string) => void = () => {},
  metadataFor?: MetadataFor,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, m] of messages.entries()) {
    const res = await withRateLimit(
      () =>
        client.chat.postMessage({
          channel: target.channel,
          text: m.text,
          blocks: m.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          ...(metadataFor ? { metadata: metadataFor(i) } : {}),
        }),
      policy,
    );
    const ts = res.ts ?? '';
    ids.push(ts);
    onPosted(ts);
  }
  return ids;
}

/** chat.postEphemeral each message to one user, in a thread when given. */
export async function postEphemeral(
  client: WebClient,
  target: PostTarget & { user: string },
  messages: SlackMessage[],
  policy: RateLimitPolicy,
): Promise<void> {
  for (const m of messages) {
    await withRateLimit(
      () =>
        client.chat.postEphemeral({
          channel: target.channel,
          user: target.user,
          text: m.text,
          blocks: m.blocks,
          ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        }),
      policy,
    );
  }
}

/**
 * A channel's digest: poll its feeds, take the items it has not seen, compose. Also the
 * on-demand digest (`/brief` with no argument), which records what it showed.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelRef, Digest, Reply } from '../model.js';
import type { ItemMark, Store } from '../store/index.js';
import { pendingItemKeys } from '../schedule/slot-payload.js';
import { composeDigest, itemKey } from './compose.js';
import type { FeedPoller } from './poll.js';
import { digestToReply } from './reply.js';
import type { GroupStories, SummarizeStory } from './seams.js';

const NO_FEEDS = 'This channel follows no feeds yet. Add one with `feeds add <url>`.';

/** Unseen items older than this (first seen) are left out of digests. */
export const DEFAULT_MAX_ITEM_AGE_MS = 7 * 86_400_000;

export interface ChannelDigestOptions {
  poller: FeedPoller;
  now?: () => Date;
  group?: GroupStories;
  summarizeStory?: SummarizeStory;
  maxItemAgeMs?: number;
  /** Item keys (`itemKey`) to leave out: items already promised to a slot that is still being retried. */
  excludeItems?: Set<string>;
}

export interface ChannelDigestRules {
  topics?: string[];
  exclude?: string[];
  maxStories?: number;
}

export interface BuiltChannelDigest {
  digest: Digest;
  /** Item marks to record once the digest is confirmed posted. */
  marks: ItemMark[];
}

/** Polls the channel's feeds and composes a digest of what it has not seen. Records nothing. */
export async function buildChannelDigest(store: Store, channel: ChannelRef, rules: ChannelDigestRules, options: ChannelDigestOptions): Promise<BuiltChannelDigest> {
  const now = (options.now ?? (() => new Date()))();
  const subs = await store.listSubscriptions(channel);
  if (subs.length === 0) {
    return { digest: { channel, stories: [], brokenFeeds: [], notes: [NO_FEEDS] }, marks: [] };
  }
  const results = await options.poller.poll(subs.map((s) => s.feedUrl));
  const brokenFeeds = results.filter((r) => (r.status === 'failed' || r.status === 'backoff') && r.error).map((r) => ({ url: r.feedUrl, error: r.error as string }));
  const unseen = await store.listUnseenItems(channel, { since: new Date(now.getTime() - (options.maxItemAgeMs ?? DEFAULT_MAX_ITEM_AGE_MS)) });
  const titles = new Map(subs.map((s) => [s.feedUrl, s.title] as const));
  const pending = options.excludeItems;
  const items = unseen.filter((s) => !pending?.has(itemKey(s.item))).map((s) => {
    const title = titles.get(s.item.feedUrl);
    return title ? { ...s.item, feedTitle: title } : s.item;
  });
  const composed = await composeDigest(items, {
    now,
    topics: rules.topics,
    exclude: rules.exclude,
    maxStories: rules.maxStories,
    weights: new Map(subs.map((s) => [s.feedUrl, s.weight] as const)),
    firstSeen: new Map(unseen.map((s) => [itemKey(s.item), s.firstSeenAt] as const)),
    group: options.group,
    summarizeStory: options.summarizeStory,
  });
  return { digest: { ...composed.digest, channel, brokenFeeds }, marks: composed.marks };
}

/**
 * The on-demand digest for `/brief` with no argument: the channel's unseen news, using its
 * schedule's topics, exclusions and size when it has one.
 *
 * It marks the items it shows as delivered (slot `on-demand:<time>`), because the reply is
 * posted in the same channel: the next scheduled digest does not repeat them. Pass
 * `markSeen: false` for a preview that records nothing.
 */
export async function buildDigestNow(store: Store, channel: ChannelRef, options: ChannelDigestOptions & { markSeen?: boolean }): Promise<Reply> {
  const now = (options.now ?? (() => new Date()))();
  if ((await store.listSubscriptions(channel)).length === 0) return { kind: 'info', text: NO_FEEDS };
  const schedule = await store.getSchedule(channel);
  // Items a scheduled slot is still trying to post will come with it; showing them now would repeat them.
  const excludeItems = schedule ? await pendingItemKeys(store, schedule.id) : undefined;
  const built = await buildChannelDigest(
    store,
    channel,
    { topics: schedule?.topics, exclude: schedule?.exclude, maxStories: schedule?.maxStories },
    { ...options, ...(excludeItems ? { excludeItems } : {}) },
  );
  if (options.markSeen !== false && built.marks.length > 0) {
    const id = randomUUID();
    const slotTime = `on-demand:${now.toISOString()}`;
    const delivered = built.marks.filter((m) => m.status === 'delivered').map((m) => m.ref);
    await store.recordDelivery(
      { id, channel, slotTime, messageIds: [], items: delivered, deliveredAt: now.toISOString() },
      built.marks.map((m) => ({ ...m, deliveryId: id, slotTime })),
    );
  }
  return digestToReply(built.digest);
}

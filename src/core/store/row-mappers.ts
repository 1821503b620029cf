/**
 * Database rows ↔ the Store's records, shared by the SQLite and PostgreSQL stores: both keep the same
 * tables and columns (timestamps as ISO text, lists and objects as JSON text), so only how a row is
 * fetched differs. Booleans arrive as 0/1 from SQLite and as true/false from PostgreSQL.
 */
import type { ChannelRef, FeedItem } from '../model.js';
import type { ChannelItemRecord, DeliveryRecord, FeedState, ItemRef, SlotClaim, SlotPatch, SlotStatus, StoredItem, StoredSchedule, Subscription } from './digest-store.js';
import type { StoredBriefing } from './store.js';

export type Row = Record<string, unknown>;

/** The three values of a channel, in the order of the channel columns. */
export const chArgs = (c: ChannelRef): string[] => [c.platform, c.workspace, c.channel];

export const toChannel = (r: Row): ChannelRef => ({
  platform: r.platform as ChannelRef['platform'],
  workspace: r.workspace as string,
  channel: r.channel as string,
});

/** The slot_claims column of each field an updateSlot patch may change. */
export const SLOT_PATCH_COLUMNS: Readonly<Record<keyof SlotPatch, string>> = {
  status: 'status',
  attempts: 'attempts',
  nextRetryAt: 'next_retry_at',
  lastError: 'last_error',
  payload: 'payload',
  reported: 'reported',
};

/** A nullable text column. */
export const opt = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

const flag = (v: unknown): boolean => v === true || v === 1;

export const toSchedule = (r: Row): StoredSchedule => ({
  id: r.id as string,
  channel: toChannel(r),
  cron: r.cron as string,
  timezone: r.timezone as string,
  topics: JSON.parse(r.topics as string) as string[],
  exclude: JSON.parse(r.exclude as string) as string[],
  ...(r.max_stories === null ? {} : { maxStories: r.max_stories as number }),
  enabled: flag(r.enabled),
  updatedAt: r.updated_at as string,
});

export const toSlot = (r: Row): SlotClaim => ({
  scheduleId: r.schedule_id as string,
  slotTime: r.slot_time as string,
  channel: toChannel(r),
  status: r.status as SlotStatus,
  attempts: r.attempts as number,
  nextRetryAt: opt(r.next_retry_at),
  lastError: opt(r.last_error),
  claimedBy: opt(r.claimed_by),
  claimedAt: opt(r.claimed_at),
  payload: opt(r.payload),
  reported: flag(r.reported),
});

export const toStoredItem = (r: Row): StoredItem => ({ item: JSON.parse(r.item as string) as FeedItem, firstSeenAt: r.first_seen_at as string });

export const toSubscription = (r: Row): Subscription => ({
  channel: toChannel(r),
  feedUrl: r.feed_url as string,
  title: opt(r.title),
  weight: r.weight as number,
  createdAt: r.created_at as string,
});

export const toFeedState = (feedUrl: string, r: Row): FeedState => ({
  feedUrl,
  title: opt(r.title),
  etag: opt(r.etag),
  lastModified: opt(r.last_modified),
  failures: r.failures as number,
  nextPollAt: opt(r.next_poll_at),
  lastError: opt(r.last_error),
  lastSuccess: opt(r.last_success),
  lastPolled: opt(r.last_polled),
});

export const toChannelItem = (ref: ItemRef, r: Row): ChannelItemRecord => ({
  ref,
  status: r.status as ChannelItemRecord['status'],
  reason: opt(r.reason),
  storyId: opt(r.story_id),
  storyTitle: opt(r.story_title),
  deliveryId: opt(r.delivery_id),
  slotTime: opt(r.slot_time),
  updatedAt: r.updated_at as string,
});

export const toDelivery = (id: string, r: Row): DeliveryRecord => ({
  id,
  channel: toChannel(r),
  scheduleId: opt(r.schedule_id),
  slotTime: opt(r.slot_time),
  messageIds: JSON.parse(r.message_ids as string) as string[],
  items: JSON.parse(r.item_refs as string) as ItemRef[],
  deliveredAt: r.delivered_at as string,
});

export const toStoredBriefing = (r: Row): StoredBriefing => ({
  channel: toChannel(r),
  briefing: JSON.parse(r.briefing as string),
  article: JSON.parse(r.article as string),
  createdAt: r.created_at as string,
  expiresAt: r.expires_at as string,
});

/**
 * Database rows ↔ the Store's records, shared by the SQLite and PostgreSQL stores: both keep the same
 * tables and columns (timestamps as ISO text, lists and objects as JSON text), so only how a row is
 * fetched differs. Booleans arrive as 0/1 from SQLite and as true/false from PostgreSQL.
 */
import type { ChannelRef, FeedItem } from '../model.js';
import type { ChannelItemRecord, DeliveryRecord, FeedState, ItemRef, SlotClaim, SlotPatch, SlotStatus, StoredItem, StoredSchedule, Subscription } from './digest-store.js';
import type { StoredInstallation } from './installation-store.js';
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

/**
 * The values of INSTALLATION_COLUMNS for a record. `bool` encodes org_wide (SQLite binds no booleans).
 */
export const installationArgs = (i: StoredInstallation, bool: (b: boolean) => unknown = (b) => b): unknown[] => [
  i.platform,
  i.workspace,
  i.enterpriseId ?? null,
  bool(i.orgWide),
  i.teamName ?? null,
  i.enterpriseName ?? null,
  i.appId ?? null,
  i.botToken,
  i.botId ?? null,
  i.botUserId,
  JSON.stringify(i.botScopes),
  i.botRefreshToken ?? null,
  i.botTokenExpiresAt ?? null,
  i.installerUserId ?? null,
  i.installedAt,
];

/** The installations table's columns, in the order of installationArgs. */
export const INSTALLATION_COLUMNS =
  'platform, workspace, enterprise_id, org_wide, team_name, enterprise_name, app_id, bot_token, bot_id, bot_user_id, bot_scopes, bot_refresh_token, bot_token_expires_at, installer_user_id, installed_at';

export const toInstallation = (r: Row): StoredInstallation => ({
  platform: r.platform as StoredInstallation['platform'],
  workspace: r.workspace as string,
  ...(opt(r.enterprise_id) ? { enterpriseId: opt(r.enterprise_id)! } : {}),
  orgWide: flag(r.org_wide),
  ...(opt(r.team_name) ? { teamName: opt(r.team_name)! } : {}),
  ...(opt(r.enterprise_name) ? { enterpriseName: opt(r.enterprise_name)! } : {}),
  ...(opt(r.app_id) ? { appId: opt(r.app_id)! } : {}),
  botToken: r.bot_token as string,
  ...(opt(r.bot_id) ? { botId: opt(r.bot_id)! } : {}),
  botUserId: r.bot_user_id as string,
  botScopes: JSON.parse(r.bot_scopes as string) as string[],
  ...(opt(r.bot_refresh_token) ? { botRefreshToken: opt(r.bot_refresh_token)! } : {}),
  ...(r.bot_token_expires_at === null || r.bot_token_expires_at === undefined ? {} : { botTokenExpiresAt: Number(r.bot_token_expires_at) }),
  ...(opt(r.installer_user_id) ? { installerUserId: opt(r.installer_user_id)! } : {}),
  installedAt: r.installed_at as string,
});

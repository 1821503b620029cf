/**
 * The digest half of the Store port: feed subscriptions, feed polling state, items, what each
 * channel has seen, schedules, slot claims and delivery records. Every channel-owned row is
 * keyed by its ChannelRef; feed state and items are shared (a URL is fetched once however many
 * channels follow it) but only reachable through a channel's subscriptions.
 */
import type { ChannelRef, FeedItem, Schedule } from '../model.js';

/** An item's identity: the feed it came from and its id within that feed. */
export interface ItemRef {
  feedUrl: string;
  itemId: string;
}

export interface Subscription {
  channel: ChannelRef;
  feedUrl: string;
  title?: string;
  /** Ranking weight, default 1. */
  weight: number;
  /** ISO 8601. */
  createdAt: string;
}

/** Polling state of one feed URL (shared by every channel that follows it). */
export interface FeedState {
  feedUrl: string;
  title?: string;
  etag?: string;
  lastModified?: string;
  /** Consecutive failed polls; 0 after a success. */
  failures: number;
  /** ISO 8601; do not poll before this (backoff after errors). */
  nextPollAt?: string;
  lastError?: string;
  /** ISO 8601 of the last successful poll. */
  lastSuccess?: string;
  /** ISO 8601 of the last poll attempt. */
  lastPolled?: string;
}

/** A stored item and when newsbrief first saw it. */
export interface StoredItem {
  item: FeedItem;
  /** ISO 8601. */
  firstSeenAt: string;
}

/**
 * What became of an item in one channel: `seen` (existed when the feed was added),
 * `delivered` (in a posted digest), `filtered` (an excluded word or no topic matched),
 * `ranked-out` (below the top N of a posted digest).
 */
export type ChannelItemStatus = 'seen' | 'delivered' | 'filtered' | 'ranked-out';

export interface ItemMark {
  ref: ItemRef;
  status: ChannelItemStatus;
  /** Why it was filtered ("excluded word: crypto"). */
  reason?: string;
  storyId?: string;
  storyTitle?: string;
  deliveryId?: string;
  /** ISO 8601 slot of the digest, or an `on-demand:` marker. */
  slotTime?: string;
}

export interface ChannelItemRecord extends ItemMark {
  /** ISO 8601. */
  updatedAt: string;
}

export interface StoredSchedule extends Schedule {
  /** ISO 8601; slots before this are never counted as missed. */
  updatedAt: string;
}

/**
 * `claimed`: a process is building/posting it; `retry`: a post failed and waits for `nextRetryAt`;
 * `posted`; `failed`: gave up after the last attempt; `skipped`: empty digest not posted;
 * `missed`: the bot was down for longer than the grace window.
 */
export type SlotStatus = 'claimed' | 'retry' | 'posted' | 'failed' | 'skipped' | 'missed';

export interface SlotClaim {
  scheduleId: string;
  /** ISO 8601 (UTC) instant the slot was due. */
  slotTime: string;
  channel: ChannelRef;
  status: SlotStatus;
  attempts: number;
  nextRetryAt?: string;
  lastError?: string;
  claimedBy?: string;
  claimedAt?: string;
  /** The built digest (JSON) so retries post the same content. */
  payload?: string;
  /** Whether a failed/missed slot has been reported in a later digest. */
  reported: boolean;
}

export type SlotPatch = Partial<Pick<SlotClaim, 'status' | 'attempts' | 'nextRetryAt' | 'lastError' | 'payload' | 'reported'>>;

export interface DeliveryRecord {
  id: string;
  channel: ChannelRef;
  scheduleId?: string;
  slotTime?: string;
  messageIds: string[];
  items: ItemRef[];
  /** ISO 8601. */
  deliveredAt: string;
}

export interface DigestStore {
  /** Subscribes a channel to a feed (or updates its title/weight); true when it is new. */
  addSubscription(sub: Subscription): Promise<boolean>;
  /** True when the channel followed the feed. */
  removeSubscription(channel: ChannelRef, feedUrl: string): Promise<boolean>;
  listSubscriptions(channel: ChannelRef): Promise<Subscription[]>;

  getFeedState(feedUrl: string): Promise<FeedState | undefined>;
  saveFeedState(state: FeedState): Promise<void>;

  /**
   * Saves items of one feed; an item already known (same feed and id) keeps its first-seen time
   * and only its content is refreshed. Returns the items that were new.
   */
  saveItems(feedUrl: string, items: FeedItem[], now: Date): Promise<FeedItem[]>;
  /**
   * A 304 poll: the items of the feed's last document are still in it. Marks them seen in the
   * feed at `now` so retention does not forget items of a quiet feed.
   */
  touchFeedItems(feedUrl: string, now: Date): Promise<void>;
  /**
   * Forgets items not seen in their feed since `before`, with what channels recorded about
   * them; returns how many. (An item that comes back after that counts as new.)
   */
  purgeItems(before: Date): Promise<number>;
  /** Items of a feed, newest first-seen first. */
  listFeedItems(feedUrl: string, limit?: number): Promise<StoredItem[]>;
  /** Items of the channel's subscribed feeds with no record in this channel, oldest first. */
  listUnseenItems(channel: ChannelRef, options?: { since?: Date; limit?: number }): Promise<StoredItem[]>;
  /** Items of the channel's subscribed feeds whose url or id equals one of `keys`. */
  findChannelItems(channel: ChannelRef, keys: string[]): Promise<StoredItem[]>;

  /** Records what became of items in a channel. A `delivered` record is never downgraded. */
  markItems(channel: ChannelRef, marks: ItemMark[], now: Date): Promise<void>;
  getChannelItem(channel: ChannelRef, ref: ItemRef): Promise<ChannelItemRecord | undefined>;

  /** Creates or replaces the channel's schedule (one per channel; the id is kept). */
  saveSchedule(schedule: StoredSchedule): Promise<void>;
  getSchedule(channel: ChannelRef): Promise<StoredSchedule | undefined>;
  getScheduleById(id: string): Promise<StoredSchedule | undefined>;
  listEnabledSchedules(): Promise<StoredSchedule[]>;

  /** Claims a slot once: true for exactly one caller across processes sharing the store. */
  claimSlot(claim: Omit<SlotClaim, 'attempts' | 'reported'> & { attempts?: number; reported?: boolean }): Promise<boolean>;
  /**
   * Takes over a slot whose claim went stale (a process died while posting, claimed before
   * `staleBefore`) or whose retry is due at `now`. True for exactly one caller.
   */
  reclaimSlot(scheduleId: string, slotTime: string, claimedBy: string, now: Date, staleBefore: Date): Promise<boolean>;
  updateSlot(scheduleId: string, slotTime: string, patch: SlotPatch): Promise<void>;
  getSlot(scheduleId: string, slotTime: string): Promise<SlotClaim | undefined>;
  /** Slots of a schedule, oldest first, optionally only those with one of `statuses`. */
  listSlots(scheduleId: string, statuses?: SlotStatus[]): Promise<SlotClaim[]>;
  /** Slots (any schedule) that are `retry` and due, or `claimed` before `staleBefore`. */
  listRecoverableSlots(now: Date, staleBefore: Date): Promise<SlotClaim[]>;

  /**
   * Records a confirmed post in one transaction: the delivery, the item marks, and (when the
   * delivery has a schedule and slot) the slot as `posted`.
   */
  recordDelivery(delivery: DeliveryRecord, marks: ItemMark[]): Promise<void>;
  getDelivery(id: string): Promise<DeliveryRecord | undefined>;
}

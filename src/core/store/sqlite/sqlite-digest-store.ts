/**
 * SQLite implementation of DigestStore. SqliteStore extends this class, so one database
 * handle serves both halves of the Store port.
 */
import type Database from 'better-sqlite3';
import type { ChannelRef, FeedItem } from '../../model.js';
import type {
  ChannelItemRecord,
  DeliveryRecord,
  DigestStore,
  FeedState,
  ItemMark,
  ItemRef,
  SlotClaim,
  SlotPatch,
  SlotStatus,
  StoredItem,
  StoredSchedule,
  Subscription,
} from '../digest-store.js';

import { SLOT_PATCH_COLUMNS, chArgs, toChannelItem, toDelivery, toFeedState, toSchedule, toSlot, toStoredItem, toSubscription, type Row } from '../row-mappers.js';

const CH = 'platform = ? AND workspace = ? AND channel = ?';
export class SqliteDigestStore implements DigestStore {
  constructor(readonly db: Database.Database) {}

  async addSubscription(sub: Subscription): Promise<boolean> {
    const existed = this.db.prepare(`SELECT 1 FROM subscriptions WHERE ${CH} AND feed_url = ?`).get(...chArgs(sub.channel), sub.feedUrl);
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, workspace, channel, feed_url, title, weight, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, workspace, channel, feed_url) DO UPDATE SET title = excluded.title, weight = excluded.weight`,
      )
      .run(...chArgs(sub.channel), sub.feedUrl, sub.title ?? null, sub.weight, sub.createdAt);
    return !existed;
  }

  async removeSubscription(channel: ChannelRef, feedUrl: string): Promise<boolean> {
    return this.db.prepare(`DELETE FROM subscriptions WHERE ${CH} AND feed_url = ?`).run(...chArgs(channel), feedUrl).changes > 0;
  }

  async listSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    const rows = this.db.prepare(`SELECT * FROM subscriptions WHERE ${CH} ORDER BY created_at, feed_url`).all(...chArgs(channel)) as Row[];
    return rows.map(toSubscription);
  }

  async getFeedState(feedUrl: string): Promise<FeedState | undefined> {
    const r = this.db.prepare('SELECT * FROM feed_state WHERE feed_url = ?').get(feedUrl) as Row | undefined;
    if (!r) return undefined;
    return toFeedState(feedUrl, r);
  }

  async saveFeedState(s: FeedState): Promise<void> {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO feed_state (feed_url, title, etag, last_modified, failures, next_poll_at, last_error, last_success, last_polled)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.feedUrl, s.title ?? null, s.etag ?? null, s.lastModified ?? null, s.failures, s.nextPollAt ?? null, s.lastError ?? null, s.lastSuccess ?? null, s.lastPolled ?? null);
  }

  async saveItems(feedUrl: string, items: FeedItem[], now: Date): Promise<FeedItem[]> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO items (feed_url, item_id, url, item, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)');
    const refresh = this.db.prepare('UPDATE items SET url = ?, item = ?, last_seen_at = ? WHERE feed_url = ? AND item_id = ?');
    const at = now.toISOString();
    const fresh: FeedItem[] = [];
    this.db.transaction(() => {
      for (const item of items) {
        const json = JSON.stringify(item);
        if (insert.run(feedUrl, item.id, item.url ?? null, json, at, at).changes > 0) fresh.push(item);
        else refresh.run(item.url ?? null, json, at, feedUrl, item.id);
      }
    })();
    return fresh;
  }

  async touchFeedItems(feedUrl: string, now: Date): Promise<void> {
    // Every item of the last document was saved with the same last_seen_at: the feed's latest.
    this.db
      .prepare('UPDATE items SET last_seen_at = ? WHERE feed_url = ? AND last_seen_at = (SELECT MAX(last_seen_at) FROM items WHERE feed_url = ?)')
      .run(now.toISOString(), feedUrl, feedUrl);
  }

  async purgeItems(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    return this.db.transaction(() => {
      this.db
        .prepare(
          `DELETE FROM channel_items WHERE EXISTS (SELECT 1 FROM items i WHERE i.feed_url = channel_items.feed_url
             AND i.item_id = channel_items.item_id AND i.last_seen_at < ?)`,
        )
        .run(cutoff);
      return this.db.prepare('DELETE FROM items WHERE last_seen_at < ?').run(cutoff).changes;
    })();
  }

  async listFeedItems(feedUrl: string, limit = 1000): Promise<StoredItem[]> {
    const rows = this.db.prepare('SELECT * FROM items WHERE feed_url = ? ORDER BY first_seen_at DESC, rowid DESC LIMIT ?').all(feedUrl, limit) as Row[];
    return rows.map(toStoredItem);
  }

  async listUnseenItems(channel: ChannelRef, options: { since?: Date; limit?: number } = {}): Promise<StoredItem[]> {
    const rows = this.db
      .prepare(
        `SELECT i.* FROM items i
         JOIN subscriptions s ON s.feed_url = i.feed_url AND s.platform = ? AND s.workspace = ? AND s.channel = ?
         WHERE i.first_seen_at >= ?
           AND NOT EXISTS (SELECT 1 FROM channel_items c WHERE c.platform = s.platform AND c.workspace = s.workspace
                           AND c.channel = s.channel AND c.feed_url = i.feed_url AND c.item_id = i.item_id)
         ORDER BY i.first_seen_at, i.rowid LIMIT ?`,
      )
      .all(...chArgs(channel), options.since?.toISOString() ?? '', options.limit ?? 100_000) as Row[];
    return rows.map(toStoredItem);
  }

  async findChannelItems(channel: ChannelRef, keys: string[]): Promise<StoredItem[]> {
    if (keys.length === 0) return [];
    const marks = keys.map(() => '?').join(', ');
    const rows = this.db
      .prepare(
        `SELECT i.* FROM items i
         JOIN subscriptions s ON s.feed_url = i.feed_url AND s.platform = ? AND s.workspace = ? AND s.channel = ?
         WHERE i.url IN (${marks}) OR i.item_id IN (${marks})
         ORDER BY i.first_seen_at`,
      )
      .all(...chArgs(channel), ...keys, ...keys) as Row[];
    return rows.map(toStoredItem);
  }

  async markItems(channel: ChannelRef, marks: ItemMark[], now: Date): Promise<void> {
    this.markItemsSync(channel, marks, now);
  }

  /** Synchronous so recordDelivery can run it inside its transaction. */
  private markItemsSync(channel: ChannelRef, marks: ItemMark[], now: Date): void {
    const stmt = this.db.prepare(
      `INSERT INTO channel_items (platform, workspace, channel, feed_url, item_id, status, reason, story_id, story_title, delivery_id, slot_time, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, workspace, channel, feed_url, item_id) DO UPDATE SET
         status = excluded.status, reason = excluded.reason, story_id = excluded.story_id, story_title = excluded.story_title,
         delivery_id = excluded.delivery_id, slot_time = excluded.slot_time, updated_at = excluded.updated_at
       WHERE channel_items.status != 'delivered'`,
    );
    this.db.transaction(() => {
      for (const m of marks) {
        stmt.run(...chArgs(channel), m.ref.feedUrl, m.ref.itemId, m.status, m.reason ?? null, m.storyId ?? null, m.storyTitle ?? null, m.deliveryId ?? null, m.slotTime ?? null, now.toISOString());
      }
    })();
  }

  async getChannelItem(channel: ChannelRef, ref: ItemRef): Promise<ChannelItemRecord | undefined> {
    const r = this.db.prepare(`SELECT * FROM channel_items WHERE ${CH} AND feed_url = ? AND item_id = ?`).get(...chArgs(channel), ref.feedUrl, ref.itemId) as Row | undefined;
    if (!r) return undefined;
    return toChannelItem(ref, r);
  }

  async saveSchedule(s: StoredSchedule): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO schedules (id, platform, workspace, channel, cron, timezone, topics, exclude, max_stories, enabled, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, workspace, channel) DO UPDATE SET cron = excluded.cron, timezone = excluded.timezone,
           topics = excluded.topics, exclude = excluded.exclude, max_stories = excluded.max_stories,
           enabled = excluded.enabled, updated_at = excluded.updated_at`,
      )
      .run(s.id, ...chArgs(s.channel), s.cron, s.timezone, JSON.stringify(s.topics ?? []), JSON.stringify(s.exclude ?? []), s.maxStories ?? null, s.enabled ? 1 : 0, s.updatedAt);
  }

  async getSchedule(channel: ChannelRef): Promise<StoredSchedule | undefined> {
    const r = this.db.prepare(`SELECT * FROM schedules WHERE ${CH}`).get(...chArgs(channel)) as Row | undefined;
    return r && toSchedule(r);
  }

  async getScheduleById(id: string): Promise<StoredSchedule | undefined> {
    const r = this.db.prepare('SELECT * FROM schedules WHERE id = ?').get(id) as Row | undefined;
    return r && toSchedule(r);
  }

  async listEnabledSchedules(): Promise<StoredSchedule[]> {
    return (this.db.prepare('SELECT * FROM schedules WHERE enabled = 1 ORDER BY id').all() as Row[]).map(toSchedule);
  }

  async claimSlot(c: Omit<SlotClaim, 'attempts' | 'reported'> & { attempts?: number; reported?: boolean }): Promise<boolean> {
    const res = this.db
      .prepare(
        `INSERT OR IGNORE INTO slot_claims (schedule_id, slot_time, platform, workspace, channel, status, attempts, next_retry_at, last_error, claimed_by, claimed_at, payload, reported)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.scheduleId, c.slotTime, ...chArgs(c.channel), c.status, c.attempts ?? 0, c.nextRetryAt ?? null, c.lastError ?? null, c.claimedBy ?? null, c.claimedAt ?? null, c.payload ?? null, c.reported ? 1 : 0);
    return res.changes === 1;
  }

  async reclaimSlot(scheduleId: string, slotTime: string, claimedBy: string, now: Date, staleBefore: Date): Promise<boolean> {
    const res = this.db
      .prepare(
        `UPDATE slot_claims SET status = 'claimed', claimed_by = ?, claimed_at = ?
         WHERE schedule_id = ? AND slot_time = ?
           AND ((status = 'retry' AND next_retry_at <= ?) OR (status = 'claimed' AND claimed_at < ?))`,
      )
      .run(claimedBy, now.toISOString(), scheduleId, slotTime, now.toISOString(), staleBefore.toISOString());
    return res.changes === 1;
  }

  async updateSlot(scheduleId: string, slotTime: string, patch: SlotPatch): Promise<void> {
    const keys = Object.keys(patch) as (keyof SlotPatch)[];
    if (keys.length === 0) return;
    const values = keys.map((k) => {
      const v = patch[k];
      return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    });
    this.db
      .prepare(`UPDATE slot_claims SET ${keys.map((k) => `${SLOT_PATCH_COLUMNS[k]} = ?`).join(', ')} WHERE schedule_id = ? AND slot_time = ?`)
      .run(...values, scheduleId, slotTime);
  }

  async getSlot(scheduleId: string, slotTime: string): Promise<SlotClaim | undefined> {
    const r = this.db.prepare('SELECT * FROM slot_claims WHERE schedule_id = ? AND slot_time = ?').get(scheduleId, slotTime) as Row | undefined;
    return r && toSlot(r);
  }

  async listSlots(scheduleId: string, statuses?: SlotStatus[]): Promise<SlotClaim[]> {
    const filter = statuses ? ` AND status IN (${statuses.map(() => '?').join(', ')})` : '';
    const rows = this.db.prepare(`SELECT * FROM slot_claims WHERE schedule_id = ?${filter} ORDER BY slot_time`).all(scheduleId, ...(statuses ?? [])) as Row[];
    return rows.map(toSlot);
  }

  async listRecoverableSlots(now: Date, staleBefore: Date): Promise<SlotClaim[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM slot_claims WHERE (status = 'retry' AND next_retry_at <= ?) OR (status = 'claimed' AND claimed_at < ?)
         ORDER BY slot_time`,
      )
      .all(now.toISOString(), staleBefore.toISOString()) as Row[];
    return rows.map(toSlot);
  }

  async recordDelivery(d: DeliveryRecord, marks: ItemMark[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO deliveries (id, platform, workspace, channel, schedule_id, slot_time, message_ids, item_refs, delivered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      insert.run(d.id, ...chArgs(d.channel), d.scheduleId ?? null, d.slotTime ?? null, JSON.stringify(d.messageIds), JSON.stringify(d.items), d.deliveredAt);
      this.markItemsSync(d.channel, marks, new Date(d.deliveredAt));
      if (d.scheduleId && d.slotTime) {
        this.db.prepare(`UPDATE slot_claims SET status = 'posted', last_error = NULL, next_retry_at = NULL WHERE schedule_id = ? AND slot_time = ?`).run(d.scheduleId, d.slotTime);
      }
    })();
  }

  async getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM deliveries WHERE id = ?').get(id) as Row | undefined;
    if (!r) return undefined;
    return toDelivery(id, r);
  }
}

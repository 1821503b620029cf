/**
 * PostgreSQL implementation of DigestStore, mirroring SqliteDigestStore statement by statement.
 * What must happen once across processes (a new subscription, a new item, a slot claim or
 * take-over) is one statement whose outcome PostgreSQL decides: INSERT … ON CONFLICT, or
 * UPDATE … WHERE status = … that only one transaction can satisfy.
 */
import type pg from 'pg';
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
import { withTransaction, type Queryable } from './pg-database.js';

const CH = 'platform = $1 AND workspace = $2 AND channel = $3';
const MARK_SQL = `INSERT INTO channel_items (platform, workspace, channel, feed_url, item_id, status, reason, story_id, story_title, delivery_id, slot_time, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
  ON CONFLICT (platform, workspace, channel, feed_url, item_id) DO UPDATE SET
    status = excluded.status, reason = excluded.reason, story_id = excluded.story_id, story_title = excluded.story_title,
    delivery_id = excluded.delivery_id, slot_time = excluded.slot_time, updated_at = excluded.updated_at
  WHERE channel_items.status <> 'delivered'`;

export class PgDigestStore implements DigestStore {
  private opening: Promise<unknown>;
  private openFailed = false;

  /**
   * @param pool the connections
   * @param prepare connects and migrates; started at once, and again on the next statement if it
   *   failed (a server that was down at start-up is used once it is back)
   */
  constructor(
    readonly pool: pg.Pool,
    private readonly prepare: () => Promise<unknown>,
  ) {
    this.opening = this.open();
  }

  /** Settles when the schema is migrated (rejects with the ConfigError of the last attempt). */
  get ready(): Promise<unknown> {
    return this.opening;
  }

  private open(): Promise<unknown> {
    this.openFailed = false;
    const attempt = this.prepare();
    // Seen by callers through `ready` or their statement; never an unhandled rejection.
    attempt.catch(() => {
      this.openFailed = true;
    });
    return attempt;
  }

  /** Runs one statement once the schema is ready. */
  protected async q(sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
    await this.whenReady();
    return this.pool.query<Row>(sql, params);
  }

  protected async tx<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.whenReady();
    return withTransaction(this.pool, fn);
  }

  /** Waits for the schema, opening again first if the last attempt failed. */
  async whenReady(): Promise<void> {
    if (this.openFailed) this.opening = this.open();
    await this.opening;
  }

  async addSubscription(sub: Subscription): Promise<boolean> {
    // xmax = 0 only on a row this statement inserted: one atomic "was it new".
    const { rows } = await this.q(
      `INSERT INTO subscriptions (platform, workspace, channel, feed_url, title, weight, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (platform, workspace, channel, feed_url) DO UPDATE SET title = excluded.title, weight = excluded.weight
       RETURNING (xmax = 0) AS inserted`,
      [...chArgs(sub.channel), sub.feedUrl, sub.title ?? null, sub.weight, sub.createdAt],
    );
    return rows[0]?.inserted === true;
  }

  async removeSubscription(channel: ChannelRef, feedUrl: string): Promise<boolean> {
    return ((await this.q(`DELETE FROM subscriptions WHERE ${CH} AND feed_url = $4`, [...chArgs(channel), feedUrl])).rowCount ?? 0) > 0;
  }

  async listSubscriptions(channel: ChannelRef): Promise<Subscription[]> {
    const { rows } = await this.q(`SELECT * FROM subscriptions WHERE ${CH} ORDER BY created_at, feed_url`, chArgs(channel));
    return rows.map(toSubscription);
  }

  async getFeedState(feedUrl: string): Promise<FeedState | undefined> {
    const r = (await this.q('SELECT * FROM feed_state WHERE feed_url = $1', [feedUrl])).rows[0];
    if (!r) return undefined;
    return toFeedState(feedUrl, r);
  }

  async saveFeedState(s: FeedState): Promise<void> {
    await this.q(
      `INSERT INTO feed_state (feed_url, title, etag, last_modified, failures, next_poll_at, last_error, last_success, last_polled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (feed_url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
         failures = excluded.failures, next_poll_at = excluded.next_poll_at, last_error = excluded.last_error,
         last_success = excluded.last_success, last_polled = excluded.last_polled`,
      [s.feedUrl, s.title ?? null, s.etag ?? null, s.lastModified ?? null, s.failures, s.nextPollAt ?? null, s.lastError ?? null, s.lastSuccess ?? null, s.lastPolled ?? null],
    );
  }

  async saveItems(feedUrl: string, items: FeedItem[], now: Date): Promise<FeedItem[]> {
    // One row per id: its first place in the feed, its last content (as saving one by one did).
    const byId = new Map<string, { first: FeedItem; last: FeedItem }>();
    for (const item of items) {
      const seen = byId.get(item.id);
      if (seen) seen.last = item;
      else byId.set(item.id, { first: item, last: item });
    }
    if (byId.size === 0) return [];
    const rows = [...byId.values()];
    // One statement: `seq` numbered in feed order, rows written (and locked) in item-id order, so two
    // instances saving overlapping items never wait on each other in a cycle (no deadlock).
    // New: inserted with both times; known: content and last-seen refreshed, first-seen kept.
    const { rows: saved } = await this.q(
      `WITH input AS (
         SELECT t.item_id, t.url, t.item, nextval(pg_get_serial_sequence('items', 'seq')) AS seq
         FROM (SELECT * FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(item_id, url, item, ord) ORDER BY ord) t
       )
       INSERT INTO items (feed_url, item_id, seq, url, item, first_seen_at, last_seen_at)
       SELECT $1, item_id, seq, url, item, $5, $5 FROM input ORDER BY item_id COLLATE "C"
       ON CONFLICT (feed_url, item_id) DO UPDATE SET url = excluded.url, item = excluded.item, last_seen_at = excluded.last_seen_at
       RETURNING item_id, (xmax = 0) AS inserted`,
      [feedUrl, rows.map((r) => r.first.id), rows.map((r) => r.last.url ?? null), rows.map((r) => JSON.stringify(r.last)), now.toISOString()],
    );
    const inserted = new Set(saved.filter((r) => r.inserted === true).map((r) => r.item_id as string));
    return rows.filter((r) => inserted.has(r.first.id)).map((r) => r.first);
  }

  async touchFeedItems(feedUrl: string, now: Date): Promise<void> {
    // Every item of the last document was saved with the same last_seen_at: the feed's latest.
    await this.q('UPDATE items SET last_seen_at = $1 WHERE feed_url = $2 AND last_seen_at = (SELECT MAX(last_seen_at) FROM items WHERE feed_url = $2)', [now.toISOString(), feedUrl]);
  }

  async purgeItems(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    return this.tx(async (client) => {
      await client.query(
        `DELETE FROM channel_items c USING items i
         WHERE i.feed_url = c.feed_url AND i.item_id = c.item_id AND i.last_seen_at < $1`,
        [cutoff],
      );
      return (await client.query('DELETE FROM items WHERE last_seen_at < $1', [cutoff])).rowCount ?? 0;
    });
  }

  async listFeedItems(feedUrl: string, limit = 1000): Promise<StoredItem[]> {
    const { rows } = await this.q('SELECT * FROM items WHERE feed_url = $1 ORDER BY first_seen_at DESC, seq DESC LIMIT $2', [feedUrl, limit]);
    return rows.map(toStoredItem);
  }

  async listUnseenItems(channel: ChannelRef, options: { since?: Date; limit?: number } = {}): Promise<StoredItem[]> {
    const { rows } = await this.q(
      `SELECT i.* FROM items i
       JOIN subscriptions s ON s.feed_url = i.feed_url AND s.platform = $1 AND s.workspace = $2 AND s.channel = $3
       WHERE i.first_seen_at >= $4
         AND NOT EXISTS (SELECT 1 FROM channel_items c WHERE c.platform = s.platform AND c.workspace = s.workspace
                         AND c.channel = s.channel AND c.feed_url = i.feed_url AND c.item_id = i.item_id)
       ORDER BY i.first_seen_at, i.seq LIMIT $5`,
      [...chArgs(channel), options.since?.toISOString() ?? '', options.limit ?? 100_000],
    );
    return rows.map(toStoredItem);
  }

  async findChannelItems(channel: ChannelRef, keys: string[]): Promise<StoredItem[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.q(
      `SELECT i.* FROM items i
       JOIN subscriptions s ON s.feed_url = i.feed_url AND s.platform = $1 AND s.workspace = $2 AND s.channel = $3
       WHERE i.url = ANY($4) OR i.item_id = ANY($4)
       ORDER BY i.first_seen_at`,
      [...chArgs(channel), keys],
    );
    return rows.map(toStoredItem);
  }

  async markItems(channel: ChannelRef, marks: ItemMark[], now: Date): Promise<void> {
    await this.tx((client) => markItemsOn(client, channel, marks, now));
  }

  async getChannelItem(channel: ChannelRef, ref: ItemRef): Promise<ChannelItemRecord | undefined> {
    const r = (await this.q(`SELECT * FROM channel_items WHERE ${CH} AND feed_url = $4 AND item_id = $5`, [...chArgs(channel), ref.feedUrl, ref.itemId])).rows[0];
    if (!r) return undefined;
    return toChannelItem(ref, r);
  }

  async saveSchedule(s: StoredSchedule): Promise<void> {
    await this.q(
      `INSERT INTO schedules (id, platform, workspace, channel, cron, timezone, topics, exclude, max_stories, enabled, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (platform, workspace, channel) DO UPDATE SET cron = excluded.cron, timezone = excluded.timezone,
         topics = excluded.topics, exclude = excluded.exclude, max_stories = excluded.max_stories,
         enabled = excluded.enabled, updated_at = excluded.updated_at`,
      [s.id, ...chArgs(s.channel), s.cron, s.timezone, JSON.stringify(s.topics ?? []), JSON.stringify(s.exclude ?? []), s.maxStories ?? null, s.enabled, s.updatedAt],
    );
  }

  async getSchedule(channel: ChannelRef): Promise<StoredSchedule | undefined> {
    const r = (await this.q(`SELECT * FROM schedules WHERE ${CH}`, chArgs(channel))).rows[0];
    return r && toSchedule(r);
  }

  async getScheduleById(id: string): Promise<StoredSchedule | undefined> {
    const r = (await this.q('SELECT * FROM schedules WHERE id = $1', [id])).rows[0];
    return r && toSchedule(r);
  }

  async listEnabledSchedules(): Promise<StoredSchedule[]> {
    return (await this.q('SELECT * FROM schedules WHERE enabled ORDER BY id')).rows.map(toSchedule);
  }

  async claimSlot(c: Omit<SlotClaim, 'attempts' | 'reported'> & { attempts?: number; reported?: boolean }): Promise<boolean> {
    // The primary key decides: of concurrent inserts of one (schedule, slot), exactly one lands.
    const res = await this.q(
      `INSERT INTO slot_claims (schedule_id, slot_time, platform, workspace, channel, status, attempts, next_retry_at, last_error, claimed_by, claimed_at, payload, reported)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (schedule_id, slot_time) DO NOTHING`,
      [c.scheduleId, c.slotTime, ...chArgs(c.channel), c.status, c.attempts ?? 0, c.nextRetryAt ?? null, c.lastError ?? null, c.claimedBy ?? null, c.claimedAt ?? null, c.payload ?? null, c.reported ?? false],
    );
    return res.rowCount === 1;
  }

  async reclaimSlot(scheduleId: string, slotTime: string, claimedBy: string, now: Date, staleBefore: Date): Promise<boolean> {
    // A concurrent taker waits on the row lock, then re-checks the WHERE against the new row
    // (now freshly claimed), so it matches nothing.
    const res = await this.q(
      `UPDATE slot_claims SET status = 'claimed', claimed_by = $1, claimed_at = $2
       WHERE schedule_id = $3 AND slot_time = $4
         AND ((status = 'retry' AND next_retry_at <= $2) OR (status = 'claimed' AND claimed_at < $5))`,
      [claimedBy, now.toISOString(), scheduleId, slotTime, staleBefore.toISOString()],
    );
    return res.rowCount === 1;
  }

  async updateSlot(scheduleId: string, slotTime: string, patch: SlotPatch): Promise<void> {
    const keys = Object.keys(patch) as (keyof SlotPatch)[];
    if (keys.length === 0) return;
    const values = keys.map((k) => patch[k] ?? null);
    const sets = keys.map((k, i) => `${SLOT_PATCH_COLUMNS[k]} = $${i + 1}`).join(', ');
    await this.q(`UPDATE slot_claims SET ${sets} WHERE schedule_id = $${keys.length + 1} AND slot_time = $${keys.length + 2}`, [...values, scheduleId, slotTime]);
  }

  async getSlot(scheduleId: string, slotTime: string): Promise<SlotClaim | undefined> {
    const r = (await this.q('SELECT * FROM slot_claims WHERE schedule_id = $1 AND slot_time = $2', [scheduleId, slotTime])).rows[0];
    return r && toSlot(r);
  }

  async listSlots(scheduleId: string, statuses?: SlotStatus[]): Promise<SlotClaim[]> {
    const { rows } = statuses
      ? await this.q('SELECT * FROM slot_claims WHERE schedule_id = $1 AND status = ANY($2) ORDER BY slot_time', [scheduleId, statuses])
      : await this.q('SELECT * FROM slot_claims WHERE schedule_id = $1 ORDER BY slot_time', [scheduleId]);
    return rows.map(toSlot);
  }

  async listRecoverableSlots(now: Date, staleBefore: Date): Promise<SlotClaim[]> {
    const { rows } = await this.q(
      `SELECT * FROM slot_claims WHERE (status = 'retry' AND next_retry_at <= $1) OR (status = 'claimed' AND claimed_at < $2)
       ORDER BY slot_time`,
      [now.toISOString(), staleBefore.toISOString()],
    );
    return rows.map(toSlot);
  }

  async recordDelivery(d: DeliveryRecord, marks: ItemMark[]): Promise<void> {
    await this.tx(async (client) => {
      await client.query(
        `INSERT INTO deliveries (id, platform, workspace, channel, schedule_id, slot_time, message_ids, item_refs, delivered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [d.id, ...chArgs(d.channel), d.scheduleId ?? null, d.slotTime ?? null, JSON.stringify(d.messageIds), JSON.stringify(d.items), d.deliveredAt],
      );
      await markItemsOn(client, d.channel, marks, new Date(d.deliveredAt));
      if (d.scheduleId && d.slotTime) {
        await client.query(`UPDATE slot_claims SET status = 'posted', last_error = NULL, next_retry_at = NULL WHERE schedule_id = $1 AND slot_time = $2`, [d.scheduleId, d.slotTime]);
      }
    });
  }

  async getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    const r = (await this.q('SELECT * FROM deliveries WHERE id = $1', [id])).rows[0];
    if (!r) return undefined;
    return toDelivery(id, r);
  }
}

/** The upsert of markItems, on a connection already inside a transaction. */
async function markItemsOn(client: Queryable, channel: ChannelRef, marks: ItemMark[], now: Date): Promise<void> {
  for (const m of marks) {
    await client.query(MARK_SQL, [...chArgs(channel), m.ref.feedUrl, m.ref.itemId, m.status, m.reason ?? null, m.storyId ?? null, m.storyTitle ?? null, m.deliveryId ?? null, m.slotTime ?? null, now.toISOString()]);
  }
}

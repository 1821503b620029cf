/**
 * Versioned schema migrations, applied in order inside a transaction.
 * Append new migrations; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'briefings, settings, cache',
    sql: `
      CREATE TABLE briefings (
        id          TEXT PRIMARY KEY,
        platform    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        briefing    TEXT NOT NULL,
        article     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      );
      CREATE INDEX briefings_by_channel ON briefings (platform, workspace, channel, created_at);
      CREATE INDEX briefings_by_expiry ON briefings (expires_at);

      CREATE TABLE channel_settings (
        platform    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        settings    TEXT NOT NULL,
        PRIMARY KEY (platform, workspace, channel)
      );

      CREATE TABLE cache (
        namespace   TEXT NOT NULL,
        key         TEXT NOT NULL,
        value       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (namespace, key)
      );
    `,
  },
  {
    version: 2,
    name: 'feeds, items, seen items, schedules, slot claims, deliveries',
    sql: `
      CREATE TABLE subscriptions (
        platform    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        feed_url    TEXT NOT NULL,
        title       TEXT,
        weight      REAL NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (platform, workspace, channel, feed_url)
      );
      CREATE INDEX subscriptions_by_feed ON subscriptions (feed_url);

      CREATE TABLE feed_state (
        feed_url      TEXT PRIMARY KEY,
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        next_poll_at  TEXT,
        last_error    TEXT,
        last_success  TEXT,
        last_polled   TEXT
      );

      CREATE TABLE items (
        feed_url      TEXT NOT NULL,
        item_id       TEXT NOT NULL,
        url           TEXT,
        item          TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, item_id)
      );
      CREATE INDEX items_by_url ON items (url);
      CREATE INDEX items_by_first_seen ON items (feed_url, first_seen_at);

      CREATE TABLE channel_items (
        platform    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        feed_url    TEXT NOT NULL,
        item_id     TEXT NOT NULL,
        status      TEXT NOT NULL,
        reason      TEXT,
        story_id    TEXT,
        story_title TEXT,
        delivery_id TEXT,
        slot_time   TEXT,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (platform, workspace, channel, feed_url, item_id)
      );

      CREATE TABLE schedules (
        id          TEXT PRIMARY KEY,
        platform    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        cron        TEXT NOT NULL,
        timezone    TEXT NOT NULL,
        topics      TEXT NOT NULL,
        exclude     TEXT NOT NULL,
        max_stories INTEGER,
        enabled     INTEGER NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (platform, workspace, channel)
      );

      CREATE TABLE slot_claims (
        schedule_id   TEXT NOT NULL,
        slot_time     TEXT NOT NULL,
        platform      TEXT NOT NULL,
        workspace     TEXT NOT NULL,
        channel       TEXT NOT NULL,
        status        TEXT NOT NULL,
        attempts      INTEGER NOT NULL DEFAULT 0,
        next_retry_at TEXT,
        last_error    TEXT,
        claimed_by    TEXT,
        claimed_at    TEXT,
        payload       TEXT,
        reported      INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (schedule_id, slot_time)
      );
      CREATE INDEX slot_claims_by_status ON slot_claims (status, next_retry_at);

      CREATE TABLE deliveries (
        id           TEXT PRIMARY KEY,
        platform     TEXT NOT NULL,
        workspace    TEXT NOT NULL,
        channel      TEXT NOT NULL,
        schedule_id  TEXT,
        slot_time    TEXT,
        message_ids  TEXT NOT NULL,
        item_refs    TEXT NOT NULL,
        delivered_at TEXT NOT NULL
      );
      CREATE INDEX deliveries_by_channel ON deliveries (platform, workspace, channel, delivered_at);
    `,
  },
  {
    version: 3,
    name: 'items: last seen in the feed, for retention',
    sql: `
      ALTER TABLE items ADD COLUMN last_seen_at TEXT;
      UPDATE items SET last_seen_at = first_seen_at;
      CREATE INDEX items_by_last_seen ON items (last_seen_at);
    `,
  },
  {
    version: 4,
    name: 'installations: one per workspace that added the app (OAuth)',
    sql: `
      CREATE TABLE installations (
        platform             TEXT NOT NULL,
        workspace            TEXT NOT NULL,
        enterprise_id        TEXT,
        org_wide             INTEGER NOT NULL,
        team_name            TEXT,
        enterprise_name      TEXT,
        app_id               TEXT,
        bot_token            TEXT NOT NULL,
        bot_id               TEXT,
        bot_user_id          TEXT NOT NULL,
        bot_scopes           TEXT NOT NULL,
        bot_refresh_token    TEXT,
        bot_token_expires_at BIGINT,
        installer_user_id    TEXT,
        installed_at         TEXT NOT NULL,
        PRIMARY KEY (platform, workspace)
      );
    `,
  },
];

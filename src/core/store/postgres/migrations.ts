/**
 * PostgreSQL schema, versioned like the SQLite one (same tables and columns) and applied at open
 * in one transaction under an advisory lock. Append new migrations; never edit one that has shipped.
 *
 * Timestamps are ISO 8601 strings (as in SQLite), JSON is text. Every column the store sorts or
 * compares by range uses the "C" collation, so ordering is byte order whatever the database's
 * locale (ISO strings then sort by time, as they do in SQLite). `seq` stands in for SQLite's rowid
 * as the tie-breaker between rows saved at the same instant.
 */
import type { Migration } from '../sqlite/migrations.js';

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'briefings, settings, cache',
    sql: `
      CREATE TABLE briefings (
        id          TEXT PRIMARY KEY,
        seq         BIGSERIAL NOT NULL,
        platform    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        briefing    TEXT NOT NULL,
        article     TEXT NOT NULL,
        created_at  TEXT COLLATE "C" NOT NULL,
        expires_at  TEXT COLLATE "C" NOT NULL
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
        feed_url    TEXT COLLATE "C" NOT NULL,
        title       TEXT,
        weight      DOUBLE PRECISION NOT NULL DEFAULT 1,
        created_at  TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (platform, workspace, channel, feed_url)
      );
      CREATE INDEX subscriptions_by_feed ON subscriptions (feed_url);

      CREATE TABLE feed_state (
        feed_url      TEXT PRIMARY KEY,
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        next_poll_at  TEXT COLLATE "C",
        last_error    TEXT,
        last_success  TEXT,
        last_polled   TEXT
      );

      CREATE TABLE items (
        feed_url      TEXT NOT NULL,
        item_id       TEXT NOT NULL,
        seq           BIGSERIAL NOT NULL,
        url           TEXT,
        item          TEXT NOT NULL,
        first_seen_at TEXT COLLATE "C" NOT NULL,
        last_seen_at  TEXT COLLATE "C",
        PRIMARY KEY (feed_url, item_id)
      );
      CREATE INDEX items_by_url ON items (url);
      CREATE INDEX items_by_first_seen ON items (feed_url, first_seen_at);
      CREATE INDEX items_by_last_seen ON items (last_seen_at);

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
        id          TEXT COLLATE "C" PRIMARY KEY,
        platform    TEXT NOT NULL,
        workspace   TEXT NOT NULL,
        channel     TEXT NOT NULL,
        cron        TEXT NOT NULL,
        timezone    TEXT NOT NULL,
        topics      TEXT NOT NULL,
        exclude     TEXT NOT NULL,
        max_stories INTEGER,
        enabled     BOOLEAN NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (platform, workspace, channel)
      );

      CREATE TABLE slot_claims (
        schedule_id   TEXT NOT NULL,
        slot_time     TEXT COLLATE "C" NOT NULL,
        platform      TEXT NOT NULL,
        workspace     TEXT NOT NULL,
        channel       TEXT NOT NULL,
        status        TEXT NOT NULL,
        attempts      INTEGER NOT NULL DEFAULT 0,
        next_retry_at TEXT COLLATE "C",
        last_error    TEXT,
        claimed_by    TEXT,
        claimed_at    TEXT COLLATE "C",
        payload       TEXT,
        reported      BOOLEAN NOT NULL DEFAULT FALSE,
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
    name: 'installations: one per workspace that added the app (OAuth)',
    sql: `
      CREATE TABLE installations (
        platform             TEXT NOT NULL,
        workspace            TEXT NOT NULL,
        enterprise_id        TEXT,
        org_wide             BOOLEAN NOT NULL,
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

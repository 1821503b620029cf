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
];

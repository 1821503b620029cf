/**
 * The default Store: one SQLite file through better-sqlite3, WAL mode, migrations in code.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChannelRef, Platform } from '../../model.js';
import type { StoredInstallation } from '../installation-store.js';
import type { ChannelSettings, Store, StoredBriefing } from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteDigestStore } from './sqlite-digest-store.js';
import { INSTALLATION_COLUMNS, installationArgs, toInstallation, toStoredBriefing, type Row } from '../row-mappers.js';

export interface SqliteStoreConfig {
  /** File path, or `:memory:`. */
  path: string;
}

/** Applies pending migrations; returns the schema version. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  let current = row.v ?? 0;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    current = m.version;
  }
  return current;
}

/** Opens (creating if needed) a SQLite database with WAL and a busy timeout, migrated. */
export function openSqlite(file: string): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // NORMAL is the recommended level for WAL: the database stays consistent; a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** Briefings, settings and cache here; the digest tables come from SqliteDigestStore. */
export class SqliteStore extends SqliteDigestStore implements Store {
  constructor(config: SqliteStoreConfig) {
    super(openSqlite(config.path));
  }

  /** The database is opened and migrated in the constructor. */
  async whenReady(): Promise<void> {}

  async saveBriefing(record: StoredBriefing): Promise<void> {
    const { channel: c } = record;
    this.db
      .prepare(
        `INSERT OR REPLACE INTO briefings (id, platform, workspace, channel, briefing, article, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(record.briefing.id, c.platform, c.workspace, c.channel, JSON.stringify(record.briefing), JSON.stringify(record.article), record.createdAt, record.expiresAt);
  }

  async getBriefing(id: string): Promise<StoredBriefing | undefined> {
    const row = this.db.prepare('SELECT * FROM briefings WHERE id = ?').get(id) as Row | undefined;
    return row && toStoredBriefing(row);
  }

  async latestBriefing(channel: ChannelRef, now: Date): Promise<StoredBriefing | undefined> {
    const row = this.db
      .prepare(
        `SELECT * FROM briefings WHERE platform = ? AND workspace = ? AND channel = ? AND expires_at > ?
         ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      )
      .get(channel.platform, channel.workspace, channel.channel, now.toISOString()) as Row | undefined;
    return row && toStoredBriefing(row);
  }

  async purgeExpiredBriefings(now: Date): Promise<number> {
    return this.db.prepare('DELETE FROM briefings WHERE expires_at <= ?').run(now.toISOString()).changes;
  }

  async getSettings(channel: ChannelRef): Promise<ChannelSettings> {
    const row = this.db
      .prepare('SELECT settings FROM channel_settings WHERE platform = ? AND workspace = ? AND channel = ?')
      .get(channel.platform, channel.workspace, channel.channel) as { settings: string } | undefined;
    return row ? (JSON.parse(row.settings) as ChannelSettings) : {};
  }

  async updateSettings(channel: ChannelRef, patch: ChannelSettings): Promise<ChannelSettings> {
    const next = { ...(await this.getSettings(channel)), ...patch };
    this.db
      .prepare('INSERT OR REPLACE INTO channel_settings (platform, workspace, channel, settings) VALUES (?, ?, ?, ?)')
      .run(channel.platform, channel.workspace, channel.channel, JSON.stringify(next));
    return next;
  }

  async cacheGet(namespace: string, key: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT value FROM cache WHERE namespace = ? AND key = ?').get(namespace, key) as { value: string } | undefined;
    return row?.value;
  }

  async cacheSet(namespace: string, key: string, value: string): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO cache (namespace, key, value, created_at) VALUES (?, ?, ?, ?)')
      .run(namespace, key, value, new Date().toISOString());
  }

  async saveInstallation(record: StoredInstallation): Promise<void> {
    const args = installationArgs(record, (b) => (b ? 1 : 0));
    this.db.prepare(`INSERT OR REPLACE INTO installations (${INSTALLATION_COLUMNS}) VALUES (${args.map(() => '?').join(', ')})`).run(...args);
  }

  async getInstallation(platform: Platform, workspace: string): Promise<StoredInstallation | undefined> {
    const row = this.db.prepare('SELECT * FROM installations WHERE platform = ? AND workspace = ?').get(platform, workspace) as Row | undefined;
    return row && toInstallation(row);
  }

  async deleteInstallation(platform: Platform, workspace: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM installations WHERE platform = ? AND workspace = ?').run(platform, workspace).changes > 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** Creates the SQLite store from a `sqlite://<path>` URL or a plain path. */
export function createSqliteStore(urlOrPath: string): SqliteStore {
  const file = urlOrPath.startsWith('sqlite://') ? urlOrPath.slice('sqlite://'.length) : urlOrPath;
  return new SqliteStore({ path: file || ':memory:' });
}

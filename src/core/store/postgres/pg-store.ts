/**
 * The PostgreSQL Store, for several newsbrief instances on one database. Same tables and
 * semantics as SQLite; the pool is small and the schema is migrated at open.
 */
import type { ChannelRef, Platform } from '../../model.js';
import type { StoredInstallation } from '../installation-store.js';
import type { ChannelSettings, Store, StoredBriefing } from '../store.js';
import { createPool, migratePostgres, openError, type PostgresStoreOptions, type Row } from './pg-database.js';
import { PgDigestStore } from './pg-digest-store.js';
import { INSTALLATION_COLUMNS, installationArgs, toInstallation, toStoredBriefing } from '../row-mappers.js';

export type { PostgresStoreOptions } from './pg-database.js';

/** Briefings, settings and cache here; the digest tables come from PgDigestStore. */
export class PostgresStore extends PgDigestStore implements Store {
  private closed = false;

  /**
   * Starts connecting and migrating at once; statements wait for that. If the database cannot be
   * opened, `ready` and the statements waiting for it reject with a ConfigError naming DATABASE_URL;
   * the next statement tries again.
   */
  constructor(url: string, options: PostgresStoreOptions = {}) {
    const pool = createPool(url, options);
    super(pool, () =>
      migratePostgres(pool).catch((err: unknown) => {
        throw openError(url, err);
      }),
    );
  }

  async saveBriefing(record: StoredBriefing): Promise<void> {
    const { channel: c } = record;
    // seq = DEFAULT: a replaced briefing counts as the latest saved, as SQLite's INSERT OR REPLACE does.
    await this.q(
      `INSERT INTO briefings (id, platform, workspace, channel, briefing, article, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET seq = DEFAULT, platform = excluded.platform, workspace = excluded.workspace, channel = excluded.channel,
         briefing = excluded.briefing, article = excluded.article, created_at = excluded.created_at, expires_at = excluded.expires_at`,
      [record.briefing.id, c.platform, c.workspace, c.channel, JSON.stringify(record.briefing), JSON.stringify(record.article), record.createdAt, record.expiresAt],
    );
  }

  async getBriefing(id: string): Promise<StoredBriefing | undefined> {
    const row = (await this.q('SELECT * FROM briefings WHERE id = $1', [id])).rows[0];
    return row && toStoredBriefing(row);
  }

  async latestBriefing(channel: ChannelRef, now: Date): Promise<StoredBriefing | undefined> {
    const row = (
      await this.q(
        `SELECT * FROM briefings WHERE platform = $1 AND workspace = $2 AND channel = $3 AND expires_at > $4
         ORDER BY created_at DESC, seq DESC LIMIT 1`,
        [channel.platform, channel.workspace, channel.channel, now.toISOString()],
      )
    ).rows[0];
    return row && toStoredBriefing(row);
  }

  async purgeExpiredBriefings(now: Date): Promise<number> {
    return (await this.q('DELETE FROM briefings WHERE expires_at <= $1', [now.toISOString()])).rowCount ?? 0;
  }

  async getSettings(channel: ChannelRef): Promise<ChannelSettings> {
    const row = (await this.q('SELECT settings FROM channel_settings WHERE platform = $1 AND workspace = $2 AND channel = $3', [channel.platform, channel.workspace, channel.channel])).rows[0];
    return row ? (JSON.parse(row.settings as string) as ChannelSettings) : {};
  }

  async updateSettings(channel: ChannelRef, patch: ChannelSettings): Promise<ChannelSettings> {
    const key = [channel.platform, channel.workspace, channel.channel];
    // Read-merge-write under the row's lock, so two instances updating one channel lose nothing.
    return this.tx(async (client) => {
      await client.query(`INSERT INTO channel_settings (platform, workspace, channel, settings) VALUES ($1, $2, $3, '{}') ON CONFLICT DO NOTHING`, key);
      const { rows } = await client.query<Row>('SELECT settings FROM channel_settings WHERE platform = $1 AND workspace = $2 AND channel = $3 FOR UPDATE', key);
      const next = { ...(JSON.parse((rows[0]?.settings as string | undefined) ?? '{}') as ChannelSettings), ...patch };
      await client.query('UPDATE channel_settings SET settings = $4 WHERE platform = $1 AND workspace = $2 AND channel = $3', [...key, JSON.stringify(next)]);
      return next;
    });
  }

  async cacheGet(namespace: string, key: string): Promise<string | undefined> {
    const row = (await this.q('SELECT value FROM cache WHERE namespace = $1 AND key = $2', [namespace, key])).rows[0];
    return row?.value as string | undefined;
  }

  async cacheSet(namespace: string, key: string, value: string): Promise<void> {
    await this.q(
      `INSERT INTO cache (namespace, key, value, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`,
      [namespace, key, value, new Date().toISOString()],
    );
  }

  async saveInstallation(record: StoredInstallation): Promise<void> {
    const args = installationArgs(record);
    const columns = INSTALLATION_COLUMNS.split(', ');
    await this.q(
      `INSERT INTO installations (${INSTALLATION_COLUMNS}) VALUES (${args.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (platform, workspace) DO UPDATE SET ${columns.slice(2).map((c) => `${c} = excluded.${c}`).join(', ')}`,
      args,
    );
  }

  async getInstallation(platform: Platform, workspace: string): Promise<StoredInstallation | undefined> {
    const row = (await this.q('SELECT * FROM installations WHERE platform = $1 AND workspace = $2', [platform, workspace])).rows[0];
    return row && toInstallation(row);
  }

  async deleteInstallation(platform: Platform, workspace: string): Promise<boolean> {
    return ((await this.q('DELETE FROM installations WHERE platform = $1 AND workspace = $2', [platform, workspace])).rowCount ?? 0) > 0;
  }

  /** Closes the pool (waiting for statements in flight). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }
}

/**
 * Opens the PostgreSQL store at `url` (postgres:// or postgresql://) and waits until its schema
 * is migrated.
 * @throws ConfigError naming DATABASE_URL when the server cannot be reached or refuses the login
 */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const store = new PostgresStore(url, options);
  try {
    await store.ready;
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

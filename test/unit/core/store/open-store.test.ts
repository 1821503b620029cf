import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config/index.js';
import { ConfigError } from '../../../../src/core/errors.js';
import { createPostgresStore, openStore, parseStoreUrl, redactUrl, SqliteStore } from '../../../../src/core/store/index.js';
import { freePort } from '../../../helpers/free-port.js';

describe('DATABASE_URL', () => {
  it('selects SQLite for sqlite:// and plain paths, PostgreSQL for postgres:// and postgresql://', () => {
    expect(parseStoreUrl('sqlite://./data/nb.db')).toEqual({ kind: 'sqlite', path: './data/nb.db' });
    expect(parseStoreUrl('/var/lib/nb.db')).toEqual({ kind: 'sqlite', path: '/var/lib/nb.db' });
    expect(parseStoreUrl('postgres://u:p@db.internal:5432/nb').kind).toBe('postgres');
    expect(parseStoreUrl('postgresql://u@db.internal/nb').kind).toBe('postgres');
  });

  it('opens a SQLite store for a sqlite:// URL', async () => {
    const store = openStore('sqlite://:memory:');
    expect(store).toBeInstanceOf(SqliteStore);
    await store.close();
  });

  it('refuses an unknown scheme or a PostgreSQL URL without a database, at config load, naming DATABASE_URL', () => {
    expect(() => loadConfig({ env: { DATABASE_URL: 'mysql://u:hunter2@db/nb' } })).toThrow(/DATABASE_URL.*postgres:\/\//);
    expect(() => parseStoreUrl('postgres://u:hunter2@db.internal:5432')).toThrow(ConfigError);
    try {
      parseStoreUrl('postgres://u:hunter2@db.internal:5432');
    } catch (err) {
      expect((err as ConfigError).key).toBe('DATABASE_URL');
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('masks the password in a URL shown to people', () => {
    expect(redactUrl('postgres://nb:s3cr%40t@db:5432/nb')).toBe('postgres://nb:***@db:5432/nb');
    expect(redactUrl('postgres://nb@db/nb')).toBe('postgres://nb@db/nb');
  });

  it('says which DATABASE_URL could not be reached and how to fix it, without the password', async () => {
    const url = `postgres://nb:s3cret-pw@127.0.0.1:${await freePort()}/nb`;
    const err = await createPostgresStore(url, { connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).key).toBe('DATABASE_URL');
    expect((err as Error).message).toMatch(/Could not open the PostgreSQL database postgres:\/\/nb:\*\*\*@127\.0\.0\.1:\d+\/nb: .*ECONNREFUSED.*Check DATABASE_URL/);
    expect((err as Error).message).not.toContain('s3cret-pw');

    // Opened lazily (as the app does), the first statement fails the same way.
    const lazy = openStore(url);
    await expect(lazy.getBriefing('x')).rejects.toThrow(/Check DATABASE_URL/);
    await lazy.close();
  });
});

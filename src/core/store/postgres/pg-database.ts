/**
 * The connection side of the PostgreSQL store: a small pool, migrations applied once at open
 * under an advisory lock, and errors that name DATABASE_URL without its password.
 */
import pg from 'pg';
import { ConfigError } from '../../errors.js';
import type { Logger } from '../../platform.js';
import { redactUrl } from '../store-url.js';
import { PG_MIGRATIONS } from './migrations.js';

export interface PostgresStoreOptions {
  /** Most connections this process opens (default 5: several instances share one server). */
  maxConnections?: number;
  /** Give up connecting after this long (default 10 000 ms). */
  connectTimeoutMs?: number;
  /** Where a dropped idle connection is reported. */
  logger?: Logger;
}

/** A pool or a client inside a transaction: what the store's statements run on. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;
export type Row = Record<string, unknown>;

/** Any 64-bit number shared by every newsbrief process; "newsbrief" in ASCII, shortened. */
const MIGRATION_LOCK = 0x6e657773_62726965n;

/** Applies pending migrations in one transaction; concurrent callers wait on the lock. Returns the schema version. */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    let current = rows[0]?.v ?? 0;
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      current = m.version;
    }
    return current;
  });
}

/** Runs `fn` in BEGIN … COMMIT on one pooled connection; rolls back if it throws. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** A pool for `url`; its idle-connection errors are logged (unhandled, they would end the process). */
export function createPool(url: string, options: PostgresStoreOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 5,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (err) => options.logger?.warn('postgres connection dropped', { err: scrub(err.message, url) }));
  return pool;
}

/** The error for a database that cannot be opened: names DATABASE_URL and the fix, never the password. */
export function openError(url: string, cause: unknown): ConfigError {
  const reason = scrub(cause instanceof Error ? cause.message || String((cause as NodeJS.ErrnoException).code ?? cause) : String(cause), url);
  const where = redactUrl(url);
  if (isSchemaError(cause)) {
    return new ConfigError('DATABASE_URL', `Could not create or upgrade newsbrief's tables in ${where}: ${reason}. The DATABASE_URL user must own the database or be allowed to create tables in it.`, { cause });
  }
  return new ConfigError(
    'DATABASE_URL',
    `Could not open the PostgreSQL database ${where}: ${reason}. Check DATABASE_URL (postgres://user:password@host:5432/database) and that the server is running and reachable.`,
    { cause },
  );
}

/** A server-side SQL error (SQLSTATE) other than connection (08), login (28), missing database (3D) or start-up (57P). */
function isSchemaError(cause: unknown): boolean {
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|28|3D|57P)/.test(code);
}

/** `text` with the URL's password (if any) masked, in case a driver message echoes it. */
function scrub(text: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text;
  }
  return password ? text.split(password).join('***') : text;
}

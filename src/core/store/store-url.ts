/**
 * Reads DATABASE_URL: `sqlite://<path>` (or a plain path) selects SQLite, `postgres://` or
 * `postgresql://` selects PostgreSQL. Anything else is a ConfigError that says what to write.
 */
import { ConfigError } from '../errors.js';

export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

const FIX = 'Set DATABASE_URL to sqlite://./data/newsbrief.db or postgres://user:password@host:5432/database in .env.';

/**
 * Which store a DATABASE_URL names.
 * @throws ConfigError (key DATABASE_URL) for an unknown scheme or an unreadable PostgreSQL URL
 */
export function parseStoreUrl(url: string): StoreTarget {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'sqlite', path: url };
  if (scheme === 'sqlite') return { kind: 'sqlite', path: url.slice('sqlite://'.length) };
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    throw new ConfigError('DATABASE_URL', `DATABASE_URL has an unsupported scheme "${scheme}://". ${FIX}`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL', `DATABASE_URL is not a valid PostgreSQL URL (${redactUrl(url)}). ${FIX}`);
  }
  if (!parsed.hostname || parsed.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL', `DATABASE_URL needs a host and a database name (${redactUrl(url)}). ${FIX}`);
  }
  return { kind: 'postgres', url };
}

/** The URL with its password replaced by `***`, fit for logs and error messages. */
export function redactUrl(url: string): string {
  // A regex rather than URL: it must also work on strings URL cannot parse.
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@');
}

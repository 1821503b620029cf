/**
 * Picks the Store implementation from DATABASE_URL's scheme.
 */
import type { Logger } from '../platform.js';
import { PostgresStore } from './postgres/pg-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';
import { parseStoreUrl } from './store-url.js';

export interface OpenStoreOptions {
  logger?: Logger;
}

/**
 * The store `url` names: `sqlite://path` (or a plain path) or `postgres://…`/`postgresql://…`.
 * A PostgreSQL store connects and migrates in the background; its first statement waits for
 * that and fails with a ConfigError naming DATABASE_URL if the server cannot be reached.
 * @throws ConfigError (DATABASE_URL) for a URL of no known store
 */
export function openStore(url: string, options: OpenStoreOptions = {}): Store {
  const target = parseStoreUrl(url);
  if (target.kind === 'postgres') return new PostgresStore(target.url, options.logger ? { logger: options.logger } : {});
  return new SqliteStore({ path: target.path || ':memory:' });
}

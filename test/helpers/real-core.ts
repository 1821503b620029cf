/**
 * The real core for integration tests: the real application (fetch, extraction, summarizer,
 * follow-ups, SQLite in memory) with private networks allowed so it can reach the tests' local servers.
 */
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import type { CoreApi } from '../../src/core/platform.js';
import { createApp, type App } from '../../src/main.js';

export async function createTestApp(env: NodeJS.ProcessEnv = {}, options: { now?: () => Date } = {}): Promise<App> {
  const config = loadConfig({ env: { DATABASE_URL: 'sqlite://:memory:', NEWSBRIEF_ALLOW_PRIVATE_NETWORKS: 'true', FETCH_TIMEOUT_MS: '15000', BRIEFINGS_PER_MINUTE: '1000', ...env } });
  return createApp(config, { logger: silentLogger, ...options });
}

export async function createRealCore(env: NodeJS.ProcessEnv = {}): Promise<CoreApi> {
  return (await createTestApp(env)).core();
}

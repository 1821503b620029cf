export type { Store, StoredBriefing, ChannelSettings, BriefingStore, SettingsStore, CacheStore } from './store.js';
export { SqliteStore, createSqliteStore, openSqlite, migrate } from './sqlite/sqlite-store.js';

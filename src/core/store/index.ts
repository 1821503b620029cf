export type { StoredInstallation, InstallationRecordStore } from './installation-store.js';
export type { Store, StoredBriefing, ChannelSettings, BriefingStore, SettingsStore, CacheStore } from './store.js';
export { SqliteStore, createSqliteStore, openSqlite, migrate } from './sqlite/sqlite-store.js';
export { PostgresStore, createPostgresStore, type PostgresStoreOptions } from './postgres/index.js';
export { openStore, type OpenStoreOptions } from './open-store.js';
export { parseStoreUrl, redactUrl, type StoreTarget } from './store-url.js';
export type {
  DigestStore,
  ItemRef,
  Subscription,
  FeedState,
  StoredItem,
  ChannelItemStatus,
  ItemMark,
  ChannelItemRecord,
  StoredSchedule,
  SlotStatus,
  SlotClaim,
  SlotPatch,
  DeliveryRecord,
} from './digest-store.js';
export { SqliteDigestStore } from './sqlite/sqlite-digest-store.js';

/**
 * The Store port: everything newsbrief keeps between commands.
 * Every row belongs to one ChannelRef; reads are always scoped by it, so one workspace or
 * channel never sees another's data. SQLite is the default implementation; every
 * implementation must pass test/contract/store.contract.ts.
 */
import type { Article, Briefing, ChannelRef, SummarizerName } from '../model.js';
import type { DigestStore } from './digest-store.js';
import type { InstallationRecordStore } from './installation-store.js';

/** A briefing as stored, with the article text follow-ups are answered from. */
export interface StoredBriefing {
  channel: ChannelRef;
  briefing: Briefing;
  article: Article;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; after this the briefing is gone for follow-ups. */
  expiresAt: string;
}

/** Per-channel preferences. */
export interface ChannelSettings {
  summarizer?: SummarizerName;
  /** Post "nothing new" rather than skipping an empty digest. */
  postEmptyDigest?: boolean;
}

export interface BriefingStore {
  saveBriefing(record: StoredBriefing): Promise<void>;
  /** The briefing with this id, whatever channel it belongs to (callers check the channel). */
  getBriefing(id: string): Promise<StoredBriefing | undefined>;
  /** The most recent briefing posted in this channel that has not expired at `now`. */
  latestBriefing(channel: ChannelRef, now: Date): Promise<StoredBriefing | undefined>;
  /** Deletes briefings that expired before `now`; returns how many. */
  purgeExpiredBriefings(now: Date): Promise<number>;
}

export interface SettingsStore {
  getSettings(channel: ChannelRef): Promise<ChannelSettings>;
  updateSettings(channel: ChannelRef, patch: ChannelSettings): Promise<ChannelSettings>;
}

/** A small key-value cache (LLM summaries keyed by a content hash). */
export interface CacheStore {
  cacheGet(namespace: string, key: string): Promise<string | undefined>;
  cacheSet(namespace: string, key: string, value: string): Promise<void>;
}

export interface Store extends BriefingStore, SettingsStore, CacheStore, DigestStore, InstallationRecordStore {
  /**
   * Settles once the store can serve statements: at once for SQLite (opened on creation), after
   * connecting and migrating for PostgreSQL. Rejects with a ConfigError naming DATABASE_URL.
   */
  whenReady(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What the command layer needs from the rest of the core. Each is an explicit seam so the
 * composition root (src/main.ts) picks the implementations and tests can run the real ones.
 */
import type { Article, ChannelRef, FollowupVerb, Reply } from '../model.js';
import type { StoredBriefing } from '../store/store.js';

/** Where articles come from: a link (fetched safely) or pasted text. */
export interface ArticleSource {
  /** @throws NewsbriefError with a user-facing message */
  loadUrl(url: string): Promise<Article>;
  fromText(text: string): Article;
}

/** Follow-up verbs on a stored briefing. */
export interface FollowupService {
  run(verb: FollowupVerb, stored: StoredBriefing, arg?: string): Reply | Promise<Reply>;
}

/** Feeds, schedules and digests of one channel. */
export interface DigestService {
  feedsAdd(channel: ChannelRef, url: string, options: { latest?: number; weight?: number }): Promise<Reply>;
  feedsList(channel: ChannelRef): Promise<Reply>;
  feedsRemove(channel: ChannelRef, url: string): Promise<Reply>;
  scheduleSet(channel: ChannelRef, spec: string): Promise<Reply>;
  scheduleShow(channel: ChannelRef): Promise<Reply>;
  scheduleOff(channel: ChannelRef): Promise<Reply>;
  /** The channel's unseen news now (`/brief` with nothing after it). */
  digestNow(channel: ChannelRef): Promise<Reply>;
  /** What happened to a feed item. */
  why(channel: ChannelRef, url: string): Promise<Reply>;
}

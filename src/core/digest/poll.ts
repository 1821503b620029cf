/**
 * Polls feeds: conditional requests (ETag / Last-Modified), per-feed backoff after errors,
 * limited concurrency, and one fetch per URL however many channels follow it (concurrent
 * callers share the request in flight; a feed polled within `minIntervalMs` is not re-fetched).
 */
import type { FeedItem } from '../model.js';
import type { Logger } from '../platform.js';
import type { FeedState, Store } from '../store/index.js';
import { decodeFeedBody, parseFeedDocument } from '../extract/feed-parse.js';
import { discoverFeedLinks } from '../extract/feed-discover.js';
import { isNewsbriefError } from '../errors.js';
import type { HttpGet } from './seams.js';

export interface PollOptions {
  httpGet: HttpGet;
  now?: () => Date;
  /** Feeds fetched at once. */
  concurrency?: number;
  /** A feed polled more recently than this is not fetched again. */
  minIntervalMs?: number;
  /** First backoff after a failure; doubles per consecutive failure. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  userAgent?: string;
  logger?: Logger;
}

export const DEFAULT_POLL_OPTIONS = {
  concurrency: 4,
  minIntervalMs: 5 * 60_000,
  backoffBaseMs: 5 * 60_000,
  backoffMaxMs: 6 * 3_600_000,
  userAgent: 'newsbrief/0.1 (feed reader)',
} as const;

export type PollStatus = 'updated' | 'not-modified' | 'recent' | 'backoff' | 'failed';

export interface PollResult {
  feedUrl: string;
  status: PollStatus;
  /** Items stored for the first time by this poll. */
  newItems: FeedItem[];
  /** Items in the document (only when it was fetched and parsed). */
  items?: FeedItem[];
  title?: string;
  /** Why the feed is broken (`failed`, or `backoff` after an earlier failure). */
  error?: string;
  /** `FEED_INVALID` when the document was fetched but is not a feed. */
  errorCode?: string;
  /** When the URL was a web page: the feeds it advertises. */
  discovered?: string[];
}

export interface FeedPoller {
  poll(feedUrls: string[]): Promise<PollResult[]>;
  /** Fetches one feed now, ignoring `minIntervalMs` and backoff (used by `feeds add`). */
  pollNow(feedUrl: string): Promise<PollResult>;
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A feed URL for logs: private feeds often carry a key in the query, so it is left out. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(invalid url)';
  }
}

/** Runs `fn` over `inputs` with at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(inputs: T[], limit: number, fn: (input: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await fn(inputs[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  return out;
}

/** Creates a poller over `store`; keep one per process so in-flight requests are shared. */
export function createFeedPoller(store: Store, options: PollOptions): FeedPoller {
  const o = { ...DEFAULT_POLL_OPTIONS, ...options };
  const now = o.now ?? (() => new Date());
  const inflight = new Map<string, Promise<PollResult>>();

  const fetchFeed = async (feedUrl: string, force: boolean): Promise<PollResult> => {
    const at = now();
    const state: FeedState = (await store.getFeedState(feedUrl)) ?? { feedUrl, failures: 0 };
    if (!force && state.nextPollAt && Date.parse(state.nextPollAt) > at.getTime()) {
      return { feedUrl, status: 'backoff', newItems: [], error: state.lastError, title: state.title };
    }
    if (!force && state.failures === 0 && state.lastPolled && at.getTime() - Date.parse(state.lastPolled) < o.minIntervalMs) {
      return { feedUrl, status: 'recent', newItems: [], title: state.title };
    }
    const headers: Record<string, string> = { 'user-agent': o.userAgent, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' };
    if (state.etag) headers['if-none-match'] = state.etag;
    if (state.lastModified) headers['if-modified-since'] = state.lastModified;
    try {
      const res = await o.httpGet(feedUrl, { headers });
      if (res.status === 304) {
        await store.touchFeedItems(feedUrl, at);
        await store.saveFeedState({ ...state, failures: 0, nextPollAt: undefined, lastError: undefined, lastSuccess: at.toISOString(), lastPolled: at.toISOString() });
        return { feedUrl, status: 'not-modified', newItems: [], title: state.title };
      }
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
      let parsed: ReturnType<typeof parseFeedDocument>;
      try {
        parsed = parseFeedDocument(res.body, res.finalUrl || feedUrl);
      } catch (err) {
        const discovered = discoverFeedLinks(decodeFeedBody(res.body), res.finalUrl || feedUrl);
        if (discovered.length > 0) (err as { discovered?: string[] }).discovered = discovered;
        throw err;
      }
      // Items keep the subscribed URL as their feed, even after a redirect.
      const items = parsed.items.map((i) => ({ ...i, feedUrl }));
      const newItems = await store.saveItems(feedUrl, items, at);
      const h = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]));
      await store.saveFeedState({
        feedUrl,
        title: parsed.title ?? state.title,
        etag: h.etag,
        lastModified: h['last-modified'],
        failures: 0,
        lastSuccess: at.toISOString(),
        lastPolled: at.toISOString(),
      });
      return { feedUrl, status: 'updated', newItems, items, title: parsed.title };
    } catch (err) {
      const failures = state.failures + 1;
      const delay = Math.min(o.backoffBaseMs * 2 ** (failures - 1), o.backoffMaxMs);
      const error = errorText(err);
      await store.saveFeedState({ ...state, failures, lastError: error, lastPolled: at.toISOString(), nextPollAt: new Date(at.getTime() + delay).toISOString() });
      o.logger?.warn('feed poll failed', { feed: redactUrl(feedUrl), error, failures, retryInMs: delay });
      const errorCode = isNewsbriefError(err) ? err.code : undefined;
      const discovered = (err as { discovered?: string[] } | undefined)?.discovered;
      return { feedUrl, status: 'failed', newItems: [], error, title: state.title, ...(errorCode ? { errorCode } : {}), ...(discovered ? { discovered } : {}) };
    }
  };

  const shared = (feedUrl: string, force: boolean): Promise<PollResult> => {
    const running = inflight.get(feedUrl);
    if (running) return running;
    const p = fetchFeed(feedUrl, force).finally(() => inflight.delete(feedUrl));
    inflight.set(feedUrl, p);
    return p;
  };

  return {
    poll: (feedUrls) => mapLimit([...new Set(feedUrls)], o.concurrency, (u) => shared(u, false)),
    pollNow: (feedUrl) => shared(feedUrl, true),
  };
}

/**
 * The CLI's `newsbrief digest --feed URL … --since 24h --json`: a digest of some feeds with no
 * channel and no store, and its JSON shape.
 */
import type { Digest, FeedItem } from '../model.js';
import { parseFeedDocument } from '../extract/feed-parse.js';
import { composeDigest } from './compose.js';
import { mapLimit } from './poll.js';
import type { GroupStories, HttpGet, SummarizeStory } from './seams.js';

export interface FeedsDigestOptions {
  httpGet: HttpGet;
  /** Only items published at or after this (items without a date are kept). */
  since?: Date;
  now?: () => Date;
  maxStories?: number;
  topics?: string[];
  exclude?: string[];
  group?: GroupStories;
  summarizeStory?: SummarizeStory;
  concurrency?: number;
}

/** Fetches the feeds and composes one digest; a broken feed is listed, never fatal. */
export async function buildDigestForFeeds(feedUrls: string[], options: FeedsDigestOptions): Promise<Digest> {
  const now = (options.now ?? (() => new Date()))();
  const brokenFeeds: Digest['brokenFeeds'] = [];
  const perFeed = await mapLimit([...new Set(feedUrls)], options.concurrency ?? 4, async (url): Promise<FeedItem[]> => {
    try {
      const res = await options.httpGet(url, { headers: { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' } });
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
      return parseFeedDocument(res.body, res.finalUrl || url).items.map((i) => ({ ...i, feedUrl: url }));
    } catch (err) {
      brokenFeeds.push({ url, error: err instanceof Error ? err.message : String(err) });
      return [];
    }
  });
  const since = options.since?.getTime();
  const items = perFeed.flat().filter((i) => since === undefined || !i.publishedAt || Date.parse(i.publishedAt) >= since);
  const { digest } = await composeDigest(items, { ...options, now });
  return { ...digest, brokenFeeds };
}

/** The `--json` shape: `{ stories: [{ title, points, sources: [{ url, title, feed }] }], brokenFeeds, notes }`. */
export function digestToJson(digest: Digest): {
  stories: { title: string; points: string[]; sources: { url?: string; title: string; feed: string }[] }[];
  brokenFeeds: Digest['brokenFeeds'];
  notes: string[];
} {
  return {
    stories: digest.stories.map((s) => ({
      title: s.title,
      points: s.points,
      sources: s.items.map((i) => ({ ...(i.url ? { url: i.url } : {}), title: i.title, feed: i.feedTitle ?? i.feedUrl })),
    })),
    brokenFeeds: digest.brokenFeeds,
    notes: digest.notes,
  };
}

/**
 * Unseen items → a ranked Digest: filter by the channel's rules, group into stories, rank
 * (number of sources, recency, topics, feed weight), keep the top N, and give each 1–2 points.
 * It also says what became of every item, so the caller can record it once the post is confirmed.
 */
import type { Digest, FeedItem, Story } from '../model.js';
import type { ItemMark } from '../store/index.js';
import { compileRules } from './filter.js';
import { groupByExactTitle, summarizeFromFeed } from './defaults.js';
import type { GroupStories, SummarizeStory } from './seams.js';

export const DEFAULT_MAX_STORIES = 8;
/** Recency half-life: a story loses half its freshness bonus every 12 hours. */
const RECENCY_HALF_LIFE_H = 12;

export interface ComposeOptions {
  now: Date;
  topics?: string[];
  exclude?: string[];
  maxStories?: number;
  /** Ranking weight per feed URL (default 1). */
  weights?: Map<string, number>;
  /** When each item was first seen, keyed `${feedUrl} ${id}`: the fallback for a missing date. */
  firstSeen?: Map<string, string>;
  group?: GroupStories;
  summarizeStory?: SummarizeStory;
}

export interface ComposedDigest {
  digest: Digest;
  /** What to record per item once the digest is confirmed posted (delivery ids added then). */
  marks: ItemMark[];
}

export const itemKey = (item: Pick<FeedItem, 'feedUrl' | 'id'>): string => `${item.feedUrl} ${item.id}`;

/** The item's date for ranking: its published date, never in the future, else when first seen. */
function itemTime(item: FeedItem, now: Date, firstSeen?: Map<string, string>): number {
  const published = item.publishedAt ? Date.parse(item.publishedAt) : NaN;
  const seen = firstSeen?.get(itemKey(item));
  const t = Number.isNaN(published) ? (seen ? Date.parse(seen) : now.getTime()) : published;
  return Math.min(t, now.getTime());
}

/** Builds the digest for `items` (the channel's unseen items). */
export async function composeDigest(items: FeedItem[], options: ComposeOptions): Promise<ComposedDigest> {
  const { now } = options;
  const rules = compileRules(options.topics, options.exclude);
  const weights = options.weights ?? new Map<string, number>();
  const group = options.group ?? groupByExactTitle;
  const summarize = options.summarizeStory ?? summarizeFromFeed;
  const marks: ItemMark[] = [];

  const kept: FeedItem[] = [];
  for (const item of items) {
    const reason = rules.filterReason(item);
    if (reason) marks.push({ ref: { feedUrl: item.feedUrl, itemId: item.id }, status: 'filtered', reason });
    else kept.push(item);
  }

  const byKey = new Map<string, FeedItem>(kept.map((item, i) => [`i${i}`, item]));
  const grouped = group(
    [...byKey].map(([id, item]) => ({
      id,
      title: item.title,
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.url ? { url: item.url } : {}),
      source: item.feedTitle ?? item.feedUrl,
      ...(item.publishedAt ? { published: item.publishedAt } : {}),
    })),
  );

  const weightOf = (item: FeedItem): number => weights.get(item.feedUrl) ?? 1;
  const times = new Map<FeedItem, number>(kept.map((i) => [i, itemTime(i, now, options.firstSeen)]));
  const timeOf = (item: FeedItem): number => times.get(item) ?? now.getTime();
  const scored: Story[] = [];
  const placed = new Set<string>();
  for (const g of grouped.stories) {
    const storyItems = g.itemIds.map((id) => byKey.get(id)).filter((i): i is FeedItem => i !== undefined && !placed.has(itemKey(i)));
    if (storyItems.length === 0) continue;
    storyItems.forEach((i) => placed.add(itemKey(i)));
    // Lead item (title and points): the heaviest feed, then one with a summary, then the earliest report.
    storyItems.sort(
      (a, b) => weightOf(b) - weightOf(a) || Number(!!b.summary) - Number(!!a.summary) || timeOf(a) - timeOf(b),
    );
    const sources = new Set(storyItems.map((i) => i.feedUrl)).size;
    const newest = Math.max(...storyItems.map(timeOf));
    const ageH = Math.max(0, (now.getTime() - newest) / 3_600_000);
    const recency = 2 * 0.5 ** (ageH / RECENCY_HALF_LIFE_H);
    const weight = Math.max(...storyItems.map(weightOf));
    const topicHits = rules.topics.length ? new Set(storyItems.flatMap((i) => rules.matchTopics(i))).size : 0;
    const score = weight * (sources + recency) + 0.5 * topicHits;
    const lead = storyItems[0] as FeedItem;
    scored.push({ id: g.id, title: lead.title, items: storyItems, points: [], score: Math.round(score * 1000) / 1000 });
  }
  // Items the grouper left out still count: each becomes its own story.
  for (const item of kept) {
    if (!placed.has(itemKey(item))) scored.push({ id: `s-${itemKey(item)}`, title: item.title, items: [item], points: [], score: weightOf(item) });
  }

  scored.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.title.localeCompare(b.title));
  const max = options.maxStories ?? DEFAULT_MAX_STORIES;
  const top = scored.slice(0, max);
  await Promise.all(
    top.map(async (story) => {
      const points = await summarize(story.items[0] as FeedItem);
      story.points = points.slice(0, 2);
    }),
  );
  for (const story of top) {
    for (const i of story.items) marks.push({ ref: { feedUrl: i.feedUrl, itemId: i.id }, status: 'delivered', storyId: story.id, storyTitle: story.title });
  }
  for (const story of scored.slice(max)) {
    for (const i of story.items) {
      marks.push({ ref: { feedUrl: i.feedUrl, itemId: i.id }, status: 'ranked-out', reason: `ranked below the top ${max}`, storyId: story.id, storyTitle: story.title });
    }
  }
  return { digest: { stories: top, brokenFeeds: [], notes: [] }, marks };
}

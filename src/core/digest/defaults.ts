/**
 * Stand-ins used until the real seams are wired: grouping by exact normalised title, and
 * points taken from the first sentences of the feed's own summary.
 */
import { createHash } from 'node:crypto';
import type { FeedItem } from '../model.js';
import { firstSentences } from '../extract/feed-text.js';
import type { GroupInputItem, GroupStories } from './seams.js';

/** Lower case, letters and digits only, single spaces: "Port strike ends!" ≈ "port strike ends". */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Trivial grouping: items with the same normalised title are one story. */
export const groupByExactTitle: GroupStories = (items: GroupInputItem[]) => {
  const byTitle = new Map<string, string[]>();
  for (const item of items) {
    const key = normaliseTitle(item.title) || item.id;
    const ids = byTitle.get(key);
    if (ids) ids.push(item.id);
    else byTitle.set(key, [item.id]);
  }
  return {
    stories: [...byTitle].map(([key, itemIds]) => ({ id: `t-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`, itemIds })),
  };
};

/** The first 1–2 sentences of the item's feed summary (already plain text). */
export function summarizeFromFeed(item: FeedItem): string[] {
  return item.summary ? firstSentences(item.summary, 2) : [];
}

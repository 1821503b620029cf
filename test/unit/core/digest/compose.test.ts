import { describe, expect, it } from 'vitest';
import { composeDigest, digestToReply } from '../../../../src/core/digest/index.js';
import type { FeedItem } from '../../../../src/core/model.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const item = (feed: string, id: string, title: string, h: number, summary?: string): FeedItem => ({
  id,
  feedUrl: `https://${feed}.example/rss`,
  feedTitle: `${feed} news`,
  title,
  url: `https://${feed}.example/${id}`,
  publishedAt: hoursAgo(h),
  ...(summary ? { summary } : {}),
});

describe('composeDigest', () => {
  it('puts a story three outlets report above a fresher single-source one, and lists every source', async () => {
    const items = [
      item('a', '1', 'Port strike ends', 6, 'Workers returned on Friday. A deal was signed. Ships wait.'),
      item('b', '2', 'Port strike ends!', 5),
      item('c', '3', 'port strike ends', 7),
      item('d', '4', 'Cat rescued from tree', 0.1),
    ];
    const { digest } = await composeDigest(items, { now: NOW });
    expect(digest.stories.map((s) => s.title)).toEqual(['Port strike ends', 'Cat rescued from tree']);
    expect(digest.stories[0]?.items).toHaveLength(3);
    expect(digest.stories[0]?.points).toEqual(['Workers returned on Friday.', 'A deal was signed.']);
  });

  it('drops items with an excluded word and, with topics set, items about none of them, saying why', async () => {
    const items = [item('a', '1', 'Crypto exchange opens office', 1), item('a', '2', 'AI maps coral reefs', 1), item('a', '3', 'Local elections on Sunday', 1)];
    const { digest, marks } = await composeDigest(items, { now: NOW, topics: ['ai', 'election'], exclude: ['crypto'] });
    expect(digest.stories.map((s) => s.title)).toEqual(['AI maps coral reefs', 'Local elections on Sunday']);
    expect(marks.filter((m) => m.status === 'filtered').map((m) => [m.ref.itemId, m.reason])).toEqual([['1', 'excluded word: crypto']]);
    const said = await composeDigest([item('a', '5', 'Said the mayor', 1)], { now: NOW, topics: ['ai'] });
    expect(said.marks[0]).toMatchObject({ status: 'filtered', reason: 'matches none of the topics: ai' });
  });

  it('keeps the top N stories, ranks by recency and feed weight, and marks the rest ranked out', async () => {
    const items = Array.from({ length: 12 }, (_, i) => item('a', String(i), `Story ${i}`, i));
    const { digest, marks } = await composeDigest(items, { now: NOW, maxStories: 3 });
    expect(digest.stories.map((s) => s.title)).toEqual(['Story 0', 'Story 1', 'Story 2']);
    expect(marks.filter((m) => m.status === 'ranked-out')).toHaveLength(9);
    const weighted = await composeDigest([item('a', '1', 'Light', 0), item('heavy', '2', 'Heavy', 3)], {
      now: NOW,
      weights: new Map([['https://heavy.example/rss', 3]]),
    });
    expect(weighted.digest.stories[0]?.title).toBe('Heavy');
  });

  it('uses the grouping and summarizing seams when given', async () => {
    const items = [item('a', '1', 'Quake hits coast', 1), item('b', '2', 'Earthquake strikes the coast', 1)];
    const { digest } = await composeDigest(items, {
      now: NOW,
      group: (xs) => ({ stories: [{ id: 'quake', itemIds: xs.map((x) => x.id) }] }),
      summarizeStory: (i) => [`Point about ${i.title}.`],
    });
    expect(digest.stories).toHaveLength(1);
    expect(digest.stories[0]).toMatchObject({ id: 'quake', points: ['Point about Quake hits coast.'] });
  });
});

describe('digestToReply', () => {
  it('gives one section per story with links, and names broken feeds and notes in context', async () => {
    const { digest } = await composeDigest([item('a', '1', 'Port strike ends', 1, 'Workers returned.')], { now: NOW });
    const reply = digestToReply({ ...digest, brokenFeeds: [{ url: 'https://broken.example/rss', error: 'HTTP 500' }], notes: ['The digest of Thu was missed.'] });
    expect(reply.kind).toBe('digest');
    expect(reply.sections).toEqual([
      { heading: 'Port strike ends', points: ['Workers returned.'], links: [{ title: 'Port strike ends', url: 'https://a.example/1', source: 'a news' }] },
    ]);
    expect(reply.context).toEqual(['Could not read https://broken.example/rss: HTTP 500', 'The digest of Thu was missed.']);
  });

  it('says nothing new for an empty digest', () => {
    expect(digestToReply({ stories: [], brokenFeeds: [], notes: [] })).toMatchObject({ kind: 'digest', text: 'Nothing new since the last digest.' });
  });
});

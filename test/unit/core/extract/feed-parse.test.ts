import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../../../src/core/extract/feed-parse.js';
import { canonicalUrl, itemIdentity } from '../../../../src/core/extract/feed-identity.js';
import { isNewsbriefError } from '../../../../src/core/errors.js';

const fixture = (name: string): Buffer => fs.readFileSync(path.join(import.meta.dirname, '../../../fixtures/feeds', name));

describe('parseFeedDocument', () => {
  it('reads RSS 2.0 items with guid identity, resolved links without tracking, plain-text summaries', () => {
    const feed = parseFeedDocument(fixture('rss2.xml'), 'https://harbour.example/rss.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Times');
    expect(feed.items).toHaveLength(3);
    const [strike, ferry] = feed.items;
    expect(strike).toMatchObject({
      id: 'ht-1001',
      url: 'https://harbour.example/news/port-strike-ends',
      title: 'Port strike ends after three days',
      publishedAt: '2026-11-27T07:00:00.000Z',
      feedTitle: 'Harbour Times',
      author: 'Ana Silva',
    });
    expect(strike?.summary).toBe('Dock workers returned on Friday after a pay deal was signed. Ships queued for two days. A third sentence.');
    expect(ferry).toMatchObject({ id: 'https://harbour.example/news/ferry', url: 'https://harbour.example/news/ferry' });
    expect(ferry?.summary).toContain('March & April');
  });

  it('reads RSS 1.0 (RDF) items by their canonical link', () => {
    const feed = parseFeedDocument(fixture('rdf.xml'), 'https://valley.example/rss');
    expect(feed.format).toBe('rdf');
    expect(feed.items.map((i) => i.id)).toEqual(['https://valley.example/2026/port-strike', 'https://valley.example/2026/rain']);
    expect(feed.items[0]?.publishedAt).toBe('2026-11-27T08:15:00.000Z');
  });

  it('reads Atom entries, resolving links against xml:base and decoding the html title', () => {
    const feed = parseFeedDocument(fixture('atom.xml'), 'https://science.example/atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Science & Sea');
    expect(feed.items.map((i) => i.url)).toEqual(['https://science.example/blog/whales-return', 'https://science.example/reefs/ai-coral']);
    expect(feed.items[0]).toMatchObject({ id: 'tag:science.example,2026:whales', publishedAt: '2026-11-27T08:45:00.000Z' });
    expect(feed.items[1]?.summary).toBe('An AI system mapped 400 km of reef in a week.');
  });

  it('reads JSON Feed items, normalising a URL-shaped id and resolving relative urls', () => {
    const feed = parseFeedDocument(fixture('feed.json'), 'https://town.example/feed.json');
    expect(feed.format).toBe('json');
    expect(feed.items.map((i) => [i.id, i.url])).toEqual([
      ['https://town.example/p/library', 'https://town.example/p/library'],
      ['town-2', 'https://town.example/p/market'],
    ]);
  });

  it('gives an item with neither guid nor link a content hash that ignores its date', () => {
    const feed = parseFeedDocument(fixture('no-guid.xml'), 'https://plain.example/rss');
    expect(feed.items[0]?.id).toMatch(/^hash:[0-9a-f]{24}$/);
    expect(itemIdentity(undefined, undefined, 'No link, no guid', 'Only words here.')).toBe(feed.items[0]?.id);
  });

  it('says a web page is not a feed', () => {
    try {
      parseFeedDocument(fixture('not-a-feed.html'), 'https://harbour.example/');
      expect.unreachable();
    } catch (err) {
      expect(isNewsbriefError(err) && err.code).toBe('FEED_INVALID');
      expect((err as Error).message).toMatch(/web page, not a feed/);
    }
  });
});

describe('canonicalUrl', () => {
  it('drops tracking parameters and fragments but keeps meaningful ones', () => {
    expect(canonicalUrl('HTTPS://News.Example:443/a?id=7&utm_source=x&gclid=1&mc_cid=2&fbclid=3#frag')).toBe('https://news.example/a?id=7');
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
  });
});

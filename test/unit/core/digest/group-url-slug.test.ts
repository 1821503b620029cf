import { describe, expect, it } from 'vitest';
import { groupStories } from '../../../../src/core/digest/group/group-stories.js';
import { slugWords } from '../../../../src/core/digest/group/url-slug.js';
import type { GroupInput } from '../../../../src/core/digest/group/types.js';

describe('slugWords', () => {
  it('reads the headline words a news link carries, without dates, ids or file types', () => {
    expect(slugWords('http://gigaom.com/2014/03/10/google-to-release-sdk-for-android-powered-wearables/')).toEqual([
      'google', 'to', 'release', 'sdk', 'for', 'android', 'powered', 'wearables',
    ]);
    expect(
      slugWords('http://www.bloomberg.com/news/2014-03-10/china-stock-index-futures-slump-as-exports-drop-most-since-2009.html'),
    ).toEqual(['china', 'stock', 'index', 'futures', 'slump', 'as', 'exports', 'drop', 'most', 'since']);
    expect(slugWords('https://www.axios.com/biden-jan-6-commission-67eb120f-5c0b-48e6-be77-08158ef94441.html')).toEqual([
      'biden', 'jan', 'commission',
    ]);
    expect(slugWords('https://example.com/UKs-first-bitcoin-machine-opens%20in-London/articleshow/31668661.cms')).toEqual([
      'uks', 'first', 'bitcoin', 'machine', 'opens', 'in', 'london',
    ]);
  });

  it('finds no slug in links that have none', () => {
    expect(slugWords('http://the-japan-news.com/news/article/0001108940')).toEqual([]);
    expect(slugWords('https://example.com/world/tech-news/?id=1')).toEqual([]);
    expect(slugWords('not a url')).toEqual([]);
    expect(slugWords(undefined)).toEqual([]);
    expect(slugWords('https://example.com/%E0%A4%A/a-b-c')).toEqual(['a', 'b', 'c']);
  });
});

describe('story grouping with link slugs', () => {
  // Two reports of one event whose aggregator headlines were cut off, and a third, unrelated one.
  const items: GroupInput[] = [
    {
      id: 'a',
      title: 'World has new top banana as fruit giants ...',
      url: 'http://www.timescolonist.com/world-has-new-top-banana-as-fruit-giants-chiquita-of-us-and-fyffes-of-europe-merge-1.887685',
      published: '2014-03-10T00:00:00Z',
    },
    {
      id: 'b',
      title: 'Chiquita and Fyffes agree to merge ...',
      url: 'http://example.org/2014/03/10/chiquita-fyffes-merger-creates-world-largest-banana-company/',
      published: '2014-03-10T00:00:00Z',
    },
    {
      id: 'c',
      title: 'Transit ridership is back on track',
      url: 'http://www.columbiatribune.com/news/transit-ridership-is-back-on-track/article_af00ac14.html',
      published: '2014-03-10T00:00:00Z',
    },
  ];

  it('puts reports of one event together when their links name it though their cut headlines share no word', () => {
    const withSlugs = groupStories(items).storyOf;
    expect(withSlugs.get('a')).toBe(withSlugs.get('b'));
    expect(withSlugs.get('c')).toBe('c');
  });

  it('ignores links when slugWeight is 0', () => {
    const headlinesOnly = groupStories(items, { slugWeight: 0 }).storyOf;
    expect(headlinesOnly.get('a')).toBe('a');
    expect(headlinesOnly.get('b')).toBe('b');
  });
});

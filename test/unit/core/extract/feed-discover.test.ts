import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFeedLinks } from '../../../../src/core/extract/feed-discover.js';

const page = fs.readFileSync(path.join(import.meta.dirname, '../../../fixtures/feeds/page-with-feed.html'), 'utf8');

describe('discoverFeedLinks', () => {
  it('finds the feed a page advertises, resolved, skipping comment feeds and stylesheets', () => {
    expect(discoverFeedLinks(page, 'https://harbour.example/home')).toEqual(['https://harbour.example/rss']);
  });

  it('finds nothing on a page without feed links', () => {
    expect(discoverFeedLinks('<html><head><link rel="icon" href="/x.png"></head></html>', 'https://a.example/')).toEqual([]);
  });
});

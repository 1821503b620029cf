import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readMetadata, tidyByline, tidyTitle } from '../../../../src/core/extract/metadata.js';

function metadataOf(head: string, jsonLd: string[] = [], url?: string) {
  const { document } = parseHTML(`<!DOCTYPE html><html lang="pt-BR"><head>${head}</head><body><p>x</p></body></html>`);
  return readMetadata(document as unknown as Parameters<typeof readMetadata>[0], jsonLd, url);
}

describe('readMetadata', () => {
  it('prefers a NewsArticle inside a JSON-LD @graph over Open Graph', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        { '@type': ['NewsArticle'], headline: 'Graph headline', author: [{ name: 'A. One' }, { name: 'B. Two' }], datePublished: '2024-01-02T03:04:05+02:00', isAccessibleForFree: false },
      ],
    });
    const meta = metadataOf('<meta property="og:title" content="OG title"><meta property="og:site_name" content="Folha">', [ld]);
    expect(meta).toMatchObject({
      title: 'Graph headline',
      byline: 'A. One, B. Two',
      siteName: 'Folha',
      publishedAt: '2024-01-02T01:04:05.000Z',
      language: 'pt',
      paywalled: true,
    });
  });

  it('falls back to Open Graph and meta tags, and resolves a relative canonical link', () => {
    const meta = metadataOf(
      '<meta property="og:title" content="OG title"><meta name="author" content="Jo Writer"><meta property="article:published_time" content="2023-05-06"><link rel="canonical" href="/story/1">',
      ['{ not json'],
      'https://news.example.com/story/1?utm_source=x',
    );
    expect(meta).toMatchObject({ title: 'OG title', byline: 'Jo Writer', publishedAt: '2023-05-06T00:00:00.000Z', canonicalUrl: 'https://news.example.com/story/1' });
  });
});

describe('tidying', () => {
  it('drops the site name from a title and "By" and datelines from a byline', () => {
    expect(tidyTitle('Nadal keeps Spain alive - Sportsnet.ca', 'Sportsnet.ca')).toBe('Nadal keeps Spain alive');
    expect(tidyTitle('Left - right', 'Other')).toBe('Left - right');
    expect(tidyByline('By TOM KRISHER, AP Auto Writer')).toBe('TOM KRISHER, AP Auto Writer');
    expect(tidyByline('Associated Press\n\t\tNovember 19, 2019, 9:02 AM')).toBe('Associated Press');
    expect(tidyByline('https://www.facebook.com/someone')).toBeUndefined();
  });
});

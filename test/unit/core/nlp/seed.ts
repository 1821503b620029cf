/** Builds the seed Article from test/fixtures/seed-article.txt: line 3 is the title, the text follows "4 min read". */
import { readFileSync } from 'node:fs';
import type { Article } from '../../../../src/core/model.js';

export function loadSeedArticle(publishedAt = '2022-01-09T12:00:00Z'): Article {
  const raw = readFileSync(new URL('../../../fixtures/seed-article.txt', import.meta.url), 'utf8');
  const lines = raw.split('\n').filter((line) => line.trim() !== '');
  const marker = '4 min read';
  return {
    title: lines[2]!.trim(),
    siteName: lines[0]!.trim(),
    url: 'https://example.com/russia-talks',
    publishedAt,
    text: raw.slice(raw.indexOf(marker) + marker.length).trim(),
  };
}

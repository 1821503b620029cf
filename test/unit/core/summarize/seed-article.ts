/**
 * Builds the seed Article from test/fixtures/seed-article.txt: line 3 (non-empty) is the headline, the
 * text starts after "4 min read". Stand-in until the ingestion helper's `articleFromText` is merged.
 */
import { readFileSync } from 'node:fs';
import type { Article } from '../../../../src/core/model.js';

export function seedArticle(): Article {
  const lines = readFileSync(new URL('../../../fixtures/seed-article.txt', import.meta.url), 'utf8').split('\n');
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const start = lines.findIndex((l) => /^\d+ min read$/.test(l.trim()));
  return { title: nonEmpty[2]!.trim(), siteName: nonEmpty[0]!.trim(), text: lines.slice(start + 1).join('\n').trim() };
}

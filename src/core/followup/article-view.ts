/**
 * A stored briefing's article split into sentences, with its facts, computed once per briefing
 * and kept for the next few follow-ups (people tend to ask several in a row).
 */
import { extractFacts, type Facts } from '../nlp/facts.js';
import { splitSentences, type Sentence } from '../nlp/sentences.js';
import type { StoredBriefing } from '../store/store.js';

export interface ArticleView {
  sentences: Sentence[];
  facts: Facts;
}

/** Briefings kept in memory; each costs the article's size a few times over. */
const MAX_CACHED_VIEWS = 32;
const views = new Map<string, ArticleView>();

/** The sentences and facts of a stored briefing's article. */
export function viewArticle(stored: StoredBriefing): ArticleView {
  const key = `${stored.briefing.id}\u0000${stored.createdAt}`;
  const cached = views.get(key);
  if (cached !== undefined) {
    // Re-insert so the Map's order is least-recently-used first.
    views.delete(key);
    views.set(key, cached);
    return cached;
  }
  const sentences = splitSentences(stored.article.text);
  const facts = extractFacts(stored.article, sentences, { now: new Date(stored.createdAt) });
  const view = { sentences, facts };
  views.set(key, view);
  if (views.size > MAX_CACHED_VIEWS) views.delete(views.keys().next().value!);
  return view;
}

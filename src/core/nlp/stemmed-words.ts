/**
 * Stemmed words: lower-case, everything but [a-z0-9] as a separator, Porter-stemmed when longer than 3
 * characters. This is rouge_score's tokenizer (`use_stemmer=True`), so the summarizer's word model
 * (summarize/extractive/word-model.ts) counts words exactly as ROUGE does.
 */
import { stemmer } from 'stemmer';

/** Enough for a news vocabulary; cleared when full so a long-running bot stays bounded. */
const STEM_CACHE_LIMIT = 100_000;
const stemCache = new Map<string, string>();

/** Porter stem of one lower-case token (cached). */
export function stem(token: string): string {
  let stemmed = stemCache.get(token);
  if (stemmed === undefined) {
    stemmed = stemmer(token);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(token, stemmed);
  }
  return stemmed;
}

/**
 * The stemmed words of a text, in order.
 * @param text - any text
 */
export function stemmedWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => (t.length > 3 ? stem(t) : t));
}

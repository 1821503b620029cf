/**
 * A channel's topic and exclude rules. Words match whole words, case-insensitively, with
 * an optional plural ending ("election" matches "elections"); a phrase matches as a phrase.
 */
import type { FeedItem } from '../model.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const wordPattern = (word: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word.trim()).replace(/\s+/g, '\\s+')}(?:s|es)?(?![\\p{L}\\p{N}])`, 'iu');

/** Compiled rules: which topics an item is about, and which excluded word (if any) it contains. */
export interface ItemRules {
  topics: string[];
  matchTopics(item: FeedItem): string[];
  excludedWord(item: FeedItem): string | undefined;
  /** Why an item is filtered out, or undefined to keep it. */
  filterReason(item: FeedItem): string | undefined;
}

const itemText = (item: FeedItem): string => `${item.title}\n${item.summary ?? ''}`;

export function compileRules(topics: string[] = [], exclude: string[] = []): ItemRules {
  const topicRes = topics.filter((t) => t.trim()).map((t) => [t, wordPattern(t)] as const);
  const excludeRes = exclude.filter((w) => w.trim()).map((w) => [w, wordPattern(w)] as const);
  const matchTopics = (item: FeedItem): string[] => topicRes.filter(([, re]) => re.test(itemText(item))).map(([t]) => t);
  const excludedWord = (item: FeedItem): string | undefined => excludeRes.find(([, re]) => re.test(itemText(item)))?.[0];
  return {
    topics: topicRes.map(([t]) => t),
    matchTopics,
    excludedWord,
    filterReason(item) {
      const word = excludedWord(item);
      if (word) return `excluded word: ${word}`;
      if (topicRes.length > 0 && matchTopics(item).length === 0) return `matches none of the topics: ${topicRes.map(([t]) => t).join(', ')}`;
      return undefined;
    },
  };
}

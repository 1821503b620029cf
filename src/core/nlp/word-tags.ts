/**
 * A sentence's part-of-speech tags by word, for rules that ask of a piece of its text "is this word a
 * verb here?" (clause cuts, what-next clauses). The first tagging of a word in the sentence wins.
 */
import type { Sentence } from './sentences.js';

/** Lower-case word → wink's universal tag (VERB, AUX, PROPN …). */
export type WordTags = Map<string, string>;

export function wordTags(sentence: Sentence): WordTags {
  const tags: WordTags = new Map();
  for (const t of sentence.tokens) if (!tags.has(t.text.toLowerCase())) tags.set(t.text.toLowerCase(), t.pos);
  return tags;
}

/** The words of a piece of text, lower-cased, as the tags are keyed. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A finite verb: an auxiliary, or a verb that is not an -ing form. */
export function isFiniteVerb(word: string, tags: WordTags): boolean {
  return tags.get(word) === 'AUX' || (tags.get(word) === 'VERB' && !word.endsWith('ing'));
}

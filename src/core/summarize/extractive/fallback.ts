/**
 * Points for a language newsbrief has no sentence model for: the lead sentences, split at sentence
 * punctuation (Latin and CJK), each kept whole and at most 40 words. Honest rather than clever.
 */
import { splitParagraphs } from '../../nlp/sentences.js';
import { MAX_POINT_WORDS } from './candidates.js';

const SENTENCE_END = /(?<=[.!?。！？])\s+(?=\P{Ll})|(?<=[。！？])/u;

/** Splits text into sentences at sentence punctuation, paragraph by paragraph. */
export function splitSentencesSimply(text: string): string[] {
  return splitParagraphs(text)
    .flatMap((p) => p.split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function lengthOf(sentence: string): number {
  const words = sentence.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  // Scripts without spaces: count about two characters as a word.
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sentence) ? Math.ceil(sentence.length / 2) : words;
}

/**
 * The first `count` sentences that fit a point (3 to 40 words), in reading order.
 * @param text - article text in any language
 */
export function leadPoints(text: string, count = 3): string[] {
  return splitSentencesSimply(text)
    .filter((s) => {
      const n = lengthOf(s);
      return n >= 3 && n <= MAX_POINT_WORDS;
    })
    .slice(0, count);
}

/**
 * Text normalisation shared by the grounding checks: the same article and the same answer
 * must compare equal whatever quote marks or spacing either uses.
 */

/** Curly, low and angle quotes become straight ones; primes too. */
export function normaliseQuotes(text: string): string {
  return text.replace(/[“”„‟«»″]/g, '"').replace(/[‘’‚‛′`]/g, "'");
}

/** Quotes straightened and runs of whitespace collapsed to one space. */
export function normaliseText(text: string): string {
  return normaliseQuotes(text).replace(/\s+/g, ' ').trim();
}

/** A word: letters/digits, with inner apostrophes, dots (U.S.), ampersands (AT&T) and hyphens. */
export const WORD_RE = /[\p{L}\p{N}]+(?:['.&-][\p{L}\p{N}]+)*/gu;

/** A word's comparison form: lower case, no dots (U.S. = US), no possessive 's. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/\./g, '').replace(/'s$/, '');
}

export interface WordToken {
  text: string;
  norm: string;
  start: number;
  end: number;
}

/** Words of an already quote-normalised text, with their offsets. */
export function tokenizeWords(text: string): WordToken[] {
  return [...text.matchAll(WORD_RE)].map((m) => ({
    text: m[0],
    norm: normaliseWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

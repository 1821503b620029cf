/**
 * Is a number said of the same thing? "60,000 homes flooded" uses a number the article has
 * (60,000 residents), attached to another fact. A number in a model's sentence passes when
 * the words around it share a word stem with an article sentence that states that number.
 */
import { stemmer } from 'stemmer';
import { findNumbers, type NumberMention } from './numbers.js';
import { tokenizeWords } from './text.js';

/** Words either side of a number that describe what it counts. */
const WINDOW_WORDS = 6;
/** Shorter words are mostly function words ("the", "of", "and", "was"). */
const MIN_CONTEXT_LETTERS = 4;

/** Numbers below this are not checked for context. */
const SMALL_NUMBER_BELOW = 10;

/** Stems of the article sentences each number value occurs in. */
export type NumberContexts = Map<number, Set<string>>;

const contextStem = (word: string): string | undefined =>
  word.length >= MIN_CONTEXT_LETTERS && /\p{L}/u.test(word) ? stemmer(word.toLowerCase()) : undefined;

/** Splits normalised text into rough sentences; exact boundaries do not matter here. */
function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["')]?)\s+(?=["'(]?[\p{Lu}\d])/u);
}

/** Indexes, for each number an article states, the words of the sentences stating it. */
export function collectNumberContexts(text: string): NumberContexts {
  const contexts: NumberContexts = new Map();
  roughSentences(text).forEach((sentence) => {
    const mentions = findNumbers(sentence);
    if (mentions.length === 0) return;
    // Only the number's own sentence: with its neighbours, a swap between adjacent facts
    // ("60,000 homes" for 60,000 residents next to 4,300 homes) would pass.
    const stems = tokenizeWords(sentence).map((t) => contextStem(t.text)).filter((s): s is string => s !== undefined);
    for (const value of mentions.flatMap((m) => m.values)) {
      const set = contexts.get(value) ?? new Set<string>();
      for (const stem of stems) set.add(stem);
      contexts.set(value, set);
    }
  });
  return contexts;
}

/**
 * Whether the words around `mention` in `text` share a stem with an article sentence that
 * states the number. Undefined when the sentence has no describing words to compare.
 */
export function isNumberInContext(text: string, mention: NumberMention, contexts: NumberContexts): boolean | undefined {
  // Small counts ("five kids", "season three") recur for unrelated things; a swap that
  // misleads is a large number: money, casualties, votes, years.
  if (mention.values.every((v) => v < SMALL_NUMBER_BELOW)) return undefined;
  const words = tokenizeWords(text);
  const at = words.findIndex((w) => w.end > mention.index);
  if (at < 0) return undefined;
  const mentionWords = new Set(tokenizeWords(mention.text).map((w) => w.norm));
  const window = words
    .slice(Math.max(0, at - WINDOW_WORDS), at + WINDOW_WORDS + mentionWords.size)
    .filter((w) => !mentionWords.has(w.norm))
    .map((w) => contextStem(w.text))
    .filter((s): s is string => s !== undefined);
  if (window.length === 0) return undefined;
  const known = mention.values.map((v) => contexts.get(v)).filter((s): s is Set<string> => s !== undefined);
  return window.some((stem) => known.some((set) => set.has(stem)));
}

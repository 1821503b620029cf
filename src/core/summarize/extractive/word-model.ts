/**
 * The word model: for each word of an article (stemmed as ROUGE stems it), the chance that a person
 * writing the article's highlights uses it once, twice, three times. Logistic regressions over cheap
 * per-word features, fitted on cnndm-train.jsonl by scripts/train-summarizer.ts (weights.json,
 * `wordModel`). Points are then chosen as the set whose words the highlights are expected to share most
 * for their length (select-points.ts), which is what a reader wants from three short points: the
 * article's main facts, each said once.
 */
import type { Sentence } from '../../nlp/sentences.js';
import { stem } from '../../nlp/stemmed-words.js';

/** Per-word features, before one indicator per vocabulary word (see {@link wordFeatureNames}). */
export const WORD_FEATURE_NAMES = [
  'bias',
  'logCount',
  'inverseFirstSentence',
  'inFirstSentence',
  'logLeadCount',
  'sentenceSpread',
  'logSentences',
  'isNumber',
  'capitalisedShare',
  'length',
  'bestSentenceScore',
  'summedSentenceScore',
  'inVocabulary',
] as const;

export interface WordModel {
  /** Stemmed words with a weight of their own (function words and news staples whose rate is learned). */
  vocabulary: string[];
  /** Logistic weights over {@link wordFeatureNames}: P(the highlights use the word at least once). */
  once: number[];
  /** P(at least twice | at least once). */
  twice: number[];
  /** P(at least three times | at least twice). */
  thrice: number[];
  /** Expected length of the highlights in stemmed words (the F1 denominator's second term). */
  referenceWords: number;
  /** Weight of the sentence scorer's summed scores in a set's value. */
  scoreWeight: number;
  /** How many of the sentence scorer's best candidates the set search combines. */
  candidates: number;
}

/** All feature names of a model with this vocabulary. */
export function wordFeatureNames(vocabulary: readonly string[]): string[] {
  return [...WORD_FEATURE_NAMES, ...vocabulary.map((w) => `is:${w}`)];
}

export interface ArticleWords {
  /** Distinct stemmed words of the article. */
  words: string[];
  /** One vector of {@link WORD_FEATURE_NAMES} per word. */
  features: number[][];
  /** Each word's place in the model's vocabulary (its indicator feature), or -1. */
  vocabularyIndex: number[];
}

interface WordStats {
  count: number;
  first: number;
  lead: number;
  sentences: number;
  lastSentence: number;
  best: number;
  summed: number;
  capitalised: number;
  /** Occurrences not at the start of a sentence (for the capitalised share). */
  inner: number;
}

/**
 * The article's words with their features.
 * @param sentences - the article's sentences
 * @param scores - the sentence scorer's score of each sentence
 * @param vocabulary - the model's vocabulary
 * @param only - just these words (a word's features do not depend on the others; the summarizer needs
 *   only its candidates' words, a third of the article's)
 */
export function articleWords(sentences: Sentence[], scores: number[], vocabulary: readonly string[], only?: ReadonlySet<string>): ArticleWords {
  const stats = new Map<string, WordStats>();
  const openings = only === undefined ? undefined : openingsOf(only);
  for (let i = 0; i < sentences.length; i += 1) {
    const score = scores[i] ?? 0;
    const text = sentences[i]!.text;
    // The runs of [A-Za-z0-9] (as stemmedWords() splits), scanned by hand: most words cannot be one of
    // `only`, and are skipped by their first two letters before any string is made or stemmed.
    let k = 0;
    for (let start = 0; start < text.length; start += 1) {
      if (!isWordCharacter(text.charCodeAt(start))) continue;
      let end = start + 1;
      while (end < text.length && isWordCharacter(text.charCodeAt(end))) end += 1;
      const inner = k > 0;
      k += 1;
      const from = start;
      start = end;
      if (openings !== undefined && !openings.has(openingAt(text, from, end))) continue;
      const lower = text.slice(from, end).toLowerCase();
      const word = lower.length > 3 ? stem(lower) : lower;
      if (only !== undefined && !only.has(word)) continue;
      let s = stats.get(word);
      if (s === undefined) {
        s = { count: 0, first: i, lead: 0, sentences: 0, lastSentence: -1, best: -Infinity, summed: 0, capitalised: 0, inner: 0 };
        stats.set(word, s);
      }
      s.count += 1;
      if (i < 3) s.lead += 1;
      if (s.lastSentence !== i) {
        s.lastSentence = i;
        s.sentences += 1;
        s.summed += Math.max(0, score);
        s.best = Math.max(s.best, score);
      }
      if (inner) {
        s.inner += 1;
        const first = text.charCodeAt(from);
        if (first >= 65 && first <= 90) s.capitalised += 1;
      }
    }
  }
  const n = Math.max(sentences.length, 1);
  const logSentences = Math.log(sentences.length + 1) / 4;
  const index = vocabularyIndexOf(vocabulary);
  const words = [...stats.keys()];
  const vocabularyIndex = words.map((word) => index.get(word) ?? -1);
  const features = words.map((word, i) => {
    const s = stats.get(word)!;
    return [
      1,
      Math.log1p(s.count),
      1 / (1 + s.first),
      s.first === 0 ? 1 : 0,
      Math.log1p(s.lead),
      s.sentences / n,
      logSentences,
      /^[0-9]+$/.test(word) ? 1 : 0,
      s.inner > 0 ? s.capitalised / s.inner : 0,
      Math.min(word.length, 12) / 12,
      s.best,
      s.summed,
      vocabularyIndex[i]! < 0 ? 0 : 1,
    ];
  });
  return { words, features, vocabularyIndex };
}

/** A word's full feature vector ({@link wordFeatureNames}): its features, then the vocabulary indicators. */
export function denseWordFeatures(article: ArticleWords, i: number, vocabularySize: number): number[] {
  const indicators = new Array<number>(vocabularySize).fill(0);
  const own = article.vocabularyIndex[i]!;
  if (own >= 0) indicators[own] = 1;
  return [...article.features[i]!, ...indicators];
}

const vocabularyIndexes = new WeakMap<readonly string[], Map<string, number>>();

/** Word → place in the vocabulary, built once per model. */
function vocabularyIndexOf(vocabulary: readonly string[]): Map<string, number> {
  let index = vocabularyIndexes.get(vocabulary);
  if (index === undefined) {
    index = new Map(vocabulary.map((w, k) => [w, k]));
    vocabularyIndexes.set(vocabulary, index);
  }
  return index;
}

/** [A-Za-z0-9]. */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** The first two characters of text[from, end), lower-cased, as one number ([A-Za-z0-9] only). */
function openingAt(text: string, from: number, end: number): number {
  const first = text.charCodeAt(from) | 32;
  return end - from < 2 ? first : first * 256 + (text.charCodeAt(from + 1) | 32);
}

function openingOf(word: string): number {
  return openingAt(word, 0, word.length);
}

/**
 * The openings of the words whose stems are given. A Porter stem keeps its word's first two letters,
 * except that a final "y" after a vowel becomes "i" ("ayes" → "ai"), so an "i" second letter also
 * admits "y".
 */
function openingsOf(stems: ReadonlySet<string>): Set<number> {
  const openings = new Set<number>();
  for (const stemmed of stems) {
    openings.add(openingOf(stemmed));
    if (stemmed.length === 2 && stemmed[1] === 'i') openings.add(openingOf(`${stemmed[0]}y`));
  }
  return openings;
}

function logistic(x: number[], own: number, w: readonly number[]): number {
  let z = own >= 0 ? (w[WORD_FEATURE_NAMES.length + own] ?? 0) : 0;
  for (let j = 0; j < x.length; j += 1) z += x[j]! * (w[j] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** For each word: [P(used ≥ 1), P(used ≥ 2), P(used ≥ 3)] in the highlights. */
export type WordChances = Map<string, readonly [number, number, number]>;

/** The model's chances for each of the article's words. */
export function wordChances(article: ArticleWords, model: WordModel): WordChances {
  const chances: WordChances = new Map();
  article.words.forEach((word, i) => {
    const x = article.features[i]!;
    const own = article.vocabularyIndex[i]!;
    const once = logistic(x, own, model.once);
    const twice = once * logistic(x, own, model.twice);
    chances.set(word, [once, twice, twice * logistic(x, own, model.thrice)]);
  });
  return chances;
}

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
  /** How many of the sentence scorer's best candidates are considered at all. */
  candidates: number;
  /** How many of those, best on their own, the set search combines. */
  pool: number;
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
  sentences.forEach((sentence, i) => {
    const score = scores[i] ?? 0;
    const raw = sentence.text.match(/[A-Za-z0-9]+/g) ?? [];
    raw.forEach((surface, k) => {
      // As stemmedWords() would split and stem it, without its regular expressions.
      const lower = surface.toLowerCase();
      const word = lower.length > 3 ? stem(lower) : lower;
      if (only !== undefined && !only.has(word)) return;
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
      if (k > 0) {
        s.inner += 1;
        const first = surface.charCodeAt(0);
        if (first >= 65 && first <= 90) s.capitalised += 1;
      }
    });
  });
  const n = Math.max(sentences.length, 1);
  const logSentences = Math.log(sentences.length + 1) / 4;
  const index = new Map(vocabulary.map((w, k) => [w, k]));
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

/**
 * Choosing a briefing's points from an article's sentences: the synchronous fast path that the
 * extractive summarizer, batch summarizing and the evaluation script share.
 *
 * v1 (foundation): position plus centroid similarity, top 3 in reading order.
 * v2: a learned score (model.ts), tightening (tighten.ts), long points cut after their main clause at
 * a learned length (`cutWords`, candidates.ts), no direct quotations (the briefing has a quote slot),
 * the first three points chosen together among the best-scored sentences as the set whose words an
 * editor's highlights are expected to share most for its length (word-model.ts, select-points.ts),
 * redundancy control, a learned threshold for a 4th and 5th point, and fact points (fact-points.ts).
 */
import type { Article, PointEvidence } from '../../model.js';
import { splitSentences, type Sentence } from '../../nlp/sentences.js';
import { stemmedWords } from '../../nlp/stemmed-words.js';
import { wordTags } from '../../nlp/word-tags.js';
import { cutAtClause, MAX_POINT_WORDS, overlap, rankedCandidates, words, type Candidate } from './candidates.js';
import { addFactPoints, DEFAULT_FACT_POINTS, type FactPointsOptions } from './fact-points.js';
import { contentTerms, FEATURE_NAMES, sentenceFeatures } from './features.js';
import { DEFAULT_WEIGHTS, scoreFeatures, type ExtractiveWeights } from './model.js';
import { chooseBySharedWords } from './select-points.js';
import { isBoilerplate, stripLeadIn, tightenSentence } from './tighten.js';
import { articleWords, wordChances, type WordModel } from './word-model.js';

export { MAX_POINT_WORDS } from './candidates.js';
export { DEFAULT_FACT_POINTS, type FactPointsOptions } from './fact-points.js';

export interface PointsOptions {
  /** 2 is the default; 1 is kept for comparison. */
  version?: 1 | 2;
  /** Most points (default 5). */
  maxPoints?: number;
  /** Fewest points when the article has enough sentences (default 3). */
  minPoints?: number;
  /** Scorer weights (default: the shipped weights.json). */
  weights?: ExtractiveWeights;
  /** Sentences already split from `article.text` (saves a second pass). */
  sentences?: Sentence[];
  /** v2 fact points (key figure, what next); `false` turns them off (default {@link DEFAULT_FACT_POINTS}). */
  factPoints?: FactPointsOptions | false;
}

export interface PointsResult {
  points: string[];
  /** `evidence[i].sentences` are indexes into `splitSentences(article.text)`. */
  evidence: PointEvidence[];
}

const POSITION = FEATURE_NAMES.indexOf('inversePosition');
const CENTROID = FEATURE_NAMES.indexOf('centroid');

/** v1's hand-set score: lead position dominates, centroid similarity breaks ties further down. */
function scoreV1(features: number[][]): number[] {
  return features.map((f) => (f[POSITION] ?? 0) + 0.5 * (f[CENTROID] ?? 0));
}

function pickBest(sentences: Sentence[], scores: number[], limits: { min: number; max: number }, weights: ExtractiveWeights, version: 1 | 2): Candidate[] {
  const ranked = rankedCandidates(sentences, scores, version, undefined, weights.cutWords);
  if (version === 2 && weights.wordModel !== undefined) return pickBySharedWords(sentences, scores, ranked, limits, weights, weights.wordModel);
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    if (chosen.length >= limits.max) break;
    if (chosen.length >= limits.min && (version === 1 || c.score < weights.extraThreshold)) break;
    if (version === 2 && chosen.some((o) => overlap(c.terms, o.terms) > weights.redundancy)) continue;
    chosen.push(c);
  }
  return chosen;
}

/**
 * v2 with a word model: the first `min` points are the best set by expected shared words
 * (select-points.ts) among the `model.candidates` best-scored sentences; a 4th and 5th point still
 * need the scorer's threshold.
 */
function pickBySharedWords(sentences: Sentence[], scores: number[], ranked: Iterable<Candidate>, limits: { min: number; max: number }, weights: ExtractiveWeights, model: WordModel): Candidate[] {
  const candidates: Candidate[] = [];
  for (const c of ranked) {
    candidates.push(c);
    if (candidates.length >= model.candidates) break;
  }
  const stems = candidates.map((c) => stemmedWords(c.text));
  const chances = wordChances(articleWords(sentences, scores, model.vocabulary, new Set(stems.flat())), model);
  const chosen = chooseBySharedWords(candidates, chances, model, Math.min(limits.min, limits.max), weights.redundancy, stems);
  for (const c of candidates) {
    if (chosen.length >= limits.max) break;
    if (c.score < weights.extraThreshold) break;
    if (chosen.some((o) => o.index === c.index || overlap(c.terms, o.terms) > weights.redundancy)) continue;
    chosen.push(c);
  }
  return chosen;
}

/**
 * Picks 3 to 5 points (fewer only for tiny articles), each one source sentence of at most 40 words,
 * in reading order, with the source sentence index as evidence. Synchronous and in-process.
 * @param article - the article, or just its text
 */
export function summarizePoints(article: Article | string, options: PointsOptions = {}): PointsResult {
  const text = typeof article === 'string' ? article : article.text;
  const version = options.version ?? 2;
  const maxPoints = options.maxPoints ?? 5;
  const minPoints = Math.min(options.minPoints ?? 3, maxPoints);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const sentences = options.sentences ?? splitSentences(text);
  const features = sentenceFeatures(sentences);
  const scores = version === 1 ? scoreV1(features) : features.map((f) => scoreFeatures(f, weights));
  let chosen = pickBest(sentences, scores, { min: minPoints, max: maxPoints }, weights, version);
  const factPoints = options.factPoints ?? DEFAULT_FACT_POINTS;
  if (version === 2 && factPoints !== false) {
    chosen = addFactPoints(sentences, scores, chosen, { max: maxPoints, redundancy: weights.redundancy, cutWords: weights.cutWords ?? MAX_POINT_WORDS }, factPoints);
  }
  if (chosen.length < minPoints) chosen = [...chosen, ...longSentenceFallback(sentences, chosen, minPoints - chosen.length, weights.redundancy)];
  if (chosen.length === 0) chosen = tinyArticleFallback(sentences, minPoints);
  chosen.sort((a, b) => a.index - b.index);
  return { points: chosen.map((c) => c.text), evidence: chosen.map((c) => ({ sentences: [c.index] })) };
}

/** When too few sentences fit in 40 words, cut the earliest long ones at a clause break (never a repeat). */
function longSentenceFallback(sentences: Sentence[], chosen: Candidate[], needed: number, redundancy: number): Candidate[] {
  const taken = [...chosen];
  const extra: Candidate[] = [];
  for (const sentence of sentences) {
    if (extra.length >= needed) break;
    if (taken.some((c) => c.index === sentence.index) || isBoilerplate(sentence.text)) continue;
    const tightened = tightenSentence(sentence.text);
    if (words(tightened) <= MAX_POINT_WORDS) continue;
    const cut = cutAtClause(tightened, MAX_POINT_WORDS, wordTags(sentence));
    const terms = new Set(contentTerms(sentence));
    if (cut === undefined || taken.some((c) => overlap(terms, c.terms) > redundancy)) continue;
    const candidate = { index: sentence.index, text: cut, score: 0, terms };
    extra.push(candidate);
    taken.push(candidate);
  }
  return extra;
}

/** A tiny article (a few short sentences): its first sentences as they are. */
function tinyArticleFallback(sentences: Sentence[], count: number): Candidate[] {
  return sentences
    .filter((s) => words(s.text) > 0 && words(s.text) <= MAX_POINT_WORDS && !isBoilerplate(s.text))
    .slice(0, count)
    .map((s) => ({ index: s.index, text: stripLeadIn(s.text), score: 0, terms: new Set<string>() }));
}

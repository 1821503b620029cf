/**
 * Choosing a briefing's points from an article's sentences: the synchronous fast path that the
 * extractive summarizer, batch summarizing and the evaluation script share.
 *
 * v1 (foundation): position plus centroid similarity, top 3 in reading order.
 * v2: a learned score (model.ts), redundancy control, a learned threshold for a 4th and 5th point,
 * and tightening (tighten.ts).
 */
import type { Article, PointEvidence } from '../../model.js';
import { splitSentences, type Sentence } from '../../nlp/sentences.js';
import { contentTerms, sentenceFeatures } from './features.js';
import { DEFAULT_WEIGHTS, scoreFeatures, type ExtractiveWeights } from './model.js';
import { isBoilerplate, stripLeadIn, tightenSentence } from './tighten.js';
import { restoreStandardTerms } from '../../integrity/spin.js';

/** Longest point, in words (the Briefing contract). */
export const MAX_POINT_WORDS = 40;
/** Shorter sentences rarely carry a fact on their own. */
const MIN_POINT_WORDS = 5;

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

interface Candidate {
  index: number;
  text: string;
  score: number;
  terms: Set<string>;
}

/**
 * Fact points (v2): on a long article, up to two more points for the facts a briefing reader expects
 * and a lead often leaves out: the key figure ("tens of thousands of troops") and what happens next
 * (a scheduled event). Hand-set rules, not learned: ROUGE against 3-4 short highlights rewards fewer
 * points, so the eval prints v2 with and without them.
 */
export interface FactPointsOptions {
  /** Only articles with at least this many sentences get fact points. */
  minSentences: number;
}

export const DEFAULT_FACT_POINTS: FactPointsOptions = { minSentences: 25 };

/** A quantity: a number that is not a year, or a number word ("thousands", "dozens"). */
const QUANTITY = /(?<![\p{L}\p{N}])(?:(?!(?:19|20)\d\d(?!\d))\d[\d,.]*|hundreds|thousands|millions|billions|dozens|tens of)(?![\p{L}\p{N}])/iu;
const TIME_EXPRESSION =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow|tonight|next (?:week|month|year)|later this (?:week|month|year)|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2})\b/g;
const FUTURE_MARKER = /\b(?:will|shall|due|scheduled|set to|expected to|next|upcoming|plans? to|to hold|to meet)\b/i;

/** How clearly a sentence announces a scheduled event: its time expressions, +2 with a future marker. */
function nextEventStrength(text: string): number {
  const times = text.match(TIME_EXPRESSION)?.length ?? 0;
  if (times === 0) return 0;
  // Spun text hides its markers ("on account of maintain" for "due to hold"): read the standard terms.
  return times + (FUTURE_MARKER.test(restoreStandardTerms(text)) ? 2 : 0);
}

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

interface Candidate {
  index: number;
  text: string;
  score: number;
  terms: Set<string>;
}

/** Coverage points (v2): extra points that bring in the article's keywords the first points missed. */
export interface CoverageOptions {
  /** Only articles with at least this many sentences get coverage points. */
  minSentences: number;
  /** How many of the article's most frequent content terms are its keywords. */
  keywords: number;
  /** A coverage point must bring at least this many keywords not yet in the points (then: most mentions gained). */
  minNewKeywords: number;
}

/** Hand-set, not learned: ROUGE against short highlights only ever rewards fewer points (see README). */
export const DEFAULT_COVERAGE: CoverageOptions = { minSentences: 20, keywords: 12, minNewKeywords: 3 };

function words(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Cuts an over-long sentence at its last clause break within the limit, marking the cut with "…". */
function cutAtClause(text: string): string | undefined {
  const parts = text.split(/(?<=[,;:—–])\s+/);
  let out = '';
  for (const part of parts) {
    const next = out === '' ? part : `${out} ${part}`;
    if (words(next) > MAX_POINT_WORDS) break;
    out = next;
  }
  if (words(out) < 8 || out === text) return undefined;
  return `${out.replace(/[,;:—–]\s*$/, '')}…`;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

function isEligible(text: string): boolean {
  const n = words(text);
  return n >= MIN_POINT_WORDS && n <= MAX_POINT_WORDS && !/[:]\s*$/.test(text);
}

function scoreV1(sentences: Sentence[], features: number[][]): number[] {
  // Hand-set: lead position dominates, centroid similarity breaks ties further down.
  return sentences.map((_s, i) => (features[i]![3] ?? 0) + 0.5 * (features[i]![8] ?? 0));
}

/** A sentence that is mostly a direct quotation: the briefing has a quote slot for those. */
function isDirectQuote(text: string): boolean {
  return /^\s*["“‘']/.test(text) || /\bquoted as saying\b/.test(text);
}

/** Candidates best-first; each sentence is tightened only when reached (tightening is the costly part). */
function* rankedCandidates(
  sentences: Sentence[],
  scores: number[],
  version: 1 | 2,
  only: (text: string) => boolean = () => true,
): Generator<Candidate> {
  const order = sentences.map((_s, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  for (const i of order) {
    const sentence = sentences[i]!;
    if (!only(sentence.text) || isBoilerplate(sentence.text) || (version === 2 && isDirectQuote(sentence.text))) continue;
    const text = version === 2 ? tightenSentence(sentence.text) : stripLeadIn(sentence.text);
    if (!isEligible(text)) continue;
    yield { index: i, text, score: scores[i] ?? 0, terms: new Set(contentTerms(sentence)) };
  }
}

function pick(
  sentences: Sentence[],
  scores: number[],
  limits: { min: number; max: number },
  weights: ExtractiveWeights,
  version: 1 | 2,
): Candidate[] {
  const chosen: Candidate[] = [];
  const skipped: Candidate[] = [];
  for (const c of rankedCandidates(sentences, scores, version)) {
    if (chosen.length >= limits.max) break;
    if (chosen.length >= limits.min && (version === 1 || c.score < weights.extraThreshold)) {
      skipped.push(c);
      continue;
    }
    if (version === 2 && chosen.some((o) => overlap(c.terms, o.terms) > weights.redundancy)) continue;
    chosen.push(c);
  }
  return chosen;
}

/**
 * Adds, while there is room, the best-scored sentence with a key figure and the sentence that most
 * clearly announces a scheduled event, unless the points already have one.
 */
function addFactPoints(
  sentences: Sentence[],
  scores: number[],
  chosen: Candidate[],
  limits: { max: number; redundancy: number },
  options: FactPointsOptions,
): Candidate[] {
  const { max, redundancy } = limits;
  if (sentences.length < options.minSentences || chosen.length >= max) return chosen;
  const result = [...chosen];
  const fresh = (c: Candidate): boolean => !result.some((r) => r.index === c.index || overlap(c.terms, r.terms) > redundancy);
  const hasFigure = (text: string): boolean => QUANTITY.test(text);
  if (!result.some((c) => hasFigure(c.text))) {
    for (const c of rankedCandidates(sentences, scores, 2, hasFigure)) {
      if (fresh(c) && hasFigure(c.text)) {
        result.push(c);
        break;
      }
    }
  }
  const hasTime = (text: string): boolean => /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:tomorrow|tonight|next|later this|January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(text);
  if (result.length < max && !result.some((c) => nextEventStrength(c.text) >= 3)) {
    let best: Candidate | undefined;
    for (const c of rankedCandidates(sentences, scores, 2, hasTime)) {
      if (!fresh(c)) continue;
      const strength = nextEventStrength(c.text);
      if (strength >= 3 && (best === undefined || strength > nextEventStrength(best.text))) best = c;
    }
    if (best) result.push(best);
  }
  return result;
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
  const scores = version === 1 ? scoreV1(sentences, features) : features.map((f) => scoreFeatures(f, weights));
  let chosen = pick(sentences, scores, { min: minPoints, max: maxPoints }, weights, version);
  const factPoints = options.factPoints ?? DEFAULT_FACT_POINTS;
  if (version === 2 && factPoints !== false) chosen = addFactPoints(sentences, scores, chosen, { max: maxPoints, redundancy: weights.redundancy }, factPoints);
  if (chosen.length < minPoints) chosen = [...chosen, ...longSentenceFallback(sentences, chosen, minPoints - chosen.length)];
  if (chosen.length === 0) chosen = tinyArticleFallback(sentences, minPoints);
  chosen.sort((a, b) => a.index - b.index);
  return { points: chosen.map((c) => c.text), evidence: chosen.map((c) => ({ sentences: [c.index] })) };
}

/** When too few sentences fit in 40 words, cut the earliest long ones at a clause break. */
function longSentenceFallback(sentences: Sentence[], chosen: Candidate[], needed: number): Candidate[] {
  const taken = new Set(chosen.map((c) => c.index));
  const extra: Candidate[] = [];
  for (const sentence of sentences) {
    if (extra.length >= needed) break;
    if (taken.has(sentence.index) || isBoilerplate(sentence.text)) continue;
    const tightened = tightenSentence(sentence.text);
    if (words(tightened) <= MAX_POINT_WORDS) continue;
    const cut = cutAtClause(tightened);
    if (cut !== undefined) extra.push({ index: sentence.index, text: cut, score: 0, terms: new Set() });
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

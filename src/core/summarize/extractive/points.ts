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

function toCandidates(sentences: Sentence[], scores: number[], version: 1 | 2): Candidate[] {
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, i) => {
    if (isBoilerplate(sentence.text)) return;
    const text = version === 2 ? tightenSentence(sentence.text) : stripLeadIn(sentence.text);
    if (!isEligible(text)) return;
    candidates.push({ index: i, text, score: scores[i] ?? 0, terms: new Set(contentTerms(sentence)) });
  });
  return candidates;
}

function pick(candidates: Candidate[], minPoints: number, maxPoints: number, weights: ExtractiveWeights, version: 1 | 2): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    if (chosen.length >= maxPoints) break;
    if (chosen.length >= minPoints && (version === 1 || c.score < weights.extraThreshold)) break;
    if (version === 2 && chosen.some((o) => overlap(c.terms, o.terms) > weights.redundancy)) continue;
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
  const scores = version === 1 ? scoreV1(sentences, features) : features.map((f) => scoreFeatures(f, weights));
  let chosen = pick(toCandidates(sentences, scores, version), minPoints, maxPoints, weights, version);
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

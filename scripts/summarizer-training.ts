/**
 * Shared pieces of the summarizer training (scripts/train-summarizer.ts): the exact ridge solver, the
 * greedy ROUGE oracle, the sentence-scorer fit and the ROUGE evaluation of a weights setting.
 */
import { scoreRouge } from '../src/core/eval/rouge.js';
import type { Sentence } from '../src/core/nlp/sentences.js';
import { FEATURE_NAMES } from '../src/core/summarize/extractive/features.js';
import { scoreFeatures, type ExtractiveWeights } from '../src/core/summarize/extractive/model.js';
import { summarizePoints } from '../src/core/summarize/extractive/points.js';
import { articleWords, denseWordFeatures, type WordModel } from '../src/core/summarize/extractive/word-model.js';
import { stemmedWords } from '../src/core/nlp/stemmed-words.js';

/** Solves a·x = b in place by Gaussian elimination with partial pivoting. */
function solveLinear(a: number[][], b: number[]): number[] {
  const k = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < k; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < k; r += 1) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < k; r += 1) {
      if (r === col) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= k; c += 1) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[k]! / row[i]!);
}

/** Solves (XᵀWX + λI) w = XᵀWy, skipping the zeros of each row (`weights` default to 1). */
function weightedLeastSquares(rows: number[][], targets: number[], lambda: number, weights?: number[]): number[] {
  const k = rows[0]!.length;
  const a = Array.from({ length: k }, (_r, i) => Array.from({ length: k }, (_c, j) => (i === j ? lambda : 0)));
  const b = new Array<number>(k).fill(0);
  rows.forEach((x, n) => {
    const w = weights?.[n] ?? 1;
    const nonZero: number[] = [];
    for (let j = 0; j < k; j += 1) if (x[j] !== 0) nonZero.push(j);
    for (const i of nonZero) {
      for (const j of nonZero) a[i]![j]! += w * x[i]! * x[j]!;
      b[i]! += w * x[i]! * targets[n]!;
    }
  });
  return solveLinear(a, b);
}

/** Solves (XᵀX + λI) w = Xᵀy exactly. */
export function ridge(rows: number[][], targets: number[], lambda: number): number[] {
  return weightedLeastSquares(rows, targets, lambda);
}

/** L2-penalised logistic regression by iteratively reweighted least squares; labels are 0 or 1. */
export function logisticRegression(rows: number[][], labels: number[], lambda: number, iterations = 8): number[] {
  let w = new Array<number>(rows[0]?.length ?? 0).fill(0);
  for (let it = 0; it < iterations; it += 1) {
    const weights: number[] = [];
    const working: number[] = [];
    rows.forEach((x, n) => {
      let eta = 0;
      for (let j = 0; j < x.length; j += 1) eta += x[j]! * w[j]!;
      const p = 1 / (1 + Math.exp(-eta));
      const v = Math.max(p * (1 - p), 1e-6);
      weights.push(v);
      working.push(eta + (labels[n]! - p) / v);
    });
    w = weightedLeastSquares(rows, working, lambda, weights);
  }
  return w;
}

/** Indexes of up to `limit` sentences chosen greedily to maximise ROUGE-1 + ROUGE-2 F1. */
export function greedyOracle(sentences: string[], reference: string[], limit = 3): Set<number> {
  const chosen: number[] = [];
  let best = 0;
  for (let round = 0; round < limit; round += 1) {
    let pick = -1;
    sentences.forEach((_s, i) => {
      if (chosen.includes(i)) return;
      const set = [...chosen, i].sort((a, b) => a - b).map((k) => sentences[k]!);
      const r = scoreRouge(reference, set);
      if (r.rouge1.f1 + r.rouge2.f1 > best) {
        best = r.rouge1.f1 + r.rouge2.f1;
        pick = i;
      }
    });
    if (pick < 0) break;
    chosen.push(pick);
  }
  return new Set(chosen);
}

export function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);
}

export interface TrainingArticle {
  sentences: Sentence[];
  reference: string[];
  features: number[][];
  /** Greedy-oracle target per sentence. */
  targets: number[];
}

/** Ridge fit on the given articles' sentences, with the thresholds left open. */
export function fitScorer(articles: TrainingArticle[], lambda: number): ExtractiveWeights {
  const rows = articles.flatMap((a) => a.features);
  const targets = articles.flatMap((a) => a.targets);
  const k = rows[0]?.length ?? FEATURE_NAMES.length;
  const featureMean = Array.from({ length: k }, (_v, j) => mean(rows.map((r) => r[j]!)));
  const featureStd = featureMean.map((m, j) => Math.sqrt(mean(rows.map((r) => (r[j]! - m) ** 2))) || 1);
  const standardised = rows.map((r) => r.map((v, j) => (v - featureMean[j]!) / featureStd[j]!));
  const bias = mean(targets);
  const weights = ridge(standardised, targets.map((t) => t - bias), lambda);
  return { features: [...FEATURE_NAMES], mean: featureMean, std: featureStd, weights, bias, redundancy: 1.01, extraThreshold: Infinity };
}

/** Score thresholds for a 4th/5th point: quantiles of the model's scores on its own training sentences. */
export function thresholdsOf(scorer: ExtractiveWeights, articles: TrainingArticle[], quantiles: number[]): number[] {
  const predicted = articles.flatMap((a) => a.features.map((f) => scoreFeatures(f, scorer))).sort((x, y) => x - y);
  return quantiles.map((q) => (q > 1 ? 99 : predicted[Math.floor(q * (predicted.length - 1))]!));
}

/** Mean ROUGE-1, ROUGE-2, ROUGE-Lsum F1 and their average over the articles' summaries (no fact points). */
export function evaluate(articles: TrainingArticle[], weights: ExtractiveWeights, lead3 = false): { r1: number; r2: number; rl: number; objective: number } {
  const scores = articles.map(({ sentences, reference }) => {
    const points = lead3 ? sentences.slice(0, 3).map((s) => s.text) : summarizePoints('', { sentences, weights, factPoints: false }).points;
    return scoreRouge(reference, points);
  });
  const r1 = mean(scores.map((r) => r.rouge1.f1));
  const r2 = mean(scores.map((r) => r.rouge2.f1));
  const rl = mean(scores.map((r) => r.rougeLsum.f1));
  return { r1, r2, rl, objective: (r1 + r2 + rl) / 3 };
}


/** An article's words with their features and how often the reference highlights use each. */
export interface WordTrainingArticle {
  /** Full feature vector of each word (denseWordFeatures). */
  features: number[][];
  /** How often the reference uses each word. */
  uses: number[];
  words: number;
}

/** The article's words under the given sentence scores, with the reference's counts as targets. */
export function wordTrainingArticle(sentences: Sentence[], scores: number[], reference: string[], vocabulary: readonly string[]): WordTrainingArticle {
  const words = articleWords(sentences, scores, vocabulary);
  const counts = new Map<string, number>();
  for (const w of stemmedWords(reference.join(' '))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return {
    features: words.words.map((_w, i) => denseWordFeatures(words, i, vocabulary.length)),
    uses: words.words.map((w) => counts.get(w) ?? 0),
    words: words.words.length,
  };
}

/**
 * Fits the word model's three logistic regressions: used at least once; at least twice, given once;
 * three times, given twice. The selection settings (referenceWords, scoreWeight, pool, candidates) are
 * left to the caller's search.
 */
export function fitWordModel(articles: WordTrainingArticle[], vocabulary: string[], lambda: number): Pick<WordModel, 'vocabulary' | 'once' | 'twice' | 'thrice'> {
  const stage = (atLeast: number): number[] => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (const a of articles) {
      a.uses.forEach((uses, i) => {
        if (uses < atLeast - 1) return;
        rows.push(a.features[i]!);
        labels.push(uses >= atLeast ? 1 : 0);
      });
    }
    return logisticRegression(rows, labels, lambda * (atLeast === 1 ? 1 : atLeast === 2 ? 3 : 10));
  };
  return { vocabulary, once: stage(1), twice: stage(2), thrice: stage(3) };
}

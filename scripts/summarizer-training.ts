/**
 * Shared pieces of the summarizer training (scripts/train-summarizer.ts): the exact ridge solver, the
 * greedy ROUGE oracle, the sentence-scorer fit and the ROUGE evaluation of a weights setting.
 */
import { scoreRouge } from '../src/core/eval/rouge.js';
import type { Sentence } from '../src/core/nlp/sentences.js';
import { FEATURE_NAMES } from '../src/core/summarize/extractive/features.js';
import { scoreFeatures, type ExtractiveWeights } from '../src/core/summarize/extractive/model.js';
import { summarizePoints } from '../src/core/summarize/extractive/points.js';

/** Solves (XᵀX + λI) w = Xᵀy by Gaussian elimination with partial pivoting. */
export function ridge(rows: number[][], targets: number[], lambda: number): number[] {
  const k = rows[0]!.length;
  const a = Array.from({ length: k }, (_r, i) => Array.from({ length: k + 1 }, (_c, j) => (i === j && j < k ? lambda : 0)));
  rows.forEach((x, n) => {
    for (let i = 0; i < k; i += 1) {
      for (let j = 0; j < k; j += 1) a[i]![j]! += x[i]! * x[j]!;
      a[i]![k]! += x[i]! * targets[n]!;
    }
  });
  for (let col = 0; col < k; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < k; r += 1) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < k; r += 1) {
      if (r === col) continue;
      const factor = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= k; c += 1) a[r]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[k]! / row[i]!);
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


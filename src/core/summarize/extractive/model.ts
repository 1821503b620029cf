/**
 * The learned sentence scorer: a ridge regression over {@link FEATURE_NAMES}, fitted on
 * cnndm-train.jsonl by scripts/train-summarizer.ts, which writes weights.json next to this file.
 */
import { FEATURE_NAMES } from './features.js';
import type { WordModel } from './word-model.js';
import weightsFile from './weights.json' with { type: 'json' };

export interface ExtractiveWeights {
  features: string[];
  /** Per-feature mean and standard deviation on the training sentences (for standardising). */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Skip a sentence whose content terms overlap a chosen one by more than this share. */
  redundancy: number;
  /** Add a 4th and 5th point only when their predicted score reaches this. */
  extraThreshold: number;
  /**
   * A v2 point longer than this many words is cut at its last clause break within the limit (marked
   * "…"), when there is one; without it, only points over 40 words (the Briefing limit) are cut.
   */
  cutWords?: number;
  /**
   * v2 chooses its first points as the best set by expected shared words with the highlights
   * (word-model.ts, select-points.ts); without it, greedily by score.
   */
  wordModel?: WordModel;
  /** How the file was made (data, command, date). */
  provenance?: string;
}

/** The weights shipped with newsbrief. */
export const DEFAULT_WEIGHTS: ExtractiveWeights = weightsFile as ExtractiveWeights;

/** Checks that a weights file matches the feature list this build computes. */
export function assertWeightsMatch(weights: ExtractiveWeights): void {
  if (weights.features.join(',') !== FEATURE_NAMES.join(',')) {
    throw new Error(`Summarizer weights list features [${weights.features.join(', ')}]; run npx tsx scripts/train-summarizer.ts`);
  }
}

/** Predicted ROUGE gain of a sentence from its raw feature vector. */
export function scoreFeatures(features: number[], weights: ExtractiveWeights): number {
  let score = weights.bias;
  for (let k = 0; k < features.length; k += 1) {
    const std = weights.std[k] || 1;
    score += (weights.weights[k] ?? 0) * ((features[k]! - (weights.mean[k] ?? 0)) / std);
  }
  return score;
}

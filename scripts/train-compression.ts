/**
 * Training data and fit for the learned span deletion (src/core/summarize/extractive/compress.ts), used
 * by scripts/train-summarizer.ts. Each example is one deletable span of a point the summarizer (with
 * the given scorer, no fact points, no compression) picks for a training article; its target is the
 * share of the span's ROUGE tokens (stemmed, as rouge_score counts them) found in the reference.
 */
import { scoreRouge, tokenizeForRouge } from '../src/core/eval/rouge.js';
import {
  applySpans,
  compressionContext,
  deletableSpans,
  partsOf,
  SPAN_FEATURE_NAMES,
  spanFeatures,
  wordInfoOf,
  type CompressionWeights,
} from '../src/core/summarize/extractive/compress.js';
import type { ExtractiveWeights } from '../src/core/summarize/extractive/model.js';
import { summarizePoints } from '../src/core/summarize/extractive/points.js';
import { mean, ridge, type TrainingArticle } from './summarizer-training.js';

export interface SpanExample {
  features: number[];
  target: number;
}

/** One example per deletable span of the points picked for each article. */
export function spanExamples(articles: TrainingArticle[], weights: ExtractiveWeights, target: 'share' | 'gain' = 'share'): SpanExample[] {
  const examples: SpanExample[] = [];
  const plain: ExtractiveWeights = { ...weights };
  delete plain.compression;
  for (const { sentences, reference } of articles) {
    const { points, evidence } = summarizePoints('', { sentences, weights: plain, factPoints: false });
    const referenceTokens = new Set(tokenizeForRouge(reference.join(' ')));
    const context = compressionContext(sentences);
    const termsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    points.forEach((text, i) => {
      const index = evidence[i]!.sentences[0]!;
      const info = wordInfoOf(sentences[index]!);
      const others = new Set(points.flatMap((p, j) => (j === i ? [] : termsOf(p))));
      for (const span of deletableSpans(text, info)) {
        const tokens = tokenizeForRouge(partsOf(text).slice(span.from, span.to).join(' '));
        if (tokens.length === 0) continue;
        const value = target === 'share' ? tokens.filter((t) => referenceTokens.has(t)).length / tokens.length : -100 * (objective(reference, points.map((p, j) => (j === i ? applySpans(text, [span]) : p))) - objective(reference, points)) / tokens.length;
        examples.push({ features: spanFeatures(text, span, info, context, index, others), target: value });
      }
    });
  }
  return examples;
}

function objective(reference: string[], points: string[]): number {
  const r = scoreRouge(reference, points);
  return (r.rouge1.f1 + r.rouge2.f1 + r.rougeLsum.f1) / 3;
}

/** Ridge fit of the span model on standardised features; the threshold is set by the caller. */
export function fitCompression(examples: SpanExample[], lambda: number, threshold: number): CompressionWeights {
  const rows = examples.map((e) => e.features);
  const k = SPAN_FEATURE_NAMES.length;
  const featureMean = Array.from({ length: k }, (_v, j) => mean(rows.map((r) => r[j]!)));
  const featureStd = featureMean.map((m, j) => Math.sqrt(mean(rows.map((r) => (r[j]! - m) ** 2))) || 1);
  const standardised = rows.map((r) => r.map((v, j) => (v - featureMean[j]!) / featureStd[j]!));
  const bias = mean(examples.map((e) => e.target));
  const weights = ridge(standardised, examples.map((e) => e.target - bias), lambda);
  return { features: [...SPAN_FEATURE_NAMES], mean: featureMean, std: featureStd, weights, bias, threshold };
}

/** Mean ROUGE gain (R1+R2+RLsum)/3 of oracle span deletion, for a sanity bound. */
export function oracleBound(articles: TrainingArticle[], weights: ExtractiveWeights): number {
  return mean(
    articles.map(({ sentences, reference }) => {
      const { points } = summarizePoints('', { sentences, weights, factPoints: false });
      const r = scoreRouge(reference, points);
      return (r.rouge1.f1 + r.rouge2.f1 + r.rougeLsum.f1) / 3;
    }),
  );
}

/**
 * Fits the extractive summarizer's sentence scorer and thresholds on cnndm-train.jsonl only, and writes
 * src/core/summarize/extractive/weights.json. Reproducible: no randomness, same data → same file.
 *
 *   npx tsx scripts/train-summarizer.ts [path/to/cnndm-train.jsonl]
 *
 * 1. Every sentence of every training article gets its feature vector (features.ts) and a target: 1 if
 *    the greedy oracle picks it, else 0. The oracle adds, up to 3 times, the tightened sentence that most
 *    raises ROUGE-1 + ROUGE-2 F1 of the picked set against the reference highlights, and stops when no
 *    sentence raises it. (Regressing each sentence's own ROUGE instead favours long sentences; on a
 *    2-fold split of the training file the oracle target was best.)
 * 2. Ridge regression (λ = RIDGE_LAMBDA) on standardised features, solved exactly.
 * 3. A grid search on the same training articles picks the redundancy limit and the score threshold for
 *    a 4th and 5th point that maximise mean (R1 + R2 + RLsum) / 3 of the whole summary.
 * Fact points (key figure, what next; points.ts) are hand-set and off during the search.
 * The dev files are never read here.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreRouge } from '../src/core/eval/rouge.js';
import { splitSentences, type Sentence } from '../src/core/nlp/sentences.js';
import { FEATURE_NAMES, sentenceFeatures } from '../src/core/summarize/extractive/features.js';
import { scoreFeatures, type ExtractiveWeights } from '../src/core/summarize/extractive/model.js';
import { summarizePoints } from '../src/core/summarize/extractive/points.js';
import { tightenSentence } from '../src/core/summarize/extractive/tighten.js';
import { readRecords } from './summarization-data.js';

const DEFAULT_TRAIN = '/work/shared/data/summarization/cnndm-train.jsonl';
const WEIGHTS_PATH = fileURLToPath(new URL('../src/core/summarize/extractive/weights.json', import.meta.url));
const RIDGE_LAMBDA = 1;
/** Always some redundancy control (a briefing must not repeat itself), even where ROUGE would not mind. */
const REDUNDANCY_GRID = [0.4, 0.5, 0.6, 0.7, 0.8];
const THRESHOLD_QUANTILES = [0.9, 0.95, 0.98, 0.99, 0.995, 1.01];

/** Solves (XᵀX + λI) w = Xᵀy by Gaussian elimination with partial pivoting. */
function ridge(rows: number[][], targets: number[], lambda: number): number[] {
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
function greedyOracle(sentences: string[], reference: string[], limit = 3): Set<number> {
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

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);
}

function main(): void {
  const path = process.argv[2] ?? DEFAULT_TRAIN;
  const records = readRecords(path);
  const articles: { sentences: Sentence[]; reference: string[] }[] = [];
  const rows: number[][] = [];
  const targets: number[] = [];
  for (const record of records) {
    const sentences = splitSentences(record.article);
    articles.push({ sentences, reference: record.reference });
    const oracle = greedyOracle(sentences.map((s) => tightenSentence(s.text)), record.reference);
    sentenceFeatures(sentences).forEach((features, i) => {
      rows.push(features);
      targets.push(oracle.has(i) ? 1 : 0);
    });
  }
  const k = FEATURE_NAMES.length;
  const featureMean = Array.from({ length: k }, (_v, j) => mean(rows.map((r) => r[j]!)));
  const featureStd = featureMean.map((m, j) => Math.sqrt(mean(rows.map((r) => (r[j]! - m) ** 2))) || 1);
  const standardised = rows.map((r) => r.map((v, j) => (v - featureMean[j]!) / featureStd[j]!));
  const bias = mean(targets);
  const weights = ridge(standardised, targets.map((t) => t - bias), RIDGE_LAMBDA);
  const base: ExtractiveWeights = { features: [...FEATURE_NAMES], mean: featureMean, std: featureStd, weights, bias, redundancy: 1.01, extraThreshold: Infinity };

  const predicted = rows.map((r) => scoreFeatures(r, base)).sort((x, y) => x - y);
  const thresholds = THRESHOLD_QUANTILES.map((q) => (q > 1 ? 99 : predicted[Math.floor(q * (predicted.length - 1))]!));
  let best = { objective: -1, redundancy: 1.01, extraThreshold: 99 };
  for (const redundancy of REDUNDANCY_GRID) {
    for (const extraThreshold of thresholds) {
      const candidate = { ...base, redundancy, extraThreshold };
      const objective = mean(
        articles.map(({ sentences, reference }) => {
          const { points } = summarizePoints('', { sentences, weights: candidate, factPoints: false });
          const r = scoreRouge(reference, points);
          return (r.rouge1.f1 + r.rouge2.f1 + r.rougeLsum.f1) / 3;
        }),
      );
      if (objective > best.objective) best = { objective, redundancy, extraThreshold };
    }
  }
  const result: ExtractiveWeights = {
    ...base,
    redundancy: best.redundancy,
    extraThreshold: best.extraThreshold,
    provenance: `ridge regression (lambda ${RIDGE_LAMBDA}) on ${rows.length} sentences of ${records.length} articles in cnndm-train.jsonl; thresholds by grid search on the same file (train objective ${(100 * best.objective).toFixed(2)}). Made by: npx tsx scripts/train-summarizer.ts`,
  };
  writeFileSync(WEIGHTS_PATH, `${JSON.stringify(result, null, 2)}\n`);
  console.log(FEATURE_NAMES.map((name, j) => `${name.padEnd(18)} ${weights[j]!.toFixed(4)}`).join('\n'));
  console.log(`redundancy ${best.redundancy}, extraThreshold ${best.extraThreshold.toFixed(4)}, train objective ${(100 * best.objective).toFixed(2)}`);
  console.log(`wrote ${WEIGHTS_PATH}`);
}

main();

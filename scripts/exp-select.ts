// Temporary experiment harness (not shipped).
import { splitSentences } from '../src/core/nlp/sentences.js';
import { sentenceFeatures } from '../src/core/summarize/extractive/features.js';
import { tightenSentence } from '../src/core/summarize/extractive/tighten.js';
import type { ExtractiveWeights } from '../src/core/summarize/extractive/model.js';
import { readRecords } from './summarization-data.js';
import { evaluate, fitScorer, greedyOracle, thresholdsOf, type TrainingArticle } from './summarizer-training.js';

const records = readRecords('/work/shared/data/summarization/cnndm-train.jsonl');
const articles: TrainingArticle[] = records.map((record) => {
  const sentences = splitSentences(record.article);
  const oracle = greedyOracle(sentences.map((s) => tightenSentence(s.text)), record.reference);
  return { sentences, reference: record.reference, features: sentenceFeatures(sentences), targets: sentences.map((_s, i) => (oracle.has(i) ? 1 : 0)) };
});
const FOLDS = 5;
const variants: [string, (w: ExtractiveWeights) => ExtractiveWeights][] = [];
for (const cut of [22, 26, 30]) variants.push([`cut${cut}`, (w) => ({ ...w, cutWords: cut })]);
const sums = new Map<string, number[]>();
for (let fold = 0; fold < FOLDS; fold += 1) {
  const training = articles.filter((_a, i) => i % FOLDS !== fold);
  const heldOut = articles.filter((_a, i) => i % FOLDS === fold);
  const scorer = fitScorer(training, 1);
  const base = { ...scorer, redundancy: 0.5, extraThreshold: thresholdsOf(scorer, training, [0.98])[0]!, cutWords: 26 };
  for (const [name, f] of variants) {
    const r = evaluate(heldOut, f(base));
    const s = sums.get(name) ?? [0, 0, 0, 0];
    sums.set(name, [s[0]! + r.r1 * heldOut.length, s[1]! + r.r2 * heldOut.length, s[2]! + r.rl * heldOut.length, s[3]! + r.objective * heldOut.length]);
  }
}
for (const [k, s] of sums) console.log(k.padEnd(16), s.map((v) => (100 * v / articles.length).toFixed(2)).join(' '));

// Temporary experiment harness (not shipped).
import { splitSentences } from '../src/core/nlp/sentences.js';
import { sentenceFeatures } from '../src/core/summarize/extractive/features.js';
import { tightenSentence } from '../src/core/summarize/extractive/tighten.js';
import { readRecords } from './summarization-data.js';
import { evaluate, fitScorer, greedyOracle, thresholdsOf, mean, type TrainingArticle } from './summarizer-training.js';
import { spanExamples, fitCompression } from './train-compression.js';

const records = readRecords('/work/shared/data/summarization/cnndm-train.jsonl');
const articles: TrainingArticle[] = records.map((record) => {
  const sentences = splitSentences(record.article);
  const oracle = greedyOracle(sentences.map((s) => tightenSentence(s.text)), record.reference);
  return { sentences, reference: record.reference, features: sentenceFeatures(sentences), targets: sentences.map((_s, i) => (oracle.has(i) ? 1 : 0)) };
});
const FOLDS = 5;
const MODE = (process.env.MODE ?? 'share') as 'share' | 'gain';
const TH = MODE === 'gain' ? [-0.3, -0.15, -0.05, 0, 0.05, 0.15] : [-1, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4];
const LAMBDAS = [10, 1000];
const sums = new Map<string, number[]>();
for (let fold = 0; fold < FOLDS; fold += 1) {
  const training = articles.filter((_a, i) => i % FOLDS !== fold);
  const heldOut = articles.filter((_a, i) => i % FOLDS === fold);
  const scorer = fitScorer(training, 1);
  const base = { ...scorer, redundancy: 0.5, extraThreshold: thresholdsOf(scorer, training, [0.98])[0]!, cutWords: Number(process.env.CUT ?? 26) };
  const examples = spanExamples(training, base, MODE);
  if (fold === 0) console.log('examples', examples.length, 'mean target', mean(examples.map((e) => e.target)).toFixed(3));
  for (const lambda of LAMBDAS) for (const t of TH) {
    const r = evaluate(heldOut, { ...base, compression: fitCompression(examples, lambda, t) });
    const key = `${lambda}/${t}`;
    const s = sums.get(key) ?? [0, 0, 0, 0];
    sums.set(key, [s[0]! + r.r1 * heldOut.length, s[1]! + r.r2 * heldOut.length, s[2]! + r.rl * heldOut.length, s[3]! + r.objective * heldOut.length]);
  }
}
for (const [k, s] of sums) console.log(k.padEnd(10), s.map((v) => (100 * v / articles.length).toFixed(2)).join(' '));
{
  const scorer = fitScorer(articles, 1);
  const base = { ...scorer, redundancy: 0.5, extraThreshold: thresholdsOf(scorer, articles, [0.98])[0]!, cutWords: 26 };
  const ex = spanExamples(articles, base, MODE);
  const kinds = ['relative', 'age', 'participle', 'prepositional', 'appositive', 'tail', 'lead'];
  kinds.forEach((k, j) => { const e = ex.filter((x) => x.features[j] === 1); console.log(k, e.length, mean(e.map((x) => x.target)).toFixed(3), 'low<0.15:', e.filter((x) => x.target < 0.15).length); });
}

// Temporary experiment: gradient-boosted regression trees (depth D) instead of ridge, same oracle target.
import { splitSentences } from '../src/core/nlp/sentences.js';
import { sentenceFeatures } from '../src/core/summarize/extractive/features.js';
import { tightenSentence } from '../src/core/summarize/extractive/tighten.js';
import { overlap, rankedCandidates, type Candidate } from '../src/core/summarize/extractive/candidates.js';
import { scoreFeatures } from '../src/core/summarize/extractive/model.js';
import { scoreRouge } from '../src/core/eval/rouge.js';
import { readRecords } from './summarization-data.js';
import { fitScorer, greedyOracle, mean, type TrainingArticle } from './summarizer-training.js';

const records = readRecords('/work/shared/data/summarization/cnndm-train.jsonl');
const articles: TrainingArticle[] = records.map((record) => {
  const sentences = splitSentences(record.article);
  const oracle = greedyOracle(sentences.map((s) => tightenSentence(s.text)), record.reference);
  return { sentences, reference: record.reference, features: sentenceFeatures(sentences), targets: sentences.map((_s, i) => (oracle.has(i) ? 1 : 0)) };
});
type Node = { f: number; t: number; l: Node | number; r: Node | number };
function buildTree(X: number[][], g: number[], idx: number[], depth: number, minLeaf: number): Node | number {
  const m = mean(idx.map((i) => g[i]!));
  if (depth === 0 || idx.length < 2 * minLeaf) return m;
  let best = { gain: 0, f: -1, t: 0 };
  const total = idx.reduce((s, i) => s + g[i]!, 0);
  for (let f = 0; f < X[0]!.length; f++) {
    const sorted = [...idx].sort((a, b) => X[a]![f]! - X[b]![f]!);
    let left = 0;
    for (let k = 0; k < sorted.length - 1; k++) {
      left += g[sorted[k]!]!;
      const nl = k + 1, nr = sorted.length - nl;
      if (nl < minLeaf || nr < minLeaf || X[sorted[k]!]![f] === X[sorted[k + 1]!]![f]) continue;
      const gain = (left * left) / nl + ((total - left) ** 2) / nr - (total * total) / sorted.length;
      if (gain > best.gain) best = { gain, f, t: (X[sorted[k]!]![f]! + X[sorted[k + 1]!]![f]!) / 2 };
    }
  }
  if (best.f < 0) return m;
  const L = idx.filter((i) => X[i]![best.f]! <= best.t), R = idx.filter((i) => X[i]![best.f]! > best.t);
  return { f: best.f, t: best.t, l: buildTree(X, g, L, depth - 1, minLeaf), r: buildTree(X, g, R, depth - 1, minLeaf) };
}
const predict = (n: Node | number, x: number[]): number => (typeof n === 'number' ? n : predict(x[n.f]! <= n.t ? n.l : n.r, x));
function fitGbt(X: number[][], y: number[], trees: number, depth: number, lr: number) {
  const base = mean(y); const pred = y.map(() => base); const forest: (Node | number)[] = [];
  const idx = X.map((_x, i) => i);
  for (let t = 0; t < trees; t++) {
    const g = y.map((v, i) => v - pred[i]!);
    const tree = buildTree(X, g, idx, depth, 40); forest.push(tree);
    X.forEach((x, i) => { pred[i]! += lr * predict(tree, x); });
  }
  return (x: number[]) => base + lr * forest.reduce<number>((s, tr) => s + predict(tr, x), 0);
}
function summary(a: TrainingArticle, scores: number[]): string[] {
  const chosen: Candidate[] = [];
  for (const c of rankedCandidates(a.sentences, scores, 2, undefined, 26)) {
    if (chosen.length >= 3) break;
    if (chosen.some((o) => overlap(c.terms, o.terms) > 0.5)) continue;
    chosen.push(c);
  }
  return chosen.sort((p, q) => p.index - q.index).map((c) => c.text);
}
const FOLDS = 5; const res = new Map<string, number[]>();
const add = (key: string, a: TrainingArticle, pts: string[]) => { const r = scoreRouge(a.reference, pts); const s = res.get(key) ?? [0, 0, 0]; res.set(key, [s[0]! + r.rouge1.f1, s[1]! + r.rouge2.f1, s[2]! + r.rougeLsum.f1]); };
const configs = (process.env.CFG ?? '100:2:0.1,100:3:0.05,200:3:0.05').split(',').map((c) => c.split(':').map(Number) as [number, number, number]);
for (let fold = 0; fold < FOLDS; fold++) {
  const training = articles.filter((_a, i) => i % FOLDS !== fold);
  const heldOut = articles.filter((_a, i) => i % FOLDS === fold);
  const ridge = fitScorer(training, 1);
  for (const a of heldOut) add('ridge', a, summary(a, a.features.map((f) => scoreFeatures(f, ridge))));
  const X = training.flatMap((a) => a.features), y = training.flatMap((a) => a.targets);
  for (const [trees, depth, lr] of configs) {
    const model = fitGbt(X, y, trees, depth, lr);
    for (const a of heldOut) add(`gbt ${trees}/${depth}/${lr}`, a, summary(a, a.features.map(model)));
    for (const a of heldOut) add(`mix ${trees}/${depth}/${lr}`, a, summary(a, a.features.map((f) => 0.5 * model(f) + 0.5 * scoreFeatures(f, ridge))));
  }
  console.error('fold', fold);
}
for (const [key, s] of res) console.log(key.padEnd(20), s.map((v) => (100 * v / articles.length).toFixed(2)).join(' '), ((s[0]! + s[1]! + s[2]!) * 100 / 3 / articles.length).toFixed(2));

// Temporary experiment: a second-stage re-ranker trained only on the top-K pool (target: member of the best triple in the pool).
import { splitSentences } from '../src/core/nlp/sentences.js';
import { sentenceFeatures } from '../src/core/summarize/extractive/features.js';
import { tightenSentence } from '../src/core/summarize/extractive/tighten.js';
import { overlap, rankedCandidates, type Candidate } from '../src/core/summarize/extractive/candidates.js';
import { scoreFeatures, type ExtractiveWeights } from '../src/core/summarize/extractive/model.js';
import { scoreRouge } from '../src/core/eval/rouge.js';
import { readRecords } from './summarization-data.js';
import { fitScorer, greedyOracle, mean, ridge, thresholdsOf, type TrainingArticle } from './summarizer-training.js';

const K = Number(process.env.K ?? 6);
const records = readRecords('/work/shared/data/summarization/cnndm-train.jsonl');
const articles: TrainingArticle[] = records.map((record) => {
  const sentences = splitSentences(record.article);
  const oracle = greedyOracle(sentences.map((s) => tightenSentence(s.text)), record.reference);
  return { sentences, reference: record.reference, features: sentenceFeatures(sentences), targets: sentences.map((_s, i) => (oracle.has(i) ? 1 : 0)) };
});
const obj = (a: TrainingArticle, pts: Candidate[]) => { const r = scoreRouge(a.reference, [...pts].sort((p, q) => p.index - q.index).map((p) => p.text)); return [r.rouge1.f1, r.rouge2.f1, r.rougeLsum.f1]; };
function pool(a: TrainingArticle, w: ExtractiveWeights) {
  const scores = a.features.map((f) => scoreFeatures(f, w));
  const p: Candidate[] = [];
  for (const c of rankedCandidates(a.sentences, scores, 2, undefined, w.cutWords)) { if (p.length >= K) break; p.push(c); }
  return p;
}
function bestTriple(a: TrainingArticle, p: Candidate[], w: ExtractiveWeights, value: (t: Candidate[]) => number): Candidate[] {
  let best: Candidate[] = p.slice(0, 3); let bv = -Infinity;
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) for (let k = j + 1; k < p.length; k++) {
    const t = [p[i]!, p[j]!, p[k]!];
    if (overlap(t[0]!.terms, t[1]!.terms) > w.redundancy || overlap(t[0]!.terms, t[2]!.terms) > w.redundancy || overlap(t[1]!.terms, t[2]!.terms) > w.redundancy) continue;
    const v = value(t); if (v > bv) { bv = v; best = t; }
  }
  return best;
}
const rowOf = (a: TrainingArticle, c: Candidate, rank: number) => [...a.features[c.index]!, c.score, rank / K];
const FOLDS = 5; const res = new Map<string, number[]>();
const add = (key: string, v: number[]) => { const s = res.get(key) ?? [0, 0, 0]; res.set(key, s.map((q, i) => q + v[i]!)); };
for (let fold = 0; fold < FOLDS; fold++) {
  const training = articles.filter((_a, i) => i % FOLDS !== fold);
  const heldOut = articles.filter((_a, i) => i % FOLDS === fold);
  const scorer = fitScorer(training, 1);
  const w: ExtractiveWeights = { ...scorer, redundancy: 0.5, extraThreshold: thresholdsOf(scorer, training, [0.98])[0]!, cutWords: 26 };
  const X: number[][] = []; const Y: number[] = [];
  for (const a of training) {
    const p = pool(a, w); if (p.length < 4) continue;
    const orc = new Set(bestTriple(a, p, w, (t) => { const o = obj(a, t); return o[0]! + o[1]! + o[2]!; }).map((c) => c.index));
    p.forEach((c, r) => { X.push(rowOf(a, c, r)); Y.push(orc.has(c.index) ? 1 : 0); });
  }
  const k = X[0]!.length;
  const mu = Array.from({ length: k }, (_v, j) => mean(X.map((r) => r[j]!)));
  const sd = mu.map((m, j) => Math.sqrt(mean(X.map((r) => (r[j]! - m) ** 2))) || 1);
  const Xs = X.map((r) => r.map((v, j) => (v - mu[j]!) / sd[j]!));
  const ym = mean(Y);
  for (const lambda of [1, 30, 300]) {
    const beta = ridge(Xs, Y.map((y) => y - ym), lambda);
    for (const a of heldOut) {
      const p = pool(a, w);
      if (p.length < 3) continue;
      const s2 = new Map(p.map((c, r) => [c.index, rowOf(a, c, r).reduce((s, v, j) => s + beta[j]! * (v - mu[j]!) / sd[j]!, 0)]));
      add(`cascade/l${lambda}`, obj(a, bestTriple(a, p, w, (t) => t.reduce((s, c) => s + s2.get(c.index)!, 0))));
      if (lambda === 1) add('stage1', obj(a, bestTriple(a, p, w, (t) => t.reduce((s, c) => s + c.score, 0))));
    }
  }
}
for (const [key, s] of res) console.log(key.padEnd(14), s.map((v) => (100 * v / articles.length).toFixed(2)).join(' '), ((s[0]! + s[1]! + s[2]!) * 100 / 3 / articles.length).toFixed(2));

// Temporary experiment: a learned set-level re-ranker over triples of the top-K candidates.
import { splitSentences, type Sentence } from '../src/core/nlp/sentences.js';
import { contentTerms, sentenceFeatures } from '../src/core/summarize/extractive/features.js';
import { tightenSentence } from '../src/core/summarize/extractive/tighten.js';
import { overlap, rankedCandidates, words, type Candidate } from '../src/core/summarize/extractive/candidates.js';
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
interface Triple { picks: Candidate[]; x: number[]; y: number[] }
function articleStats(sentences: Sentence[]) {
  const terms = sentences.map(contentTerms);
  const counts = new Map<string, number>();
  for (const l of terms) for (const t of l) counts.set(t, (counts.get(t) ?? 0) + 1);
  const keywords = new Set([...counts.entries()].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([t]) => t));
  const sf = new Map<string, number>();
  for (const l of terms) for (const t of new Set(l)) sf.set(t, (sf.get(t) ?? 0) + 1);
  return { keywords, sf, n: sentences.length };
}
function triples(a: TrainingArticle, w: ExtractiveWeights, withTargets: boolean): Triple[] {
  const scores = a.features.map((f) => scoreFeatures(f, w));
  const pool: Candidate[] = [];
  for (const c of rankedCandidates(a.sentences, scores, 2, undefined, w.cutWords)) { if (pool.length >= K) break; pool.push(c); }
  const st = articleStats(a.sentences);
  const out: Triple[] = [];
  for (let i = 0; i < pool.length; i++) for (let j = i + 1; j < pool.length; j++) for (let k = j + 1; k < pool.length; k++) {
    const picks = [pool[i]!, pool[j]!, pool[k]!].sort((p, q) => p.index - q.index);
    const maxOv = Math.max(overlap(picks[0]!.terms, picks[1]!.terms), overlap(picks[0]!.terms, picks[2]!.terms), overlap(picks[1]!.terms, picks[2]!.terms));
    if (maxOv > w.redundancy) continue;
    const union = new Set(picks.flatMap((p) => [...p.terms]));
    const total = picks.reduce((s, p) => s + p.terms.size, 0);
    const nw = picks.reduce((s, p) => s + words(p.text), 0) / 60;
    const idfSum = [...union].reduce((s, t) => s + Math.log((st.n + 1) / (st.sf.get(t) ?? 1)), 0) / 30;
    const spread = [...union].reduce((s, t) => s + (st.sf.get(t) ?? 1) / st.n, 0) / Math.max(union.size, 1);
    const x = [
      picks.reduce((s, p) => s + p.score, 0),
      nw, nw * nw,
      st.keywords.size ? [...st.keywords].filter((t) => union.has(t)).length / st.keywords.size : 0,
      maxOv,
      total ? union.size / total : 0,
      picks.some((p) => p.index === 0) ? 1 : 0,
      picks.filter((p) => p.index < 3).length,
      picks.reduce((s, p) => s + 1 / (p.index + 1), 0),
      idfSum, spread,
      picks.filter((p) => p.text.endsWith('…')).length,
    ];
    let y = [0, 0, 0];
    if (withTargets) { const r = scoreRouge(a.reference, picks.map((p) => p.text)); y = [r.rouge1.f1, r.rouge2.f1, r.rougeLsum.f1]; }
    out.push({ picks, x, y });
  }
  return out;
}
const FOLDS = 5;
const LAMBDAS = [1, 10, 100];
const res = new Map<string, number[]>();
const add = (key: string, v: number[]) => { const s = res.get(key) ?? [0, 0, 0]; res.set(key, s.map((q, i) => q + v[i]!)); };
for (let fold = 0; fold < FOLDS; fold++) {
  const training = articles.filter((_a, i) => i % FOLDS !== fold);
  const heldOut = articles.filter((_a, i) => i % FOLDS === fold);
  const scorer = fitScorer(training, 1);
  const w: ExtractiveWeights = { ...scorer, redundancy: 0.5, extraThreshold: thresholdsOf(scorer, training, [0.98])[0]!, cutWords: 26 };
  // training rows, centred per article
  const X: number[][] = []; const Y: number[] = [];
  for (const a of training) {
    const ts = triples(a, w, true); if (ts.length < 2) continue;
    const obj = ts.map((t) => (t.y[0]! + t.y[1]! + t.y[2]!) / 3);
    const mx = ts[0]!.x.map((_v, c) => mean(ts.map((t) => t.x[c]!)));
    const my = mean(obj);
    ts.forEach((t, n) => { X.push(t.x.map((v, c) => v - mx[c]!)); Y.push(obj[n]! - my); });
  }
  const sd = X[0]!.map((_v, c) => Math.sqrt(mean(X.map((r) => r[c]! ** 2))) || 1);
  const Xs = X.map((r) => r.map((v, c) => v / sd[c]!));
  for (const lambda of LAMBDAS) {
    const beta = ridge(Xs, Y, lambda);
    for (const a of heldOut) {
      const ts = triples(a, w, true);
      if (ts.length === 0) continue; // fallback not modelled: count as baseline below
      let best = ts[0]!; let bv = -Infinity;
      for (const t of ts) { const v = t.x.reduce((s, x, c) => s + beta[c]! * x / sd[c]!, 0); if (v > bv) { bv = v; best = t; } }
      add(`set/l${lambda}`, best.y);
      // baseline: greedy top-3 by score within the same pool (= first feasible triple by score order)
      if (lambda === 1) {
        let base = ts[0]!; let bs = -Infinity;
        for (const t of ts) { const v = t.x[0]!; if (v > bs) { bs = v; base = t; } }
        add('sumscore', base.y);
        let orc = ts[0]!; let ov = -Infinity; for (const t of ts) { const v = t.y[0]! + t.y[1]! + t.y[2]!; if (v > ov) { ov = v; orc = t; } }
        add('oracle-in-pool', orc.y);
      }
    }
    if (fold === 0) console.log('lambda', lambda, beta.map((b) => b.toFixed(4)).join(' '));
  }
}
for (const [k, s] of res) console.log(k.padEnd(16), s.map((v) => (100 * v / articles.length).toFixed(2)).join(' '), ((s[0]! + s[1]! + s[2]!) * 100 / 3 / articles.length).toFixed(2));

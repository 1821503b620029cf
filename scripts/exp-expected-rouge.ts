/**
 * EXPERIMENT: choose points by expected ROUGE-1 F1 under a word-level model of which article words the
 * reference uses. 5-fold CV on cnndm-train (fold = i mod 5), then fit on all train and score dev.
 */
import { scoreRouge, tokenizeForRouge } from '../src/core/eval/rouge.js';
import { splitSentences, type Sentence } from '../src/core/nlp/sentences.js';
import { rankedCandidates, overlap, type Candidate } from '../src/core/summarize/extractive/candidates.js';
import { sentenceFeatures } from '../src/core/summarize/extractive/features.js';
import { DEFAULT_WEIGHTS, scoreFeatures } from '../src/core/summarize/extractive/model.js';
import { summarizePoints } from '../src/core/summarize/extractive/points.js';
import { readRecords, type SummarizationRecord } from './summarization-data.js';
import { ridge, greedyOracle, fitScorer, mean, type TrainingArticle } from './summarizer-training.js';
import { tightenSentence } from '../src/core/summarize/extractive/tighten.js';

const STOP = ['the','a','an','to','of','in','and','for','on','is','was','with','at','by','from','that','has','have','had','be','been','are','were','it','his','her','he','she','they','their','as','after','who','will','said','but','not','year','say','or','an','this','its','new','one','two','three','first','more','than','up','out','s','over','into','after','about','could','would','can','we','i','you','him','them','also','when','while','before','which','what','there','all','been','no','now','last','time','day','mr','mrs'];
const STOPS = [...new Set(STOP.map((w) => tokenizeForRouge(w)[0]!).filter(Boolean))];
const STOP_INDEX = new Map(STOPS.map((w, i) => [w, i]));

interface Prepared {
  rec: SummarizationRecord;
  sentences: Sentence[];
  scores: number[];
  /** candidate variants: [sentence index, text, tokens] */
  cands: { index: number; text: string; toks: string[]; score: number; terms: Set<string>; cut: number }[];
  types: string[];
  wordFeatures: number[][];
  refCounts: Map<string, number>;
  refLen: number;
}

function typeFeatures(sentences: Sentence[], scores: number[]): { types: string[]; feats: number[][] } {
  const n = sentences.length;
  const sentToks = sentences.map((s) => tokenizeForRouge(s.text));
  const info = new Map<string, { count: number; first: number; lead: number; sents: Set<number>; maxScore: number; caps: number; sumScore: number }>();
  // capitalisation from raw words
  const capCount = new Map<string, { cap: number; all: number }>();
  sentences.forEach((s, i) => {
    const raw = s.text.match(/[A-Za-z0-9]+/g) ?? [];
    raw.forEach((w, k) => {
      const t = tokenizeForRouge(w)[0];
      if (!t) return;
      const c = capCount.get(t) ?? { cap: 0, all: 0 };
      c.all += 1;
      if (k > 0 && /^[A-Z]/.test(w)) c.cap += 1;
      capCount.set(t, c);
    });
  });
  sentToks.forEach((toks, i) => {
    for (const t of toks) {
      let e = info.get(t);
      if (!e) { e = { count: 0, first: i, lead: 0, sents: new Set(), maxScore: -9, caps: 0, sumScore: 0 }; info.set(t, e); }
      e.count += 1;
      if (i < 3) e.lead += 1;
      if (!e.sents.has(i)) { e.sents.add(i); e.sumScore += Math.max(0, scores[i] ?? 0); }
      e.maxScore = Math.max(e.maxScore, scores[i] ?? 0);
    }
  });
  const types = [...info.keys()];
  const feats = types.map((t) => {
    const e = info.get(t)!;
    const cap = capCount.get(t);
    const stop = STOP_INDEX.get(t);
    const oneHot = STOPS.map((_w, k) => (k === stop ? 1 : 0));
    return [
      1,
      Math.log1p(e.count),
      1 / (1 + e.first),
      e.first === 0 ? 1 : 0,
      Math.log1p(e.lead),
      e.sents.size / Math.max(n, 1),
      Math.log(n + 1) / 4,
      /^[0-9]+$/.test(t) ? 1 : 0,
      cap && cap.all > 0 ? cap.cap / cap.all : 0,
      Math.min(t.length, 12) / 12,
      e.maxScore,
      e.sumScore,
      stop === undefined ? 0 : 1,
      ...oneHot,
    ];
  });
  return { types, feats };
}

function counts(toks: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of toks) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

const CUTS = (process.env.CUTS ?? '26').split(',').map(Number);

function prepare(rec: SummarizationRecord, weights = DEFAULT_WEIGHTS): Prepared {
  const sentences = splitSentences(rec.article);
  const f = sentenceFeatures(sentences);
  const scores = f.map((x) => scoreFeatures(x, weights));
  const cands: Prepared['cands'] = [];
  const seen = new Set<string>();
  for (const cut of CUTS) {
    let taken = 0;
    for (const c of rankedCandidates(sentences, scores, 2, undefined, cut)) {
      if (taken++ >= Number(process.env.CANDS ?? 999)) break;
      const key = `${c.index}|${c.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      cands.push({ index: c.index, text: c.text, toks: tokenizeForRouge(c.text), score: c.score, terms: c.terms, cut });
    }
  }
  const { types, feats } = typeFeatures(sentences, scores);
  const refToks = tokenizeForRouge(rec.reference.join(' '));
  return { rec, sentences, scores, cands, types, wordFeatures: feats, refCounts: counts(refToks), refLen: refToks.length };
}

function sigmoid(z: number): number { return 1 / (1 + Math.exp(-z)); }

/** L2 logistic regression by IRLS using the ridge solver on sqrt-weighted rows. */
function logistic(rows: number[][], y: number[], lambda: number, iters = 8): number[] {
  const k = rows[0]!.length;
  let w = new Array(k).fill(0);
  for (let it = 0; it < iters; it += 1) {
    const xs: number[][] = [];
    const zs: number[] = [];
    rows.forEach((x, i) => {
      const eta = x.reduce((s, v, j) => s + v * w[j]!, 0);
      const p = sigmoid(eta);
      const wt = Math.max(p * (1 - p), 1e-6);
      const z = eta + (y[i]! - p) / wt;
      const r = Math.sqrt(wt);
      xs.push(x.map((v) => v * r));
      zs.push(z * r);
    });
    w = ridge(xs, zs, lambda);
  }
  return w;
}

interface WordModel { w1: number[]; w2: number[]; w3: number[] }

function fitWordModel(arts: Prepared[], lambda: number): WordModel {
  const rows = arts.flatMap((a) => a.wordFeatures);
  const y1 = arts.flatMap((a) => a.types.map((t) => ((a.refCounts.get(t) ?? 0) >= 1 ? 1 : 0)));
  const w1 = logistic(rows, y1, lambda);
  // conditional P(C>=2 | C>=1)
  const rows2: number[][] = []; const y2: number[] = [];
  const rows3: number[][] = []; const y3: number[] = [];
  for (const a of arts) a.types.forEach((t, i) => {
    const c = a.refCounts.get(t) ?? 0;
    if (c >= 1) { rows2.push(a.wordFeatures[i]!); y2.push(c >= 2 ? 1 : 0); }
    if (c >= 2) { rows3.push(a.wordFeatures[i]!); y3.push(c >= 3 ? 1 : 0); }
  });
  return { w1, w2: logistic(rows2, y2, lambda * 3), w3: logistic(rows3, y3, lambda * 10) };
}

function dot(x: number[], w: number[]): number { let s = 0; for (let j = 0; j < x.length; j += 1) s += x[j]! * w[j]!; return s; }

/** per type: [P(C>=1), P(C>=2), P(C>=3)] */
function wordProbs(a: Prepared, m: WordModel): Map<string, number[]> {
  const out = new Map<string, number[]>();
  a.types.forEach((t, i) => {
    const x = a.wordFeatures[i]!;
    const p1 = sigmoid(dot(x, m.w1));
    const p2 = p1 * sigmoid(dot(x, m.w2));
    const p3 = p2 * sigmoid(dot(x, m.w3));
    out.set(t, [p1, p2, p3]);
  });
  return out;
}

interface SelectOptions { refLen: number; beta: number; redundancy: number; k: number; maxPts: number; extraGain: number }

function expectedOverlap(toks: string[][], probs: Map<string, number[]>): { ov: number; len: number } {
  const c = new Map<string, number>();
  let len = 0;
  for (const list of toks) for (const t of list) { c.set(t, (c.get(t) ?? 0) + 1); len += 1; }
  let ov = 0;
  for (const [t, k] of c) {
    const p = probs.get(t);
    if (!p) continue;
    for (let j = 0; j < Math.min(k, 3); j += 1) ov += p[j]!;
  }
  return { ov, len };
}

function select(a: Prepared, probs: Map<string, number[]>, o: SelectOptions): Prepared['cands'] {
  // rank candidates by single expected F1 + beta*score; keep top k distinct
  const value = (set: Prepared['cands']): number => {
    const { ov, len } = expectedOverlap(set.map((c) => c.toks), probs);
    return (2 * ov) / (len + o.refLen) + o.beta * set.reduce((s, c) => s + c.score, 0);
  };
  const pool = [...a.cands].sort((x, y) => value([y]) - value([x])).slice(0, o.k);
  let best: Prepared['cands'] = []; let bestV = -Infinity;
  const ok = (set: Prepared['cands'], c: Prepared['cands'][number]): boolean =>
    set.every((s) => s.index !== c.index && overlap(s.terms, c.terms) <= o.redundancy);
  for (let i = 0; i < pool.length; i += 1) for (let j = i + 1; j < pool.length; j += 1) {
    if (!ok([pool[i]!], pool[j]!)) continue;
    for (let l = j + 1; l < pool.length; l += 1) {
      const set = [pool[i]!, pool[j]!];
      if (!ok(set, pool[l]!)) continue;
      set.push(pool[l]!);
      const v = value(set);
      if (v > bestV) { bestV = v; best = set; }
    }
  }
  if (best.length === 0) best = pool.slice(0, 3);
  // greedy extras
  while (best.length < o.maxPts) {
    let pick: Prepared['cands'][number] | undefined; let pv = bestV + o.extraGain;
    for (const c of pool) { if (!ok(best, c)) continue; const v = value([...best, c]); if (v > pv) { pv = v; pick = c; } }
    if (!pick) break;
    best = [...best, pick]; bestV = pv;
  }
  return best.sort((x, y) => x.index - y.index);
}

function scoreSet(a: Prepared, pts: string[]) { return scoreRouge(a.rec.reference, pts); }

function run(train: Prepared[], test: Prepared[], lambda: number, grid: SelectOptions[]): { r1: number; r2: number; rl: number }[] {
  const m = fitWordModel(train, lambda);
  const probs = test.map((a) => wordProbs(a, m));
  return grid.map((o) => {
    const s = test.map((a, i) => scoreSet(a, select(a, probs[i]!, o).map((c) => c.text)));
    return { r1: mean(s.map((r) => r.rouge1.f1)), r2: mean(s.map((r) => r.rouge2.f1)), rl: mean(s.map((r) => r.rougeLsum.f1)) };
  });
}

const trainRecs = readRecords('../shared/data/summarization/cnndm-train.jsonl');
const devRecs = readRecords('../shared/data/summarization/cnndm-dev.jsonl');
const t0 = Date.now();
const train = trainRecs.map((r) => prepare(r));
const dev = devRecs.map((r) => prepare(r));
console.log('prepared', Date.now() - t0, 'ms; cands/article', mean(train.map((a) => a.cands.length)).toFixed(1));

const grid: SelectOptions[] = [];
for (const refLen of (process.env.REFLEN ?? '30,40,50').split(',').map(Number))
  for (const beta of (process.env.BETA ?? '0,0.1,0.3').split(',').map(Number))
    for (const k of [10])
      for (const extraGain of [99])
        grid.push({ refLen, beta, redundancy: DEFAULT_WEIGHTS.redundancy, k, maxPts: 5, extraGain });
const lambda = Number(process.env.LAMBDA ?? 1);
const FOLDS = 5;
const sums = grid.map(() => ({ r1: 0, r2: 0, rl: 0 }));
const baseCv = { r1: 0, r2: 0, rl: 0 };
const oracleArts: TrainingArticle[] = trainRecs.map((record, i) => {
  const sentences = train[i]!.sentences;
  const oracle = greedyOracle(sentences.map((s) => tightenSentence(s.text)), record.reference);
  return { sentences, reference: record.reference, features: sentenceFeatures(sentences), targets: sentences.map((_s, k) => (oracle.has(k) ? 1 : 0)) };
});
for (let fold = 0; fold < FOLDS; fold += 1) {
  const scorer = fitScorer(oracleArts.filter((_a, i) => i % FOLDS !== fold), 1);
  const weights = { ...DEFAULT_WEIGHTS, ...scorer, redundancy: DEFAULT_WEIGHTS.redundancy, extraThreshold: DEFAULT_WEIGHTS.extraThreshold, cutWords: DEFAULT_WEIGHTS.cutWords };
  const foldArts = trainRecs.map((r) => prepare(r, weights));
  const tr = foldArts.filter((_a, i) => i % FOLDS !== fold);
  const te = foldArts.filter((_a, i) => i % FOLDS === fold);
  run(tr, te, lambda, grid).forEach((r, g) => { sums[g]!.r1 += r.r1 * te.length; sums[g]!.r2 += r.r2 * te.length; sums[g]!.rl += r.rl * te.length; });
  for (const a of te) { const r = scoreSet(a, summarizePoints('', { sentences: a.sentences, factPoints: false, weights }).points); baseCv.r1 += r.rouge1.f1; baseCv.r2 += r.rouge2.f1; baseCv.rl += r.rougeLsum.f1; }
}
console.log('ridge-only CV (same folds, lambda 1, shipped thresholds)', [baseCv.r1, baseCv.r2, baseCv.rl].map((v) => (100 * v / train.length).toFixed(2)).join('/'));
const devRes = run(train, dev, lambda, grid);
const f = (v: number) => (100 * v).toFixed(2);
grid.forEach((o, g) => console.log(`refLen ${o.refLen} beta ${o.beta} k ${o.k} extra ${o.extraGain}  CV ${f(sums[g]!.r1 / train.length)}/${f(sums[g]!.r2 / train.length)}/${f(sums[g]!.rl / train.length)}  dev ${f(devRes[g]!.r1)}/${f(devRes[g]!.r2)}/${f(devRes[g]!.rl)}`));
// baselines
const base = (arts: Prepared[]) => { const s = arts.map((a) => scoreSet(a, summarizePoints('', { sentences: a.sentences, factPoints: false }).points)); return `${f(mean(s.map((r) => r.rouge1.f1)))}/${f(mean(s.map((r) => r.rouge2.f1)))}/${f(mean(s.map((r) => r.rougeLsum.f1)))}`; };
console.log('shipped v2-3pt (in-sample train)', base(train), 'dev', base(dev));
console.log('time', Date.now() - t0);

// Temporary experiment harness (not shipped).
import { splitSentences } from '../src/core/nlp/sentences.js';
import { sentenceFeatures } from '../src/core/summarize/extractive/features.js';
import { tightenSentence } from '../src/core/summarize/extractive/tighten.js';
import { scoreRouge, tokenizeForRouge } from '../src/core/eval/rouge.js';
import { readRecords } from './summarization-data.js';
import { evaluate, fitScorer, greedyOracle, thresholdsOf, type TrainingArticle } from './summarizer-training.js';

const records = readRecords('/work/shared/data/summarization/cnndm-train.jsonl');
type Multi = TrainingArticle & { all: Record<string, number[]> };
function oracleBy(sentences: string[], reference: string[], limit: number, f: (r: ReturnType<typeof scoreRouge>) => number): Set<number> {
  const chosen: number[] = []; let best = 0;
  for (let round = 0; round < limit; round += 1) {
    let pick = -1;
    sentences.forEach((_s, i) => { if (chosen.includes(i)) return; const v = f(scoreRouge(reference, [...chosen, i].sort((a, b) => a - b).map((k) => sentences[k]!))); if (v > best) { best = v; pick = i; } });
    if (pick < 0) break; chosen.push(pick);
  }
  return new Set(chosen);
}
const articles: Multi[] = records.map((record) => {
  const sentences = splitSentences(record.article);
  const tight = sentences.map((s) => tightenSentence(s.text));
  const o = greedyOracle(tight, record.reference);
  const ref = new Set(tokenizeForRouge(record.reference.join(' ')));
  const prec = tight.map((t) => { const k = tokenizeForRouge(t); return k.length ? k.filter((x) => ref.has(x)).length / k.length : 0; });
  const o1 = oracleBy(tight, record.reference, 3, (r) => r.rouge1.f1);
  const oAll = oracleBy(tight, record.reference, 3, (r) => r.rouge1.f1 + r.rouge2.f1 + r.rougeLsum.f1);
  const o5 = oracleBy(tight, record.reference, 5, (r) => r.rouge1.f1 + r.rouge2.f1);
  const bin = (s: Set<number>) => sentences.map((_s, i) => (s.has(i) ? 1 : 0));
  const b0 = bin(o), b1 = bin(o1), b2 = bin(oAll), b5 = bin(o5);
  const all: Record<string, number[]> = {
    base: b0,
    prec: prec,
    'base+.5prec': b0.map((v, i) => v + 0.5 * prec[i]!),
    'base+prec': b0.map((v, i) => v + prec[i]!),
    r1oracle: b1,
    alloracle: b2,
    soft3: b0.map((v, i) => (v + b1[i]! + b2[i]!) / 3),
    oracle5: b5,
  };
  return { sentences, reference: record.reference, features: sentenceFeatures(sentences), targets: b0, all };
});
const FOLDS = 5;
const sums = new Map<string, number[]>();
for (const name of Object.keys(articles[0]!.all)) {
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const training = articles.filter((_a, i) => i % FOLDS !== fold).map((a) => ({ ...a, targets: a.all[name]! }));
    const heldOut = articles.filter((_a, i) => i % FOLDS === fold);
    for (const lambda of [1, 100]) {
      const scorer = fitScorer(training, lambda);
      const ths = thresholdsOf(scorer, training, [0.98, 1.01]);
      for (const q of [0, 1]) {
        const r = evaluate(heldOut, { ...scorer, redundancy: 0.5, extraThreshold: ths[q]!, cutWords: 26 });
        const key = `${name}/l${lambda}/q${q}`;
        const s = sums.get(key) ?? [0, 0, 0, 0];
        sums.set(key, [s[0]! + r.r1 * heldOut.length, s[1]! + r.r2 * heldOut.length, s[2]! + r.rl * heldOut.length, s[3]! + r.objective * heldOut.length]);
      }
    }
  }
}
for (const [k, s] of sums) console.log(k.padEnd(22), s.map((v) => (100 * v / articles.length).toFixed(2)).join(' '));

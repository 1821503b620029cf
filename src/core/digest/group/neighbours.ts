/**
 * Candidate blocking: finds each item's most similar items without comparing all pairs.
 *
 * An inverted index maps each term to the items containing it. For one item we walk only the
 * postings of its *rare* terms (document frequency at most `maxDocumentFrequency`), accumulating
 * partial dot products, and skip items outside the time window. Terms shared by a large share of
 * the batch are left out of the walk: they are what makes all-pairs cost quadratic, and two items
 * that share only common words are rarely the same story. An item left with no candidate at all (all
 * its words common: a headline syndicated to much of the batch) walks its common terms as well.
 * The best `neighbours` candidates by partial score are then scored with the exact cosine.
 */
import { type SparseVector, dot } from './sparse-vector.js';

export interface NeighbourOptions {
  /** Items further apart than this (ms) are never candidates. */
  maxGapMs: number;
  /** Neighbours kept per item (the most similar ones). */
  neighbours: number;
  /** Candidates below this exact cosine are dropped. */
  minSimilarity: number;
}

/** An undirected candidate link, `a < b`. */
export interface Edge {
  a: number;
  b: number;
  similarity: number;
}

/** Terms in more than this share of the batch are not walked (but still count in the exact cosine). */
const COMMON_TERM_SHARE = 0.05;
/** ...unless the batch is small, where every term is walked. */
const COMMON_TERM_MIN_DF = 50;

/** First position in ascending `items` holding a value ≥ `value`. */
function lowerBound(items: readonly number[], value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The time window of every item as an index range: items are in time order, so the items within
 * `maxGapMs` of item i are the indexes [from[i], to[i]] (plus any untimed items, which sort last).
 */
function timeWindows(times: readonly (number | undefined)[], maxGapMs: number): { from: Int32Array; to: Int32Array } {
  const n = times.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const t = times[i];
    if (t === undefined) {
      from[i] = 0;
      to[i] = n - 1;
      continue;
    }
    while ((times[lo] ?? Infinity) < t - maxGapMs) lo++;
    if (hi < i) hi = i;
    while (hi + 1 < n && (times[hi + 1] ?? Infinity) <= t + maxGapMs) hi++;
    from[i] = lo;
    to[i] = hi;
  }
  return { from, to };
}

/** Keeps the `k` best (score, index) pairs, best first; ties go to the lower index. */
class TopK {
  readonly index: number[] = [];
  readonly score: number[] = [];
  constructor(private readonly k: number) {}

  offer(j: number, score: number): void {
    const { index, score: scores } = this;
    let at = scores.length;
    while (at > 0 && (scores[at - 1]! < score || (scores[at - 1] === score && index[at - 1]! > j))) at--;
    if (at >= this.k) return;
    index.splice(at, 0, j);
    scores.splice(at, 0, score);
    if (index.length > this.k) {
      index.pop();
      scores.pop();
    }
  }

  clear(): void {
    this.index.length = 0;
    this.score.length = 0;
  }
}

/**
 * Builds the candidate graph.
 * @param vectors - unit vectors, one per item.
 * @param documentFrequency - per term number.
 * @param times - epoch ms per item, ascending, `undefined` (unknown) only at the end.
 * @returns edges, each pair once, ordered by (a, b).
 */
export function findNeighbours(
  vectors: readonly SparseVector[],
  documentFrequency: readonly number[],
  times: readonly (number | undefined)[],
  options: NeighbourOptions,
): Edge[] {
  const n = vectors.length;
  const maxDocumentFrequency = Math.max(COMMON_TERM_MIN_DF, Math.ceil(COMMON_TERM_SHARE * n));
  // Parallel arrays per term: which items hold it, with what weight.
  const postingItems: number[][] = documentFrequency.map(() => []);
  const postingWeights: number[][] = documentFrequency.map(() => []);
  vectors.forEach(({ terms, weights }, i) => {
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      postingItems[term]!.push(i);
      postingWeights[term]!.push(weights[t]!);
    }
  });

  const { from, to } = timeWindows(times, options.maxGapMs);
  const firstUntimed = times.findIndex((t) => t === undefined);
  const untimedFrom = firstUntimed === -1 ? n : firstUntimed;
  const scores = new Float64Array(n);
  const touched: number[] = [];
  const best = new TopK(options.neighbours);
  const kept = new Map<number, Edge>();
  for (let i = 0; i < n; i++) {
    const vector = vectors[i]!;
    const lo = from[i]!;
    const hi = to[i]!;
    const walk = (common: boolean): void => {
      for (let t = 0; t < vector.terms.length; t++) {
        const term = vector.terms[t]!;
        if (documentFrequency[term]! > maxDocumentFrequency !== common) continue;
        const weight = vector.weights[t]!;
        const items = postingItems[term]!;
        const weights = postingWeights[term]!;
        // Walk the items in the time window, then the untimed tail.
        for (let p = lowerBound(items, lo); p < items.length; p++) {
          let j = items[p]!;
          if (j > hi) {
            if (j < untimedFrom) p = lowerBound(items, untimedFrom);
            if (p >= items.length) break;
            j = items[p]!;
          }
          if (j === i) continue;
          if (scores[j] === 0) touched.push(j);
          scores[j] = scores[j]! + weight * weights[p]!;
        }
      }
    };
    walk(false);
    // An item made only of words common in this batch (a headline syndicated to many feeds, or
    // "Why I do not trust Bitcoin") would get no candidate at all: for those, walk the common terms.
    if (touched.length === 0) walk(true);
    for (const j of touched) {
      best.offer(j, scores[j]!);
      scores[j] = 0;
    }
    touched.length = 0;
    for (const j of best.index) {
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      const key = a * n + b;
      if (kept.has(key)) continue;
      const similarity = dot(vector, vectors[j]!);
      if (similarity >= options.minSimilarity) kept.set(key, { a, b, similarity });
    }
    best.clear();
  }
  return [...kept.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * Candidate blocking: finds each item's most similar items without comparing all pairs.
 *
 * An inverted index maps each term to the items containing it. For one item we walk only the
 * postings of its *rare* terms (document frequency at most `maxDocumentFrequency`), accumulating
 * partial dot products, and skip items outside the time window. Terms shared by a large share of
 * the batch are left out of the walk: they are what makes all-pairs cost quadratic, and two items
 * that share only common words are not the same story. The kept candidates are then scored with
 * the exact cosine.
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

function withinGap(times: readonly (number | undefined)[], i: number, j: number, maxGapMs: number): boolean {
  const a = times[i];
  const b = times[j];
  return a === undefined || b === undefined || Math.abs(a - b) <= maxGapMs;
}

/**
 * Builds the candidate graph.
 * @param vectors - unit vectors, one per item.
 * @param documentFrequency - per term number.
 * @param times - epoch ms per item, `undefined` when unknown.
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
  vectors.forEach((vector, i) => {
    for (const [term, weight] of vector) {
      if (documentFrequency[term]! > maxDocumentFrequency) continue;
      postingItems[term]!.push(i);
      postingWeights[term]!.push(weight);
    }
  });

  const scores = new Float64Array(n);
  const touched: number[] = [];
  const kept = new Map<number, Edge>();
  for (let i = 0; i < n; i++) {
    const vector = vectors[i]!;
    for (const [term, weight] of vector) {
      if (documentFrequency[term]! > maxDocumentFrequency) continue;
      const items = postingItems[term]!;
      const weights = postingWeights[term]!;
      for (let p = 0; p < items.length; p++) {
        const j = items[p]!;
        if (j === i || !withinGap(times, i, j, options.maxGapMs)) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j] = scores[j]! + weight * weights[p]!;
      }
    }
    const candidates = touched
      .map((j) => ({ j, score: scores[j]! }))
      .sort((x, y) => y.score - x.score || x.j - y.j)
      .slice(0, options.neighbours);
    for (const j of touched) scores[j] = 0;
    touched.length = 0;
    for (const { j } of candidates) {
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      const key = a * n + b;
      if (kept.has(key)) continue;
      const similarity = dot(vector, vectors[j]!);
      if (similarity >= options.minSimilarity) kept.set(key, { a, b, similarity });
    }
  }
  return [...kept.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}

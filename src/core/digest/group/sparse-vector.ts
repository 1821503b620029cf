/**
 * Sparse term vectors: a map from term number to weight. Story centroids are sums of item vectors,
 * so the operations are the few that agglomerative clustering needs.
 */

export type SparseVector = Map<number, number>;

/** Dot product; walks the smaller vector. */
export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

/** Squared Euclidean length. */
export function squaredNorm(v: SparseVector): number {
  let sum = 0;
  for (const weight of v.values()) sum += weight * weight;
  return sum;
}

/** Adds `from` into `into` in place. */
export function addInto(into: SparseVector, from: SparseVector): void {
  for (const [term, weight] of from) into.set(term, (into.get(term) ?? 0) + weight);
}

/** Scales `v` in place to unit length (a zero vector stays zero). */
export function normalize(v: SparseVector): SparseVector {
  const norm = Math.sqrt(squaredNorm(v));
  if (norm > 0) for (const [term, weight] of v) v.set(term, weight / norm);
  return v;
}

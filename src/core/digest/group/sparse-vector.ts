/**
 * Sparse term vectors in two shapes:
 * - {@link SparseVector}: an item's fixed vector, term numbers ascending in a typed array with their
 *   weights beside them (compact, and loops over it allocate nothing);
 * - {@link Centroid}: a growing story's sum of item vectors, a Map from term number to weight.
 * Dot products between them are the inner loop of clustering, hence the plain `for` loops.
 */

export interface SparseVector {
  /** Term numbers, strictly ascending. */
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

export type Centroid = Map<number, number>;

/** Builds a unit-length vector from term → weight (a zero vector stays empty). */
export function toUnitVector(weights: ReadonlyMap<number, number>): SparseVector {
  const terms = Int32Array.from(weights.keys()).sort();
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  norm = Math.sqrt(norm);
  const values = new Float64Array(terms.length);
  if (norm > 0) for (let i = 0; i < terms.length; i++) values[i] = weights.get(terms[i]!)! / norm;
  return norm > 0 ? { terms, weights: values } : { terms: new Int32Array(0), weights: values.subarray(0, 0) };
}

/** Dot product of two item vectors (merge of the sorted term lists). */
export function dot(a: SparseVector, b: SparseVector): number {
  const at = a.terms;
  const bt = b.terms;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < at.length && j < bt.length) {
    const x = at[i]!;
    const y = bt[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Dot product of a centroid and an item vector. */
export function dotCentroid(c: Centroid, v: SparseVector): number {
  let sum = 0;
  const { terms, weights } = v;
  for (let i = 0; i < terms.length; i++) {
    const other = c.get(terms[i]!);
    if (other !== undefined) sum += weights[i]! * other;
  }
  return sum;
}

/** Dot product of two centroids; walks the smaller. */
export function dotCentroids(a: Centroid, b: Centroid): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  small.forEach((weight, term) => {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  });
  return sum;
}

/** A new centroid holding `v`. */
export function toCentroid(v: SparseVector): Centroid {
  const c: Centroid = new Map();
  for (let i = 0; i < v.terms.length; i++) c.set(v.terms[i]!, v.weights[i]!);
  return c;
}

/** Adds `from` into `into` in place. */
export function addCentroid(into: Centroid, from: Centroid): void {
  from.forEach((weight, term) => into.set(term, (into.get(term) ?? 0) + weight));
}

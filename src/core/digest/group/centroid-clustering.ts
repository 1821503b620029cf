/**
 * Agglomerative clustering with centroid linkage over a sparse candidate graph.
 *
 * Every item starts as its own cluster; the most similar pair of clusters merges first, as long as
 * the cosine between their centroids (the sums of their items' unit vectors) reaches the threshold
 * and the merged cluster's time span stays within the limit. Only clusters linked by a candidate edge
 * are ever compared, so the work follows the graph, not the square of the item count.
 *
 * Why centroid linkage: the centroid cosine equals the average cross-cluster similarity divided by
 * the clusters' own cohesion. The similarity is discounted by the time gap (see {@link similarity}). A story covered loosely by many outlets (a big, varied cluster) thus
 * still accepts a new item that shares its core terms, where average linkage would demand the item
 * resemble every headline; and unlike single linkage, one stray similar pair cannot chain two
 * events together.
 */
import { MaxHeap } from './max-heap.js';
import type { Edge } from './neighbours.js';
import { type SparseVector, addInto, dot } from './sparse-vector.js';

export interface ClusterOptions {
  /** Minimum centroid cosine for a merge. */
  threshold: number;
  /** Maximum time span (ms) of one cluster. */
  maxSpanMs: number;
  /** Time gap (ms) between two clusters' mean times that halves their similarity; 0 turns decay off. */
  halfLifeMs: number;
}

interface Cluster {
  members: number[];
  centroid: SparseVector;
  squaredNorm: number;
  minTime: number;
  maxTime: number;
  /** Sum and count of the members' known times, for the mean time. */
  timeSum: number;
  timed: number;
  neighbours: Set<number>;
  version: number;
}

interface Candidate {
  similarity: number;
  a: number;
  b: number;
  versionA: number;
  versionB: number;
}

function before(x: Candidate, y: Candidate): boolean {
  if (x.similarity !== y.similarity) return x.similarity > y.similarity;
  return x.a !== y.a ? x.a < y.a : x.b < y.b;
}

/**
 * Centroid cosine, discounted by the gap between the clusters' mean times: news about one event
 * comes in a burst, so the same words a day apart more often mean a follow-up (a new story).
 */
function similarity(x: Cluster, y: Cluster, halfLifeMs: number): number {
  const denominator = Math.sqrt(x.squaredNorm * y.squaredNorm);
  if (denominator === 0) return 0;
  const cosine = dot(x.centroid, y.centroid) / denominator;
  if (x.timed === 0 || y.timed === 0 || halfLifeMs <= 0) return cosine;
  const gap = Math.abs(x.timeSum / x.timed - y.timeSum / y.timed);
  return cosine * 2 ** (-gap / halfLifeMs);
}

function spanOk(x: Cluster, y: Cluster, maxSpanMs: number): boolean {
  return Math.max(x.maxTime, y.maxTime) - Math.min(x.minTime, y.minTime) <= maxSpanMs;
}

/**
 * Clusters items.
 * @param vectors - unit vectors, one per item; the centroids start as copies.
 * @param times - epoch ms per item, `undefined` when unknown (then never time-limited).
 * @param edges - candidate links from {@link findNeighbours}.
 * @returns clusters as lists of item indexes, each ascending, in order of their first item.
 */
export function clusterByCentroid(
  vectors: readonly SparseVector[],
  times: readonly (number | undefined)[],
  edges: readonly Edge[],
  options: ClusterOptions,
): number[][] {
  const clusters: (Cluster | undefined)[] = vectors.map((vector, i) => ({
    members: [i],
    centroid: new Map(vector),
    squaredNorm: vector.size > 0 ? 1 : 0,
    minTime: times[i] ?? Infinity,
    maxTime: times[i] ?? -Infinity,
    timeSum: times[i] ?? 0,
    timed: times[i] === undefined ? 0 : 1,
    neighbours: new Set<number>(),
    version: 0,
  }));
  const queue = new MaxHeap<Candidate>(before);
  const offer = (a: number, b: number): void => {
    const x = clusters[a]!;
    const y = clusters[b]!;
    if (!spanOk(x, y, options.maxSpanMs)) return;
    const score = similarity(x, y, options.halfLifeMs);
    if (score < options.threshold) return;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    queue.push({ similarity: score, a: lo, b: hi, versionA: clusters[lo]!.version, versionB: clusters[hi]!.version });
  };

  for (const { a, b } of edges) {
    clusters[a]!.neighbours.add(b);
    clusters[b]!.neighbours.add(a);
    offer(a, b);
  }

  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const x = clusters[next.a];
    const y = clusters[next.b];
    if (!x || !y || x.version !== next.versionA || y.version !== next.versionB) continue;
    // The larger cluster absorbs the smaller (fewer map writes); ties keep the lower index.
    const [keep, drop] = y.members.length > x.members.length ? [next.b, next.a] : [next.a, next.b];
    const kept = clusters[keep]!;
    const dropped = clusters[drop]!;
    const crossDot = dot(kept.centroid, dropped.centroid);
    addInto(kept.centroid, dropped.centroid);
    kept.squaredNorm += dropped.squaredNorm + 2 * crossDot;
    kept.members.push(...dropped.members);
    kept.minTime = Math.min(kept.minTime, dropped.minTime);
    kept.maxTime = Math.max(kept.maxTime, dropped.maxTime);
    kept.timeSum += dropped.timeSum;
    kept.timed += dropped.timed;
    kept.version += 1;
    clusters[drop] = undefined;
    for (const n of dropped.neighbours) {
      const neighbour = clusters[n]!;
      neighbour.neighbours.delete(drop);
      if (n !== keep) {
        neighbour.neighbours.add(keep);
        kept.neighbours.add(n);
      }
    }
    kept.neighbours.delete(drop);
    for (const n of kept.neighbours) offer(keep, n);
  }

  return clusters
    .filter((c): c is Cluster => c !== undefined)
    .map((c) => c.members.sort((p, q) => p - q))
    .sort((p, q) => p[0]! - q[0]!);
}

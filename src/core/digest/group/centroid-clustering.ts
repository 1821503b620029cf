/**
 * Agglomerative clustering over a sparse candidate graph, with an item-to-centroid linkage.
 *
 * Every item starts as its own cluster; the best-fitting pair of clusters merges first, as long as
 * their fit reaches the threshold and the merged cluster's time span stays within the limit. Only
 * clusters linked by a candidate edge are ever compared, so the work follows the graph, not the square
 * of the item count.
 *
 * The fit of two clusters is the mean cosine between the smaller one's items and the larger one's
 * centroid (the sum of its items' unit vectors) — the test a single-pass news clusterer applies to
 * each new item, extended to groups. Why this linkage:
 * - a story covered loosely by many outlets (a big, varied cluster) has a centroid that concentrates
 *   its shared terms, so a new item carrying those terms fits, where average linkage would demand it
 *   resemble every headline;
 * - two tight stories that share a name (one company, two events) fit poorly, because most of each
 *   one's terms are absent from the other's centroid; plain centroid-to-centroid cosine divides by
 *   the clusters' cohesion and would merge them;
 * - unlike single linkage, one stray similar pair cannot chain two events together.
 *
 * A centroid can still drift: a broad story absorbs a neighbour that fits its current terms, the
 * centroid moves towards the newcomer, and the next merge fits the moved centroid but no longer the
 * event the story began with (a China exports story becoming "stocks fell"). So a merge must also fit
 * the stories' founding reports ({@link ANCHOR_SIZE} earliest-merged items of each side) at least
 * {@link ANCHOR_SHARE} of the threshold: lenient enough for loosely worded coverage of one event,
 * strict enough to stop a chain whose end has left its start behind. A single report is exempt: it
 * barely moves a story's centroid.
 *
 * Last, {@link attachStrays} offers every stray report to the established stories it shares a term
 * with: the candidate graph can miss that link, because a big story's own name is common in the batch
 * and common terms are not walked when looking for neighbours.
 */
import type { Edge } from './neighbours.js';
import { PairQueue } from './pair-queue.js';
import {
  type Centroid,
  type SparseVector,
  addCentroid,
  dot,
  dotCentroid,
  dotCentroids,
  toCentroid,
} from './sparse-vector.js';

export interface ClusterOptions {
  /** Minimum fit (see {@link similarity}) for a merge. */
  threshold: number;
  /** Maximum time span (ms) of one cluster. */
  maxSpanMs: number;
  /** Time gap (ms) between two clusters' mean times that halves their similarity; 0 turns decay off. */
  halfLifeMs: number;
}

/** A cluster re-scores all its neighbours each time it has grown by this share. */
const REFRESH_GROWTH = 0.25;
/**
 * How many founding reports anchor a story: the items it was built from before it could drift.
 * Below this size the anchor is the whole cluster and the check adds nothing.
 */
const ANCHOR_SIZE = 10;
/**
 * A merge must fit the anchors at least this share of the merge threshold (the same leniency as the
 * candidate floor: a link too weak to merge two single items).
 */
const ANCHOR_SHARE = 0.5;

/** A story with at least this many reports is established: strays are offered to it at the end. */
const ESTABLISHED_SIZE = 10;
/** A cluster of at most this many reports is a stray: one report, or a syndicated pair. */
const STRAY_MAX_SIZE = 2;

/** The founding reports of a cluster, kept summed so the anchor check costs one centroid dot product. */
interface Anchor {
  members: number[];
  sum: Centroid;
  squaredNorm: number;
}

interface Cluster {
  members: number[];
  /** The single item's vector while the cluster has one member... */
  item: SparseVector;
  /** ...and the sum of its members' vectors once it has more (created on the first merge). */
  centroid: Centroid | undefined;
  squaredNorm: number;
  minTime: number;
  maxTime: number;
  /** Sum and count of the members' known times, for the mean time. */
  timeSum: number;
  timed: number;
  neighbours: Set<number>;
  /** Bumped on every merge: queue entries with an older version hold an outdated similarity. */
  version: number;
  /** Size at the last time every neighbour was re-scored. */
  refreshedSize: number;
  /** Created on the first merge that takes the cluster past {@link ANCHOR_SIZE}. */
  anchor: Anchor | undefined;
}

/**
 * The mean cosine between the smaller group's items and the larger group's summed vector, from the
 * dot product of the two sums: Σ_i∈x cos(v_i, S_y) = (S_x · S_y) / |S_y|, so the mean is that over nx.
 * Equal sizes take the lower of the two directions.
 */
function fit(crossDot: number, nx: number, squaredNormX: number, ny: number, squaredNormY: number): number {
  const xIntoY = nx * Math.sqrt(squaredNormY);
  const yIntoX = ny * Math.sqrt(squaredNormX);
  const denominator = nx < ny ? xIntoY : ny < nx ? yIntoX : Math.max(xIntoY, yIntoX);
  return denominator === 0 ? 0 : crossDot / denominator;
}

/**
 * News about one event comes in a burst, so the same words a day apart more often mean a follow-up
 * (a new story): similarity halves for every `halfLifeMs` between the clusters' mean times.
 */
function timeDecay(x: Cluster, y: Cluster, halfLifeMs: number): number {
  if (x.timed === 0 || y.timed === 0 || halfLifeMs <= 0) return 1;
  const gap = Math.abs(x.timeSum / x.timed - y.timeSum / y.timed);
  return 2 ** (-gap / halfLifeMs);
}

/**
 * How well the smaller cluster fits the larger: the mean cosine between the smaller cluster's items
 * and the larger cluster's centroid (for two single items, their cosine), time-discounted.
 */
function similarity(x: Cluster, y: Cluster, halfLifeMs: number, knownCosine?: number): number {
  const score =
    knownCosine ?? fit(clusterDot(x, y), x.members.length, x.squaredNorm, y.members.length, y.squaredNorm);
  return score * timeDecay(x, y, halfLifeMs);
}

/** A cluster's anchor: its own, or (while it is small) all its members. */
function anchorOf(c: Cluster): Anchor {
  if (c.anchor) return c.anchor;
  const sum = c.centroid ?? toCentroid(c.item);
  return { members: c.members, sum, squaredNorm: c.squaredNorm };
}

/** Whether two clusters' founding reports fit each other well enough (see the file comment). */
function anchorsAgree(x: Cluster, y: Cluster, options: ClusterOptions): boolean {
  if (x.members.length + y.members.length <= ANCHOR_SIZE) return true;
  // One report barely moves a story's centroid, so it cannot make the story drift; its fit to the
  // centroid is the whole test (the anchors of a broad story would turn away loosely worded reports).
  if (x.members.length === 1 || y.members.length === 1) return true;
  const ax = anchorOf(x);
  const ay = anchorOf(y);
  const score = fit(dotCentroids(ax.sum, ay.sum), ax.members.length, ax.squaredNorm, ay.members.length, ay.squaredNorm);
  return score * timeDecay(x, y, options.halfLifeMs) >= options.threshold * ANCHOR_SHARE;
}

/** Fills `kept`'s anchor from the dropped cluster's founding reports, up to {@link ANCHOR_SIZE}. */
function growAnchor(kept: Cluster, dropped: Cluster, vectors: readonly SparseVector[]): void {
  if (kept.anchor && kept.anchor.members.length >= ANCHOR_SIZE) return;
  const members = [...(kept.anchor?.members ?? kept.members)];
  for (const m of dropped.anchor?.members ?? dropped.members) {
    if (members.length >= ANCHOR_SIZE) break;
    members.push(m);
  }
  const sum: Centroid = new Map();
  for (const m of members) addCentroid(sum, toCentroid(vectors[m]!));
  let squaredNorm = 0;
  sum.forEach((weight) => (squaredNorm += weight * weight));
  kept.anchor = { members, sum, squaredNorm };
}

/** Dot product of two clusters' summed vectors, using the cheapest loop for their shapes. */
function clusterDot(x: Cluster, y: Cluster): number {
  if (x.centroid && y.centroid) return dotCentroids(x.centroid, y.centroid);
  if (x.centroid) return dotCentroid(x.centroid, y.item);
  if (y.centroid) return dotCentroid(y.centroid, x.item);
  return dot(x.item, y.item);
}

/** Merges `dropped` into `kept` in place. */
function absorb(kept: Cluster, dropped: Cluster, vectors: readonly SparseVector[]): void {
  // Anchors are only needed once a cluster outgrows them; smaller ones use their centroid.
  if (kept.members.length + dropped.members.length > ANCHOR_SIZE) growAnchor(kept, dropped, vectors);
  const crossDot = clusterDot(kept, dropped);
  kept.centroid ??= toCentroid(kept.item);
  addCentroid(kept.centroid, dropped.centroid ?? toCentroid(dropped.item));
  kept.squaredNorm += dropped.squaredNorm + 2 * crossDot;
  kept.members.push(...dropped.members);
  kept.minTime = Math.min(kept.minTime, dropped.minTime);
  kept.maxTime = Math.max(kept.maxTime, dropped.maxTime);
  kept.timeSum += dropped.timeSum;
  kept.timed += dropped.timed;
  kept.version += 1;
}

function spanOk(x: Cluster, y: Cluster, maxSpanMs: number): boolean {
  return Math.max(x.maxTime, y.maxTime) - Math.min(x.minTime, y.minTime) <= maxSpanMs;
}

/**
 * Clusters items.
 * @param vectors - unit vectors, one per item (read, never changed).
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
    item: vector,
    centroid: undefined,
    squaredNorm: vector.terms.length > 0 ? 1 : 0,
    minTime: times[i] ?? Infinity,
    maxTime: times[i] ?? -Infinity,
    timeSum: times[i] ?? 0,
    timed: times[i] === undefined ? 0 : 1,
    neighbours: new Set<number>(),
    version: 0,
    refreshedSize: 1,
    anchor: undefined,
  }));
  const queue = new PairQueue();
  /** Queues the pair when it may merge; `cosine` (of two single items) saves the dot product. */
  const offer = (a: number, b: number, cosine?: number): void => {
    const x = clusters[a]!;
    const y = clusters[b]!;
    if (!spanOk(x, y, options.maxSpanMs)) return;
    const score = similarity(x, y, options.halfLifeMs, cosine);
    if (score < options.threshold) return;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    queue.push(score, lo, hi, clusters[lo]!.version, clusters[hi]!.version);
  };

  for (const { a, b, similarity: cosine } of edges) {
    clusters[a]!.neighbours.add(b);
    clusters[b]!.neighbours.add(a);
    offer(a, b, cosine);
  }

  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const x = clusters[next.a];
    const y = clusters[next.b];
    if (!x || !y) continue;
    if (x.version !== next.versionA || y.version !== next.versionB) {
      // Outdated: one side grew since. Re-score and queue again in its proper place.
      offer(next.a, next.b);
      continue;
    }
    // Refused pairs stay neighbours: they are looked at again if either side grows.
    if (!anchorsAgree(x, y, options)) continue;
    // The larger cluster absorbs the smaller (fewer map writes); ties keep the lower index.
    const [keep, drop] = y.members.length > x.members.length ? [next.b, next.a] : [next.a, next.b];
    const kept = clusters[keep]!;
    const dropped = clusters[drop]!;
    absorb(kept, dropped, vectors);
    clusters[drop] = undefined;
    for (const n of dropped.neighbours) {
      const neighbour = clusters[n]!;
      neighbour.neighbours.delete(drop);
      if (n === keep) continue;
      neighbour.neighbours.add(keep);
      // A pair already linked is re-scored when its queue entry comes up, or at the next refresh.
      if (kept.neighbours.has(n)) continue;
      kept.neighbours.add(n);
      offer(keep, n);
    }
    kept.neighbours.delete(drop);
    // Re-scoring every neighbour after every merge is what makes big stories slow; queued entries are
    // re-scored when they come up anyway. Only pairs that were below the threshold need a fresh look,
    // and the centroid only moves enough for that once the cluster has grown by a good share.
    if (kept.members.length >= kept.refreshedSize * (1 + REFRESH_GROWTH)) {
      kept.refreshedSize = kept.members.length;
      for (const n of kept.neighbours) offer(keep, n);
    }
  }

  attachStrays(clusters, options, vectors);
  return clusters
    .filter((c): c is Cluster => c !== undefined)
    .map((c) => c.members.sort((p, q) => p - q))
    .sort((p, q) => p[0]! - q[0]!);
}


/**
 * Merges each stray cluster into the established story it fits best, when that fit reaches the
 * threshold within the time limit. Stories are looked up through the terms they contain, so a stray
 * is only scored against stories it shares a word with. All strays are scored against the stories as
 * they stand before any is attached, so the result does not depend on the order of the strays.
 */
function attachStrays(
  clusters: (Cluster | undefined)[],
  options: ClusterOptions,
  vectors: readonly SparseVector[],
): void {
  const storiesWith = new Map<number, number[]>();
  clusters.forEach((c, k) => {
    if (!c?.centroid || c.members.length < ESTABLISHED_SIZE) return;
    c.centroid.forEach((_, term) => (storiesWith.get(term) ?? storiesWith.set(term, []).get(term)!).push(k));
  });
  if (storiesWith.size === 0) return;
  const moves: { stray: number; story: number }[] = [];
  clusters.forEach((stray, k) => {
    if (!stray || stray.members.length > STRAY_MAX_SIZE) return;
    const scored = new Set<number>();
    let bestScore = options.threshold;
    let best = -1;
    for (const term of stray.centroid?.keys() ?? stray.item.terms) {
      for (const s of storiesWith.get(term) ?? []) {
        if (scored.has(s)) continue;
        scored.add(s);
        const story = clusters[s]!;
        if (!spanOk(stray, story, options.maxSpanMs)) continue;
        const score = similarity(stray, story, options.halfLifeMs);
        // Ties go to the lower story index, so the choice does not depend on term order.
        if (score < bestScore || (score === bestScore && best !== -1 && s > best)) continue;
        if (!anchorsAgree(stray, story, options)) continue;
        bestScore = score;
        best = s;
      }
    }
    if (best !== -1) moves.push({ stray: k, story: best });
  });
  for (const { stray, story } of moves) {
    absorb(clusters[story]!, clusters[stray]!, vectors);
    clusters[stray] = undefined;
  }
}

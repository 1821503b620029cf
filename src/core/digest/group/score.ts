/**
 * Clustering scores for story grouping, as ../shared/data/stories/README.md defines them:
 * B-cubed precision/recall/F1 (primary), pairwise precision/recall/F1 and the adjusted Rand index.
 * All are computed from the cluster × story contingency table, so scoring is linear in the items.
 */

export interface GroupingScore {
  items: number;
  clusters: number;
  stories: number;
  b3Precision: number;
  b3Recall: number;
  b3F1: number;
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
  ari: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;
const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

function countBy<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Scores a predicted grouping against gold stories.
 * @param gold - item id → gold story id; defines the items scored.
 * @param predicted - item id → predicted cluster id; an item missing here is a cluster of its own.
 */
export function scoreGrouping(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): GroupingScore {
  // Missing items get a key no real cluster id can have.
  const clusterOf = (item: string): string => predicted.get(item) ?? `\u0000alone:${item}`;
  const items = [...gold.keys()];
  const n = items.length;
  const clusterSize = countBy(items.map(clusterOf));
  const storySize = countBy(gold.values());
  const cell = countBy(items.map((item) => `${clusterOf(item)}\u0001${gold.get(item)!}`));

  let b3Precision = 0;
  let b3Recall = 0;
  let correctPairs = 0;
  for (const [key, count] of cell) {
    const [cluster, story] = key.split('\u0001') as [string, string];
    b3Precision += (count * count) / clusterSize.get(cluster)!;
    b3Recall += (count * count) / storySize.get(story)!;
    correctPairs += pairs(count);
  }
  b3Precision = n > 0 ? b3Precision / n : 1;
  b3Recall = n > 0 ? b3Recall / n : 1;

  const predictedPairs = [...clusterSize.values()].reduce((sum, size) => sum + pairs(size), 0);
  const goldPairs = [...storySize.values()].reduce((sum, size) => sum + pairs(size), 0);
  const pairPrecision = predictedPairs > 0 ? correctPairs / predictedPairs : 1;
  const pairRecall = goldPairs > 0 ? correctPairs / goldPairs : 1;

  const expected = n > 1 ? (predictedPairs * goldPairs) / pairs(n) : 0;
  const max = (predictedPairs + goldPairs) / 2;
  // Identical trivial partitions (nothing to adjust for) count as perfect agreement, as in scikit-learn.
  const ari = max === expected ? 1 : (correctPairs - expected) / (max - expected);

  return {
    items: n,
    clusters: clusterSize.size,
    stories: storySize.size,
    b3Precision,
    b3Recall,
    b3F1: f1(b3Precision, b3Recall),
    pairPrecision,
    pairRecall,
    pairF1: f1(pairPrecision, pairRecall),
    ari,
  };
}

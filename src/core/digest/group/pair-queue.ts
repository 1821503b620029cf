/**
 * The merge queue of the agglomerative clustering: a binary max-heap of cluster pairs keyed by
 * similarity, ties broken by the pair's indexes so the merge order (and so the output) is deterministic.
 *
 * Stored as growable typed arrays rather than objects: clustering 10,000 items queues a few hundred
 * thousand pairs, and an object per entry plus a comparator call per step showed up as a third of
 * the run time (allocation and garbage collection).
 */

/** One queued pair as handed back by {@link PairQueue.pop}. */
export interface QueuedPair {
  score: number;
  a: number;
  b: number;
  versionA: number;
  versionB: number;
}

const INITIAL_CAPACITY = 1024;

export class PairQueue {
  private length = 0;
  private score = new Float64Array(INITIAL_CAPACITY);
  /** Per entry: a, b, versionA, versionB. */
  private ints = new Int32Array(4 * INITIAL_CAPACITY);

  get size(): number {
    return this.length;
  }

  /** Adds a pair; `a < b` is expected (the caller's canonical order). */
  push(score: number, a: number, b: number, versionA: number, versionB: number): void {
    if (this.length === this.score.length) this.grow();
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.comesBefore(score, a, b, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, score, a, b, versionA, versionB);
  }

  /** Removes and returns the most similar pair, or `undefined` when empty. */
  pop(): QueuedPair | undefined {
    if (this.length === 0) return undefined;
    const { score: scores, ints } = this;
    const top: QueuedPair = { score: scores[0]!, a: ints[0]!, b: ints[1]!, versionA: ints[2]!, versionB: ints[3]! };
    const size = --this.length;
    if (size === 0) return top;
    // Sift the last entry down from the root, moving the better child up into the hole.
    const score = scores[size]!;
    const a = ints[4 * size]!;
    const b = ints[4 * size + 1]!;
    const versionA = ints[4 * size + 2]!;
    const versionB = ints[4 * size + 3]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child =
        right < size && this.comesBefore(scores[right]!, ints[4 * right]!, ints[4 * right + 1]!, left) ? right : left;
      if (this.comesBefore(score, a, b, child)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, score, a, b, versionA, versionB);
    return top;
  }

  /** Whether entry (score, a, b) comes out before the entry at index `j`. */
  private comesBefore(score: number, a: number, b: number, j: number): boolean {
    const other = this.score[j]!;
    if (score !== other) return score > other;
    const otherA = this.ints[4 * j]!;
    return a !== otherA ? a < otherA : b < this.ints[4 * j + 1]!;
  }

  private move(from: number, to: number): void {
    const ints = this.ints;
    this.score[to] = this.score[from]!;
    const f = 4 * from;
    const t = 4 * to;
    ints[t] = ints[f]!;
    ints[t + 1] = ints[f + 1]!;
    ints[t + 2] = ints[f + 2]!;
    ints[t + 3] = ints[f + 3]!;
  }

  private set(i: number, score: number, a: number, b: number, versionA: number, versionB: number): void {
    this.score[i] = score;
    const at = 4 * i;
    this.ints[at] = a;
    this.ints[at + 1] = b;
    this.ints[at + 2] = versionA;
    this.ints[at + 3] = versionB;
  }

  private grow(): void {
    const score = new Float64Array(this.score.length * 2);
    score.set(this.score);
    const ints = new Int32Array(this.ints.length * 2);
    ints.set(this.ints);
    this.score = score;
    this.ints = ints;
  }
}

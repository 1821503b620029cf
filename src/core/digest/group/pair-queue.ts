/**
 * The merge queue of the agglomerative clustering: a binary max-heap of cluster pairs keyed by
 * similarity, ties broken by the pair's indexes so the merge order (and so the output) is deterministic.
 *
 * Stored as parallel number arrays rather than objects: clustering 10,000 items queues a few hundred
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

export class PairQueue {
  private readonly score: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly versionA: number[] = [];
  private readonly versionB: number[] = [];

  get size(): number {
    return this.score.length;
  }

  /** Adds a pair; `a < b` is expected (the caller's canonical order). */
  push(score: number, a: number, b: number, versionA: number, versionB: number): void {
    let i = this.score.length;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(score, a, b, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, score, a, b, versionA, versionB);
  }

  /** Removes and returns the most similar pair, or `undefined` when empty. */
  pop(): QueuedPair | undefined {
    const n = this.score.length;
    if (n === 0) return undefined;
    const top: QueuedPair = {
      score: this.score[0]!,
      a: this.a[0]!,
      b: this.b[0]!,
      versionA: this.versionA[0]!,
      versionB: this.versionB[0]!,
    };
    const score = this.score.pop()!;
    const a = this.a.pop()!;
    const b = this.b.pop()!;
    const versionA = this.versionA.pop()!;
    const versionB = this.versionB.pop()!;
    const size = n - 1;
    if (size === 0) return top;
    // Sift the last entry down from the root, moving the better child up into the hole.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.before(right, left) ? right : left;
      if (this.above(score, a, b, child)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, score, a, b, versionA, versionB);
    return top;
  }

  /** Whether entry (score, a, b) comes out before the entry at index `j`. */
  private above(score: number, a: number, b: number, j: number): boolean {
    const other = this.score[j]!;
    if (score !== other) return score > other;
    const otherA = this.a[j]!;
    return a !== otherA ? a < otherA : b < this.b[j]!;
  }

  private before(i: number, j: number): boolean {
    return this.above(this.score[i]!, this.a[i]!, this.b[i]!, j);
  }

  private move(from: number, to: number): void {
    this.score[to] = this.score[from]!;
    this.a[to] = this.a[from]!;
    this.b[to] = this.b[from]!;
    this.versionA[to] = this.versionA[from]!;
    this.versionB[to] = this.versionB[from]!;
  }

  private set(i: number, score: number, a: number, b: number, versionA: number, versionB: number): void {
    this.score[i] = score;
    this.a[i] = a;
    this.b[i] = b;
    this.versionA[i] = versionA;
    this.versionB[i] = versionB;
  }
}

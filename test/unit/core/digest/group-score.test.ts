import { describe, expect, it } from 'vitest';
import { scoreGrouping } from '../../../../src/core/digest/group/score.js';

const gold = new Map([
  ['a', 'S1'],
  ['b', 'S1'],
  ['c', 'S1'],
  ['d', 'S2'],
  ['e', 'S2'],
]);

describe('scoreGrouping', () => {
  it('matches a hand-computed B-cubed, pairwise and ARI score', () => {
    // Predicted {a,b} {c,d,e}.
    // B3 P = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15; B3 R = (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15.
    // Pairs: predicted 1 + 3 = 4, gold 3 + 1 = 4, correct (a,b) and (d,e) = 2.
    // ARI: expected = 4 * 4 / C(5,2) = 1.6, max = 4, ARI = (2 - 1.6) / (4 - 1.6) = 1/6.
    const predicted = new Map([
      ['a', 'C1'],
      ['b', 'C1'],
      ['c', 'C2'],
      ['d', 'C2'],
      ['e', 'C2'],
    ]);
    const score = scoreGrouping(gold, predicted);
    expect(score.b3Precision).toBeCloseTo(11 / 15, 10);
    expect(score.b3Recall).toBeCloseTo(11 / 15, 10);
    expect(score.b3F1).toBeCloseTo(11 / 15, 10);
    expect(score.pairPrecision).toBeCloseTo(0.5, 10);
    expect(score.pairRecall).toBeCloseTo(0.5, 10);
    expect(score.pairF1).toBeCloseTo(0.5, 10);
    expect(score.ari).toBeCloseTo(1 / 6, 10);
    expect(score.clusters).toBe(2);
    expect(score.stories).toBe(2);
  });

  it('scores a perfect grouping 1 on every measure', () => {
    const score = scoreGrouping(gold, gold);
    expect([score.b3F1, score.pairF1, score.ari]).toEqual([1, 1, 1]);
  });

  it('counts an item the system left out as a story of its own', () => {
    // Every item alone: B3 P = 1, B3 R = (1/3 * 3 + 1/2 * 2) / 5 = 0.4, no predicted pair so pair P = 1, R = 0.
    const score = scoreGrouping(gold, new Map());
    expect(score.b3Precision).toBe(1);
    expect(score.b3Recall).toBeCloseTo(0.4, 10);
    expect(score.pairPrecision).toBe(1);
    expect(score.pairRecall).toBe(0);
    expect(score.ari).toBe(0);
    expect(score.clusters).toBe(5);
  });
});

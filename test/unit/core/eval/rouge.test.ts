import { describe, expect, it } from 'vitest';
import { rougeLsum, rougeN, scoreRouge, tokenizeForRouge } from '../../../../src/core/eval/rouge.js';

describe('ROUGE as rouge_score computes it', () => {
  it('lower-cases, keeps [a-z0-9] runs and stems only tokens longer than 3 characters', () => {
    expect(tokenizeForRouge('The Police ARRESTED 2 men, running-away.')).toEqual(['the', 'polic', 'arrest', '2', 'men', 'run', 'awai']);
  });

  it('scores unigrams and bigrams with clipped counts (hand-computed)', () => {
    const ref = tokenizeForRouge('the cat sat on the mat');
    const cand = tokenizeForRouge('the cat lay on the mat');
    // the×2, cat, on, mat: 5 of 6 on both sides.
    expect(rougeN(ref, cand, 1).f1).toBeCloseTo(5 / 6, 10);
    // "the cat", "on the", "the mat": 3 of 5 bigrams on both sides.
    expect(rougeN(ref, cand, 2).f1).toBeCloseTo(3 / 5, 10);
  });

  it('computes ROUGE-Lsum as the union of per-sentence LCS hits (hand-computed)', () => {
    // ref1 "police arrested the man": LCS with cand1 gives "the man", with cand2 "police" → 3 hits.
    // ref2 "he was released on bail": "was" from cand1 and "released on bail" from cand2 → 4 hits.
    // 7 hits of 9 reference and 9 candidate tokens.
    const score = scoreRouge(['police arrested the man', 'he was released on bail'], ['the man was arrested', 'police released him on bail']);
    expect(score.rougeLsum.precision).toBeCloseTo(7 / 9, 10);
    expect(score.rougeLsum.recall).toBeCloseTo(7 / 9, 10);
    // Plain LCS over the joined texts would only find 5 in order; the summary-level union finds more.
    expect(score.rougeLsum.f1).toBeGreaterThan(5 / 9);
  });

  it('does not credit a repeated candidate token more often than the reference has it', () => {
    const score = rougeLsum([tokenizeForRouge('storm hits coast')], [tokenizeForRouge('storm storm'), tokenizeForRouge('storm coast')]);
    // "storm" occurs once in the reference: 2 hits (storm, coast) of 4 candidate tokens.
    expect(score.precision).toBeCloseTo(2 / 4, 10);
    expect(score.recall).toBeCloseTo(2 / 3, 10);
  });

  it('gives zero, not NaN, for an empty candidate', () => {
    expect(scoreRouge(['a reference'], []).rouge1.f1).toBe(0);
  });
});

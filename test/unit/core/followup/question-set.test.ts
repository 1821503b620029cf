import { describe, expect, it } from 'vitest';
import { evaluateAsk } from '../../../../scripts/eval-ask.js';

describe('answerQuestion on the question set (test/fixtures/questions)', () => {
  const result = evaluateAsk();

  it('has at least 40 answerable and 10 unanswerable questions', () => {
    expect(result.answerable).toBeGreaterThanOrEqual(40);
    expect(result.unanswerable).toBeGreaterThanOrEqual(10);
  });

  it('returns an expected sentence for at least 85 % of answerable questions', () => {
    expect(result.hits / result.answerable).toBeGreaterThanOrEqual(0.85);
  });

  it('says "the article does not say" for at least 80 % of questions the article does not answer', () => {
    expect(result.correctNotAnswered / result.unanswerable).toBeGreaterThanOrEqual(0.8);
  });
});

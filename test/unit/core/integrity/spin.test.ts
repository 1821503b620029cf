import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSpin, restoreStandardTerms, SPIN_MIN_DISTINCT } from '../../../../src/core/integrity/spin.js';

const seed = readFileSync(new URL('../../../fixtures/seed-article.txt', import.meta.url), 'utf8');
const normal = readFileSync(new URL('../../../fixtures/summarization/normal-articles.txt', import.meta.url), 'utf8').split('\n\n');

describe('detectSpin', () => {
  it('flags the machine-paraphrased seed article', () => {
    const report = detectSpin(seed);
    expect(report.spun).toBe(true);
    expect(report.hits.map((h) => h.spun)).toEqual(expect.arrayContaining(['information company', 'laborious line', 'tens of hundreds']));
  });

  it('does not flag ordinary news articles', () => {
    expect(normal.length).toBeGreaterThanOrEqual(5);
    for (const text of normal) expect(detectSpin(text).spun).toBe(false);
  });

  it('needs several distinct phrases, not one odd wording', () => {
    expect(detectSpin('The state information company reported the vote.').spun).toBe(false);
    expect(SPIN_MIN_DISTINCT).toBeGreaterThan(1);
  });
});

describe('restoreStandardTerms', () => {
  it('puts the standard terms back, keeping sentence-initial capitals', () => {
    expect(restoreStandardTerms('The laborious line came before very important talks, the RIA information company said.')).toBe(
      'The hard line came before crucial talks, the RIA news agency said.',
    );
    expect(restoreStandardTerms('Tens of hundreds of troops')).toBe('Tens of thousands of troops');
  });

  it('leaves numbers, names and quotations alone', () => {
    const text = '“We will not make any concessions,” Ryabkov said of the 1962 crisis.';
    expect(restoreStandardTerms(text)).toBe(text);
  });
});

describe('restoreStandardTerms in context', () => {
  it('reads "earlier than" before a scheduled event as the spun "ahead of"', () => {
    expect(restoreStandardTerms('No concessions: Russia takes laborious line earlier than very important talks with U.S.')).toBe(
      'No concessions: Russia takes hard line ahead of crucial talks with U.S.',
    );
    expect(restoreStandardTerms('Shares rose earlier than Thursday’s vote on the budget.')).toBe('Shares rose ahead of Thursday’s vote on the budget.');
    expect(restoreStandardTerms('Police closed the roads forward of the summit.')).toBe('Police closed the roads ahead of the summit.');
  });

  it('leaves "earlier than" alone where it is a comparison', () => {
    for (const text of ['The meeting ended earlier than expected.', 'She arrived two hours earlier than the rest of the team.', 'Sales peaked earlier than last year.']) {
      expect(restoreStandardTerms(text)).toBe(text);
    }
  });

  it('reads ", the place" after a place name as the spun ", where"', () => {
    expect(restoreStandardTerms('The team had arrived in Geneva, the place the formal talks are due on Monday.')).toBe(
      'The team had arrived in Geneva, where the formal talks are due on Monday.',
    );
    for (const text of ['He went back to the place the accident happened.', 'Lourdes, the place of pilgrimage, was full.', 'It is the place to be.']) {
      expect(restoreStandardTerms(text)).toBe(text);
    }
  });

  it('reads "however" joining two clauses without a comma as the spun "but"', () => {
    expect(restoreStandardTerms('Talks are due in Geneva, Brussels and Vienna however the state-owned RIA news agency quoted him.')).toBe(
      'Talks are due in Geneva, Brussels and Vienna but the state-owned RIA news agency quoted him.',
    );
    for (const text of ['However, the talks went on.', 'The talks, however, went on.', 'It rained; however the match went ahead.', 'We will pay however much it costs.']) {
      expect(restoreStandardTerms(text)).toBe(text);
    }
  });

  it('finds none of the in-context phrases in the ordinary news articles', () => {
    for (const text of normal) {
      const restored = restoreStandardTerms(text);
      for (const spun of [/earlier than/gi, /forward of/gi, /the place/gi]) {
        expect(restored.match(spun)?.length ?? 0).toBe(text.match(spun)?.length ?? 0);
      }
    }
  });
});

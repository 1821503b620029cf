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

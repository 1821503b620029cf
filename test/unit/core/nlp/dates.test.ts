import { describe, expect, it } from 'vitest';
import { extractWhatNext } from '../../../../src/core/nlp/dates.js';
import { splitSentences } from '../../../../src/core/nlp/index.js';

const next = (text: string, publishedAt?: string) => extractWhatNext(splitSentences(text), publishedAt);

describe('extractWhatNext', () => {
  it('resolves "next week" and weekdays against the publication date', () => {
    const events = next('The vote is scheduled for next week. The court will rule on Friday.', '2024-03-04T09:00:00Z');
    expect(events.map((e) => [e.when, e.date])).toEqual([
      ['Friday', '2024-03-08'],
      ['next week', undefined],
    ]);
  });

  it('ignores dates on which something was said, and dates in the past', () => {
    expect(next('The minister said on Monday that talks will resume.', '2024-03-06T09:00:00Z')).toEqual([]);
    expect(next('The stadium will be rebuilt, two years after it burned down last year.', '2024-03-06T09:00:00Z')).toEqual([]);
  });

  it('does not read "due to" a cause as a schedule', () => {
    expect(next('Flights were cancelled on Tuesday due to fog.', '2024-03-04T09:00:00Z')).toEqual([]);
  });
});

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

  it('gives a coordinated verb its sentence subject instead of a fragment of a list', () => {
    const events = next(
      'They have been placed in Group D alongside Holland, Italy and the Republic of Ireland this time around and will open their campaign against Italy in Burgas on May 7.',
      '2015-04-01T09:00:00Z',
    );
    expect(events).toEqual([expect.objectContaining({ when: 'May 7', date: '2015-05-07', what: 'They will open their campaign against Italy in Burgas' })]);
  });

  it('lists only events that read as statements about what is to come', () => {
    const at = '2015-04-01T09:00:00Z';
    // A past event next to a look-ahead word elsewhere in the sentence.
    expect(next('One outburst in particular shut down the restaurant on Wednesday, and more protests will follow.', at).map((e) => e.what)).not.toContain(
      'One outburst in particular shut down the restaurant',
    );
    // Lengths of time, money chrono takes for a time, decades, and years long past.
    expect(next('He will serve the sentence for 18 months and will be banned for two years.', at)).toEqual([]);
    expect(next('He planned to expand the mission and has since pledged $139m to it.', at)).toEqual([]);
    expect(next('Those who follow politics will think of him as the candidate who lost in 2006.')).toEqual([]);
    // Clauses that open with a subordinating or question word, speak in the first person or hang.
    expect(next('Before having the following weekend off, they will travel on Saturday.', at).map((e) => e.what)).not.toContain('Before having the following weekend off');
    expect(next('"I\'m going to be 70 this year," he said, laughing.', at)).toEqual([]);
    expect(next('The first was in May, the second in September, and the next is on Saturday.', at).map((e) => e.what)).not.toContain('The next is');
  });

  it('does not read "due to" a cause as a schedule', () => {
    expect(next('Flights were cancelled on Tuesday due to fog.', '2024-03-04T09:00:00Z')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../src/core/nlp/entities.js';
import { splitSentences } from '../../../../src/core/nlp/index.js';
import { extractQuotes } from '../../../../src/core/nlp/quotes.js';

function quotesOf(text: string): Array<[string, string | undefined]> {
  const sentences = splitSentences(text);
  return extractQuotes(sentences, extractEntities(sentences).mentions).map((q) => [q.text, q.speaker]);
}

describe('extractQuotes', () => {
  it('takes the speaker named after the verb: …," said Jane Smith', () => {
    expect(quotesOf('"The bridge will reopen in spring," said Jane Smith, the city engineer.')).toEqual([
      ['The bridge will reopen in spring,', 'Jane Smith'],
    ]);
  });

  it('takes the speaker before a colon: Peter Travers, Rolling Stone: “…”', () => {
    expect(quotesOf('Peter Travers, Rolling Stone: “This one sticks with you for a long time.”')).toEqual([
      ['This one sticks with you for a long time.', 'Peter Travers'],
    ]);
  });

  it('resolves "she said" to the woman named in the sentence before', () => {
    const text = 'Headteacher Sarah Jones spoke to parents.\n“The school day is continuing as normal,” she said.';
    expect(quotesOf(text)).toEqual([['The school day is continuing as normal,', 'Sarah Jones']]);
  });

  it('does not attribute a quote to the speaker of the next sentence', () => {
    const text = 'A spokeswoman said hospitals reported “no-one with injuries caused by a firearm”. Mayor Tom Reed said he was worried.';
    expect(quotesOf(text)).toEqual([['no-one with injuries caused by a firearm', undefined]]);
  });

  it('lets an organisation speak when its spokeswoman is not named', () => {
    const text = 'A Merseyside Police spokeswoman said hospitals reported “no-one with injuries caused by a firearm”.';
    expect(quotesOf(text)).toEqual([['no-one with injuries caused by a firearm', 'Merseyside Police']]);
  });

  it('survives a stray straight quote mark', () => {
    const text = 'The "Fast and Furious franchise," is back. "It is the best film of the series by far," Tom Baker said.';
    expect(quotesOf(text).map(([, who]) => who)).toContain('Tom Baker');
  });
});

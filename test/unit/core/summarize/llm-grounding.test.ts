/**
 * The grounding check on its own: which numbers, names and quotes count as "in the article".
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPoint,
  checkStatement,
  indexArticle,
  isVerbatimQuote,
} from '../../../../src/core/summarize/llm/index.js';
import { findNumbers } from '../../../../src/core/summarize/llm/numbers.js';

const TEXT = fs.readFileSync(new URL('../../../fixtures/llm/flood-barrier.txt', import.meta.url), 'utf8');
const facts = indexArticle(TEXT);
const kinds = (sentence: string) => checkPoint(sentence, facts).map((i) => i.kind);

describe('numbers', () => {
  it.each([
    ['4300 homes flooded.', 'without the thousands comma'],
    ['The barrier costs $1,200 million.', 'in another scale'],
    ['The barrier costs $1.2bn.', 'with an abbreviated scale'],
    ['Construction takes 4 years.', 'in digits where the article spells it out'],
    ['The storm came three months ago.', 'spelled out as in the article'],
    ['The state pays 40 per cent.', 'as "per cent" where the article has "%"'],
  ])('accepts a number the article states: %s (%s)', (sentence) => {
    expect(kinds(sentence)).toEqual([]);
  });

  it.each([
    ['5,000 homes flooded.', '5,000'],
    ['The barrier costs $2 billion.', '$2 billion'],
    ['Construction takes five years.', 'five'],
    ['The levy is $58 a year.', '58'],
  ])('rejects a number the article does not state: %s', (sentence, number) => {
    const issues = checkPoint(sentence, facts);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.detail).toContain(number.replace('$', ''));
  });

  it('rejects a number the article states about something else', () => {
    // 60,000 is the article's count of residents, not of flooded homes.
    expect(checkPoint('A storm surge flooded 60,000 homes.', facts).map((i) => i.detail)).toEqual([
      'number "60,000" is in the article, but not about this',
    ]);
    expect(kinds('About 4,300 houses were flooded by the storm.')).toEqual([]);
  });

  it('reads "twenty-five", "1.8 million" and ordinals as values', () => {
    expect(findNumbers('twenty-five gates, 1.8 million boxes, the 21st vote').map((n) => n.values)).toEqual([[25], [1_800_000], [21]]);
  });

  it('does not count "one" used as a pronoun', () => {
    expect(kinds('Vasquez was one of the members who voted against it.')).toEqual([]);
  });
});

describe('dates', () => {
  it('accepts a date the article states, however it is written', () => {
    expect(kinds('The hearing is on 8 December.')).toEqual([]);
    expect(kinds('The hearing is on Dec. 8th.')).toEqual([]);
    expect(kinds('Construction starts in March 2027.')).toEqual([]);
  });

  it('rejects a date whose day and month the article never states together', () => {
    // "9" (9 to 2) and "December" are both in the article, "December 9" is not.
    expect(kinds('The hearing is on December 9.')).toEqual(['date']);
    expect(kinds('Construction starts in May 2027.')).toContain('date');
  });
});

describe('names', () => {
  it.each([
    'Mayor Helen Okafor backed the barrier.',
    'Mayor Okafor backed the barrier.',
    "Okafor's plan passed.",
    'The Port Alder Chamber of Commerce welcomed it.',
    'Dutch firm Rijn Hydraulics designed it.',
    'Friends of the Keel asked for a study.',
    'The vote came on Tuesday.',
    'The PACC welcomed the decision.',
    'Mr. Vasquez voted against the plan.',
  ])('accepts a name the article mentions: %s', (sentence) => {
    expect(kinds(sentence)).toEqual([]);
  });

  it.each([
    ['Governor Mark Ellison opposed it.', 'Governor'],
    ['Lavrov agreed with the council.', 'Lavrov'],
    ['The plan was backed by Helen Vasquez.', 'Helen Vasquez'],
    ['The vote came on Wednesday.', 'Wednesday'],
    ['Engineers from Delta Works advised the council.', 'Delta'],
  ])('rejects a name the article does not mention: %s', (sentence, name) => {
    const issues = checkPoint(sentence, facts);
    expect(issues.map((i) => i.kind)).toContain('name');
    expect(issues.map((i) => i.detail).join(' ')).toContain(name);
  });
});

describe('quotes', () => {
  it('accepts a quote that differs only in quote marks, spacing and a closing full stop', () => {
    expect(isVerbatimQuote('"This barrier is the  price of staying here."', facts)).toBe(true);
    expect(isVerbatimQuote('“We cannot ask people to rebuild their homes and then watch the water come back,”', facts)).toBe(true);
  });

  it('rejects a paraphrased or stitched quote', () => {
    expect(isVerbatimQuote('We cannot ask people to rebuild their houses', facts)).toBe(false);
    expect(isVerbatimQuote('We cannot ask people to rebuild... This barrier is the price', facts)).toBe(false);
    expect(isVerbatimQuote('""', facts)).toBe(false);
  });

  it('checks words a point puts in quotation marks', () => {
    expect(kinds('Okafor called the barrier "the price of staying here".')).toEqual([]);
    expect(kinds("Okafor called the barrier 'the price of staying here'.")).toEqual([]);
    expect(kinds('Okafor called the barrier "the price of progress".')).toEqual(['quoted-words']);
  });
});

describe('point shape', () => {
  it('rejects a point of more than one sentence or more than 40 words', () => {
    expect(kinds('The council voted. Okafor was pleased.')).toEqual(['not-one-sentence']);
    const long = `The council voted for the barrier ${'and the levy '.repeat(12)}today.`;
    expect(kinds(long)).toEqual(['too-long']);
  });

  it('does not split a point at an abbreviation such as "U.S."', () => {
    expect(kinds('The U.S. Army Corps of Engineers reviewed the plan.')).not.toContain('not-one-sentence');
  });

  it('checks a title or a "what next" line like a point, without the shape rules', () => {
    expect(checkStatement('Port Alder votes 9 to 2 for a $1.2 billion barrier', facts)).toEqual([]);
    expect(checkStatement('December 15', facts).map((i) => i.kind)).toEqual(['number', 'date']);
  });
});

import { describe, expect, it } from 'vitest';
import { extractWhatNext } from '../../../../src/core/nlp/dates.js';
import { splitSentences } from '../../../../src/core/nlp/index.js';

const whatNext = (text: string) => extractWhatNext(splitSentences(text), '2024-03-04T09:00:00Z').map((e) => `${e.when}: ${e.what}`);

describe('what happens next, as a whole clause', () => {
  it('puts the place of a "…, where" clause back into the event', () => {
    expect(whatNext('The foreign ministry said the delegation had arrived in Geneva, where the formal talks are due on Monday.')).toEqual([
      'Monday: The formal talks are due in Geneva',
    ]);
  });

  it('reads the spun ", the place" as ", where" after a place name', () => {
    expect(whatNext('The squad flew into Lisbon on Sunday night and travelled on to Porto, the place the final will be played on Saturday.')).toEqual([
      'Saturday: The final will be played in Porto',
    ]);
  });

  it('puts the noun back in front of a ", which" clause', () => {
    expect(whatNext('Compounding the frustration is the economy, which is expected to contract next year.')).toEqual([
      'next year: The economy is expected to contract',
    ]);
  });

  it('starts a long clause where a clause starts, not mid-clause after an ellipsis', () => {
    const [event] = whatNext(
      'Here are the central arguments from the appeals court opinion that lawyers for the states seeking to uphold their marriage bans are expected to echo on Tuesday.',
    );
    expect(event).toBe('Tuesday: Lawyers for the states seeking to uphold their marriage bans are expected to echo');
  });

  it('drops prepositions the date phrase leaves dangling and a dateline tag', () => {
    expect(whatNext('(CNN)A plan to let women enter sports stadiums will come into effect in the next year, the deputy minister said.')).toEqual([
      'next year: A plan to let women enter sports stadiums will come into effect',
    ]);
  });

  it('keeps the later verb of "did X and will do Y", with its subject', () => {
    const [event] = whatNext('He was charged with two counts of inciting terrorism overseas and will appear in Westminster Magistrates’ Court on Friday.');
    expect(event).toBe('Friday: He will appear in Westminster Magistrates’ Court');
  });

  it('keeps a whole sentence when no clause inside it stands on its own', () => {
    const [event] = whatNext('Two staffers from the federal agency are scheduled to meet the West Coast-based ship in San Diego on Monday.');
    expect(event).toBe('Monday: Two staffers from the federal agency are scheduled to meet the West Coast-based ship in San Diego');
  });

  it('gives a clause that starts with its verb the subject of the sentence', () => {
    expect(whatNext('The current minimum wage for those over 21 is £6.50 an hour and will rise to £6.70 in October.')).toEqual([
      'October: The current minimum wage for those over 21 will rise to £6.70',
    ]);
    expect(whatNext('Tickets for the record attempt on June 7 will go on sale to the public from Friday.')).toContainEqual(
      'Friday: Tickets for the record attempt on June 7 will go on sale to the public',
    );
  });

  it('puts the name back in front of a ", who" clause', () => {
    expect(whatNext('Grenoble reached the last four, while Montpellier, who play Sale on Friday night, will face Newport.')).toContainEqual(
      'Friday night: Montpellier play Sale',
    );
  });

  it('takes from a past statement only its future, when that is a relative clause on the object', () => {
    // Before: "Friday: Police arrested a man who will appear in court" led with what already happened.
    expect(whatNext('Police arrested a man who will appear in court on Friday.')).toEqual(['Friday: A man who will appear in court']);
    expect(whatNext('The club unveiled a cross-section of the tree that will remain on show at the stadium from Saturday.')).toEqual([
      'Saturday: A cross-section of the tree that will remain on show at the stadium',
    ]);
    expect(whatNext('The minister announced a new tax which will come into force in April.')).toEqual(['April: A new tax which will come into force']);
    expect(whatNext('The council approved a plan that will see the road closed next month.')).toEqual(['next month: A plan that will see the road closed']);
    expect(whatNext('The museum bought a painting that goes on display on Thursday.')).toEqual([]);
  });

  it('still takes future and scheduled clauses, reported ones and those after a past verb', () => {
    expect(whatNext('The talks will open in Geneva on Monday.')).toEqual(['Monday: The talks will open in Geneva']);
    expect(whatNext('Russia is also due to hold negotiations with NATO in Brussels on Wednesday.')).toEqual([
      'Wednesday: Russia is also due to hold negotiations with NATO in Brussels',
    ]);
    expect(whatNext('Officials said the bridge will reopen on Thursday.')).toEqual(['Thursday: Officials said the bridge will reopen']);
    expect(whatNext('The government announced that the new tax will come into force in April.')).toEqual([
      'April: The government announced that the new tax will come into force',
    ]);
    expect(whatNext('The company, which posted record profits last year, will report its results on Tuesday.')).toEqual([
      'Tuesday: The company, which posted record profits last year, will report its results',
    ]);
  });
});

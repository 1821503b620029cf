import { describe, expect, it } from 'vitest';
import { isBoilerplate, tightenSentence } from '../../../../src/core/summarize/extractive/tighten.js';

describe('tightenSentence', () => {
  it.each([
    ['(CNN)The film is sure to draw fans.', 'The film is sure to draw fans.'],
    ['WASHINGTON (CNN) -- A man was arrested on Sunday, police said.', 'A man was arrested on Sunday.'],
    ['West of Baghdad, Iraq (CNN)The call came at dawn.', 'The call came at dawn.'],
    ['By . Associated Press . PUBLISHED: . 12:01 EST, 3 January 2014 . | . UPDATED: . 14:22 EST, 3 January 2014 . A dog bit a man in Ohio.', 'A dog bit a man in Ohio.'],
    ['But the company (which is based in Ohio) lost $3.2 million last year, the chief executive told reporters on Monday.', 'The company lost $3.2 million last year.'],
    ['However, the mother, pictured left, said she was delighted.', 'The mother said she was delighted.'],
    ['Russia will make no concessions, Ryabkov said on Sunday.', 'Russia will make no concessions.'],
    ['Three people were hurt in the crash, according to state police.', 'Three people were hurt in the crash.'],
    ['According to the coroner, the man died of a heart attack.', 'The man died of a heart attack.'],
    ['Of the 117 passengers, 95 have suffered from vomiting, the CDC said.', 'Of the 117 passengers, 95 have suffered from vomiting.'],
    ['Storms will hit the Ohio Valley on Thursday, the National Weather Service said.', 'Storms will hit the Ohio Valley on Thursday.'],
    ["Funerals are held at great expense, China's official Xinhua news agency said.", 'Funerals are held at great expense.'],
    ['No arrests have been made, Atlanta Police spokeswoman Elizabeth Espy said.', 'No arrests have been made.'],
  ])('tightens %j', (input, expected) => {
    expect(tightenSentence(input)).toBe(expected);
  });

  it('keeps the speaker of a direct quotation and every number', () => {
    expect(tightenSentence('"We will not back down," he said on Sunday.')).toBe('"We will not back down," he said on Sunday.');
    expect(tightenSentence('The vote (52% to 48%) was close.')).toBe('The vote (52% to 48%) was close.');
  });

  it('keeps a tail that is a clause, not a speaker', () => {
    expect(tightenSentence('The plan failed on Monday, which is what the critics said.')).toBe('The plan failed on Monday, which is what the critics said.');
    expect(tightenSentence('Crime is rising in the city, and the mayor of Chicago said.')).toBe('Crime is rising in the city, and the mayor of Chicago said.');
  });

  it('recognises bylines and publishing stamps as boilerplate', () => {
    expect(isBoilerplate('By . Jane Doe .')).toBe(true);
    expect(isBoilerplate('PUBLISHED: . 10:00 EST, 1 May 2014 .')).toBe(true);
    expect(isBoilerplate('The council voted to close the library.')).toBe(false);
  });
});

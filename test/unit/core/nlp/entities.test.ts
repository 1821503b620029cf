import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../src/core/nlp/entities.js';
import { splitSentences } from '../../../../src/core/nlp/index.js';

const entities = (text: string) => extractEntities(splitSentences(text)).entities;
const names = (list: { name: string }[]) => list.map((e) => e.name);

describe('extractEntities on names with little evidence', () => {
  it('does not make a lone word before "said" a person without a he or she', () => {
    const found = entities('Defra said the new rules on bird flu would come into force next month. Farmers have until June to comply.');
    expect(names(found.people)).not.toContain('Defra');
  });

  it('makes a lone word a person when a pronoun refers back to it', () => {
    const found = entities('Ancelotti said he was proud of his players after the 3-0 win over Eibar.');
    expect(names(found.people)).toContain('Ancelotti');
  });

  it('makes a lone word a person when its own words say "I"', () => {
    const found = entities('Speaking at the press conference, Ancelotti said: “What can I say about Simeone? He is a great coach.”');
    expect(names(found.people)).toContain('Ancelotti');
  });

  it('knows a full name with an unlisted first name is a person when its surname speaks elsewhere', () => {
    const found = entities(
      'Gene Schaerr, a Washington appellate lawyer, defended the ban in court. "The court should leave the issue to the people," Schaerr said. ' +
        'The reporter Barbie Nadeau covered the hearing. The ruling is expected next month, Nadeau said.',
    );
    expect(names(found.people)).toEqual(expect.arrayContaining(['Gene Schaerr', 'Barbie Nadeau']));
    expect(names(found.people)).not.toContain('Schaerr');
    expect(found.people.find((p) => p.name === 'Gene Schaerr')?.role).toMatch(/appellate lawyer/);
  });

  it('does not start a person\'s name with a word the article uses alone as a club', () => {
    const found = entities(
      "Swansea striker Gomis limped off during the 1-1 draw with Everton Gomis' injury could keep him out for a month. " +
        "Everton beat Stoke 2-0 last week and Everton's manager was delighted. " +
        '"I will be back soon," Gomis said. The Everton fans sang throughout.',
    );
    expect(names(found.people)).not.toContain('Everton Gomis');
    expect(names(found.people)).toContain('Gomis');
  });

  it('does not make a club or a place with a speaking last word a person', () => {
    const found = entities('Manchester United beat Chelsea on Saturday. "We were brilliant," United said in a statement.');
    expect(names(found.people)).toEqual([]);
  });

  it('reads a word referred to as "its" or shaped like an acronym as an organisation', () => {
    const found = entities('Tesco said its sales rose 2% in the quarter. The DfE said schools would reopen.');
    expect(names(found.organisations)).toEqual(expect.arrayContaining(['Tesco', 'DfE']));
    expect(names(found.people)).toEqual([]);
  });

  it('does not make common nouns and nationalities at the start of a sentence people', () => {
    const found = entities('Prosecutors said he had lied to police. The German insisted his race was hampered by the crash.');
    expect(names(found.people)).toEqual([]);
  });

  it('does not list abbreviations of things or shouted headline words as organisations', () => {
    const found = entities('Officers found DNA on the SUV, the FBI said. SCROLL DOWN FOR VIDEO. The GPS was switched off.');
    expect(names(found.organisations)).toEqual(['FBI']);
  });

  it('reads a place name that is the surname of someone in the story as that person', () => {
    const found = entities('Louis Jordan was rescued 200 miles off North Carolina. Jordan said he had survived on rainwater and raw fish.');
    expect(found.people[0]).toMatchObject({ name: 'Louis Jordan', mentions: 2 });
    expect(names(found.places)).not.toContain('Jordan');
  });

  it('keeps nationalities, captions and numbers out of a name but keeps a real title', () => {
    const found = entities(
      'The day began badly when Australian Marc Leishman withdrew. Masters Jack Nicklaus hit a hole in one. House Speaker John Boehner spoke. Coach John Peacock Under-17 squad was named.',
    );
    expect(names(found.people)).toEqual(expect.arrayContaining(['Marc Leishman', 'Jack Nicklaus', 'John Boehner', 'John Peacock']));
    expect(found.people.find((p) => p.name === 'John Boehner')?.role).toBe('House Speaker');
    expect(found.people.find((p) => p.name === 'Jack Nicklaus')?.role).toBeUndefined();
  });

  it('reads a new given name with the surname of someone in the story as a relative', () => {
    const found = entities('Ron Ingraham is a fisherman, his son, Zakary, told CNN. When the search was called off, Zakary Ingraham refused to give up.');
    expect(found.people).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Zakary Ingraham', mentions: 2 })]));
  });
});

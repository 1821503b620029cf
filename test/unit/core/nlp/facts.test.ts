import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../../src/core/nlp/facts.js';
import { splitSentences } from '../../../../src/core/nlp/index.js';
import { loadSeedArticle } from './seed.js';

const article = loadSeedArticle();
const sentences = splitSentences(article.text);
const facts = extractFacts(article, sentences);

describe('extractFacts on the seed article', () => {
  it('names Sergei Ryabkov first among people, as Deputy Foreign Minister leading the Russian delegation', () => {
    const ryabkov = facts.entities.people[0]!;
    expect(ryabkov.name).toBe('Sergei Ryabkov');
    expect(ryabkov.role).toContain('Deputy Foreign Minister');
    expect(ryabkov.role).toContain('lead the Russian delegation');
    // "Ryabkov" alone is merged into the full name.
    expect(ryabkov.mentions).toBe(4);
    expect(facts.entities.people.map((p) => p.name)).not.toContain('Ryabkov');
  });

  it('gives titles before names as roles', () => {
    const byName = new Map(facts.entities.people.map((p) => [p.name, p.role]));
    expect(byName.get('Antony Blinken')).toBe('U.S. Secretary of State');
    expect(byName.get('Vladimir Putin')).toBe('President');
    expect(byName.get('Joe Biden')).toBe('U.S. President');
  });

  it('tells organisations from places', () => {
    const orgs = facts.entities.organisations.map((o) => o.name);
    const places = facts.entities.places.map((p) => p.name);
    expect(orgs).toEqual(expect.arrayContaining(['NATO', 'Interfax', 'European Union', 'Organisation for Security and Cooperation in Europe']));
    expect(places).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'Geneva', 'Brussels', 'Vienna']));
    expect(places).not.toContain('NATO');
    expect(facts.entities.organisations.find((o) => o.name === 'Interfax')?.role).toBe('information company');
    expect(orgs).not.toContain('Geneva');
  });

  it('finds the Ryabkov and Blinken quotations with their speakers, across sentences', () => {
    const said = facts.quotes.map((q) => [q.text.slice(0, 31), q.speaker]);
    expect(said).toContainEqual(['I can’t rule out anything, this', 'Sergei Ryabkov']);
    expect(said).toContainEqual(['Naturally, we will not make any', 'Sergei Ryabkov']);
    const fox = facts.quotes.find((q) => q.text.startsWith('That’s like the fox'))!;
    expect(fox.speaker).toBe('Antony Blinken');
    expect(fox.text).toContain('We’ve seen this gaslighting before');
  });

  it('ignores scare quotes such as “red lines”', () => {
    expect(facts.quotes.map((q) => q.text)).not.toContain('red lines');
  });

  it('picks an attributed Ryabkov quote as the quote of the briefing', () => {
    expect(facts.quote?.speaker).toBe('Sergei Ryabkov');
  });

  it('lists the Geneva, Brussels and Vienna meetings in date order, resolved against the publication date', () => {
    expect(facts.whatNext.map((w) => [w.when, w.date])).toEqual([
      ['Monday', '2022-01-10'],
      ['Wednesday', '2022-01-12'],
      ['Thursday', '2022-01-13'],
    ]);
    expect(facts.whatNext[0]!.what).toBe('The formal talks are due in Geneva');
    expect(facts.whatNext[1]!.what).toContain('Brussels');
    expect(facts.whatNext[2]!.what).toContain('Vienna');
    expect(sentences[facts.whatNext[0]!.sentence!]!.text).toContain('Geneva');
  });

  it('keeps the events but leaves dates unresolved without a publication date or now', () => {
    const undated = extractFacts({ ...article, publishedAt: undefined }, sentences);
    expect(undated.whatNext.map((w) => w.when)).toEqual(['Monday', 'Wednesday', 'Thursday']);
    expect(undated.whatNext.every((w) => w.date === undefined)).toBe(true);
  });

  it('uses now when the article has no publication date', () => {
    const withNow = extractFacts({ ...article, publishedAt: undefined }, sentences, { now: new Date('2022-01-09T08:00:00Z') });
    expect(withNow.whatNext.map((w) => w.date)).toEqual(['2022-01-10', '2022-01-12', '2022-01-13']);
  });

  it('takes milliseconds, not seconds, per article once warm', () => {
    const start = performance.now();
    for (let i = 0; i < 10; i++) extractFacts(article, sentences);
    // Generous bound: the machine is shared; typical is 2-5 ms.
    expect((performance.now() - start) / 10).toBeLessThan(100);
  });
});

describe('extractFacts on short texts', () => {
  it('finds straight-quoted speech attributed after the quote', () => {
    const text = 'Mayor Jane Doe spoke on Tuesday. "We will rebuild every school in this town," Doe said.';
    const result = extractFacts({ title: 't', text }, splitSentences(text));
    expect(result.quotes).toEqual([{ text: 'We will rebuild every school in this town,', speaker: 'Jane Doe', sentence: 1 }]);
    expect(result.entities.people[0]).toMatchObject({ name: 'Jane Doe', role: 'Mayor', mentions: 2 });
  });

  it('reads an appositive as a role', () => {
    const text = 'The plan was drawn up by Maria Lopez, the head of the city council, last year.';
    const result = extractFacts({ title: 't', text }, splitSentences(text));
    expect(result.entities.people[0]).toMatchObject({ name: 'Maria Lopez', role: 'the head of the city council' });
  });

  it('does not list past events as what comes next', () => {
    const text = 'The minister said on Monday that the vote had failed. A new vote is scheduled for March 3, 2022.';
    const result = extractFacts({ title: 't', text, publishedAt: '2022-01-12T00:00:00Z' }, splitSentences(text));
    expect(result.whatNext).toEqual([expect.objectContaining({ date: '2022-03-03', sentence: 1 })]);
  });
});

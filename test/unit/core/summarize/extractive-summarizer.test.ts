import { describe, expect, it } from 'vitest';
import { NewsbriefError } from '../../../../src/core/errors.js';
import { countWords, splitSentences } from '../../../../src/core/nlp/sentences.js';
import { createExtractiveSummarizer, summarizePoints, type FactsExtractor } from '../../../../src/core/summarize/index.js';

const normal = (await import('node:fs')).readFileSync(new URL('../../../fixtures/summarization/normal-articles.txt', import.meta.url), 'utf8').split('\n\n');

const german = {
  title: 'Keine Zugeständnisse',
  text:
    'Russland erklärte am Sonntag, es werde bei den Gesprächen mit den Vereinigten Staaten in dieser Woche unter Druck keine Zugeständnisse machen. ' +
    'Zehntausende russische Soldaten stehen nahe der Grenze zur Ukraine. Die Gespräche beginnen am Montag in Genf. ' +
    'Danach trifft sich Russland mit der NATO in Brüssel und mit der OSZE in Wien.',
};

describe('createExtractiveSummarizer', () => {
  it('returns 3 to 5 one-sentence points in reading order, each with its source sentence as evidence', async () => {
    for (const text of normal) {
      const briefing = await createExtractiveSummarizer().summarize({ title: 'A story', text });
      const sentences = splitSentences(text);
      expect(briefing.points.length).toBeGreaterThanOrEqual(3);
      expect(briefing.points.length).toBeLessThanOrEqual(5);
      const indexes = briefing.evidence!.map((e) => e.sentences[0]!);
      expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
      briefing.points.forEach((point, i) => {
        expect(countWords(point)).toBeLessThanOrEqual(40);
        // Every word of the point is in its evidence sentence (trimmed, never reworded).
        const source = sentences[indexes[i]!]!.text.toLowerCase();
        for (const word of point.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) expect(source).toContain(word);
      });
    }
  });

  it('answers a German article honestly: its lead sentences and a warning naming the language', async () => {
    const briefing = await createExtractiveSummarizer().summarize(german);
    expect(briefing.language).toBe('de');
    expect(briefing.warnings).toContain("This article is in German; newsbrief's summaries are tuned for English.");
    expect(briefing.points[0]).toMatch(/^Russland erklärte am Sonntag/);
    for (const point of briefing.points) expect(german.text).toContain(point);
  });

  it('splits a Japanese article at 。 and says it is in Japanese', async () => {
    const text =
      'ロシアは日曜日、今週の米国との協議で圧力の下では一切譲歩しないと述べた。数万人のロシア軍部隊がウクライナとの国境近くに集結している。協議は月曜日にジュネーブで始まり、その後ブリュッセルでNATOと、ウィーンで欧州安全保障協力機構と行われる。外交官たちは、協議が一回の会合で突然終わる可能性もあると警告している。';
    const briefing = await createExtractiveSummarizer().summarize({ title: '譲歩なし', text });
    expect(briefing.warnings).toContain("This article is in Japanese; newsbrief's summaries are tuned for English.");
    expect(briefing.points[0]).toBe('ロシアは日曜日、今週の米国との協議で圧力の下では一切譲歩しないと述べた。');
    expect(briefing.points.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an article without text with EXTRACT_EMPTY', async () => {
    await expect(createExtractiveSummarizer().summarize({ title: 'Empty', text: '  \n ' })).rejects.toMatchObject({ code: 'EXTRACT_EMPTY' });
    await expect(createExtractiveSummarizer().summarize({ title: 'Empty', text: '' })).rejects.toBeInstanceOf(NewsbriefError);
  });

  it('summarizes a tiny article in fewer points rather than failing', async () => {
    const briefing = await createExtractiveSummarizer().summarize({ title: 'Tiny', text: 'The bridge reopened on Monday after repairs.' });
    expect(briefing.points).toEqual(['The bridge reopened on Monday after repairs.']);
    expect(briefing.readingTime).toBe(1);
  });

  it('fills quote, entities and whatNext through the facts seam', async () => {
    const extractFacts: FactsExtractor = (_article, sentences) => ({
      quote: { text: 'We will not back down', speaker: 'Ryabkov', sentence: sentences.length - 1 },
      entities: { people: [{ name: 'Sergei Ryabkov' }], organisations: [], places: [] },
      whatNext: [{ when: 'Monday', what: 'talks in Geneva' }],
    });
    const briefing = await createExtractiveSummarizer({ extractFacts }).summarize({ title: 'A story', text: normal[0]! });
    expect(briefing.quote?.speaker).toBe('Ryabkov');
    expect(briefing.entities.people[0]?.name).toBe('Sergei Ryabkov');
    expect(briefing.whatNext).toHaveLength(1);
  });

  it('keeps version 1 available for comparison', async () => {
    const briefing = await createExtractiveSummarizer({ version: 1 }).summarize({ title: 'A story', text: normal[1]! });
    expect(briefing.points).toHaveLength(3);
  });
});

describe('summarizePoints', () => {
  it('drops datelines and leading connectives from the points it picks', () => {
    const text =
      'LONDON, England (CNN) -- The river burst its banks on Sunday, flooding 300 homes in the town. ' +
      'However, no one was hurt in the flooding, which began at dawn. ' +
      'Engineers will inspect the damaged bridge on Tuesday before it reopens to traffic.';
    const { points, evidence } = summarizePoints({ title: 'Flood', text });
    expect(points[0]).toBe('The river burst its banks on Sunday, flooding 300 homes in the town.');
    expect(points).toContain('No one was hurt in the flooding, which began at dawn.');
    expect(evidence.map((e) => e.sentences)).toEqual([[0], [1], [2]]);
  });

  it('does not repeat a fact that the article repeats', () => {
    const fact = 'The council voted on Monday to close the central library after 80 years because of rising repair costs.';
    const text = `${fact} ${fact.replace('Monday', 'Monday evening')} Residents protested outside the town hall for two hours. The library will shut in March.`;
    const { points } = summarizePoints(text);
    expect(points.filter((p) => p.includes('close the central library'))).toHaveLength(1);
  });

  it('cuts a long point after its main clause, never between a subject and its verb', () => {
    const text =
      'The city council approved a plan on Monday to rebuild the flooded riverside district over the next five years, ' +
      'which officials estimate will cost more than $400 million and displace hundreds of small businesses along the water. ' +
      'The Solar Impulse 2, the experimental plane attempting to fly around the world without using a drop of fuel, ' +
      'has been grounded in Japan for a second week by bad weather over the Pacific Ocean and strong winds. ' +
      'Residents will vote on the plan in a referendum in June after a series of public meetings.';
    const { points } = summarizePoints(text);
    expect(points).toContain('The city council approved a plan on Monday to rebuild the flooded riverside district over the next five years…');
    expect(points.find((p) => p.startsWith('The Solar Impulse 2'))).toMatch(/has been grounded in Japan/);
    for (const point of points) expect(countWords(point)).toBeLessThanOrEqual(40);
  });

  it('never cuts a long point inside a clause or a list it has opened, which would drop what the sentence says', () => {
    const cases: [string, RegExp][] = [
      ['Masters Wednesday began on a sombre note when Australian Marc Leishman, who got so close to victory in 2013 before finishing tied fourth behind countryman Adam Scott, had to withdraw.', /had to withdraw/],
      ['The Premier League title holders give star players like Sergio Aguero, David Silva, Joe Hart and Yaya Toure incentivised contracts to make sure the club stay within financial fairplay requirements.', /incentivised contracts/],
      ['Enoch Gaver, 21, was killed in the fight in the town of Cottonwood, and his brother David Gaver, 28, was taken to hospital with stab wounds to his chest and arms on Sunday night.', /^(?!.*David Gaver, 28…$)/],
      // A cut at a dash ends on the word, not on a space before the ellipsis.
      ['The quaint capital city put on one hell of a show last weekend for its inaugural festival – a colourful party that shut down several streets and spanned several blocks of the town centre.', /(?<!\s)…$|blocks of the town centre\.$/],
    ];
    for (const [sentence, expected] of cases) {
      const text = `${sentence} Officials said more details would follow later in the week. The event drew large crowds despite the rain.`;
      const point = summarizePoints(text, { factPoints: false }).points.find((p) => p.startsWith(sentence.slice(0, 20)));
      expect(point, sentence).toBeDefined();
      expect(point, sentence).toMatch(expected);
      expect(countWords(point!)).toBeLessThanOrEqual(40);
    }
  });

  it('never cuts a list or aside opened by a colon or a dash before its end', () => {
    const colon = "It's hard not to be concerned with these questions given the constant drumbeat of news about the issues that tear us apart as a nation: immigration, community and police relations, poverty, education and dozens of other crucial matters facing America.";
    const dash = "In Ohio, we have been able to drive meaningful change on many thorny issues that have held our state back in the past -- social services, criminal justice, economic competiveness, infrastructure -- and I've enjoyed sharing our state's winning formula with others in my travels.";
    const text = `${colon} ${dash} Ohio is much stronger today. The state now has a nearly $2 billion surplus.`;
    const { points } = summarizePoints(text, { factPoints: false });
    // Before: "… tear us apart as a nation: immigration, community and police relations, poverty…" and
    // "… in the past -- social services, criminal justice, economic competiveness…".
    for (const point of points) {
      expect(point).not.toMatch(/: immigration.*…$/);
      expect(point).not.toMatch(/-- social services.*…$/);
    }
  });

  it('does not make a point of a question ("Is America a nation divided?")', () => {
    const text = 'Is America a nation divided? Has Ohio found a better way to bridge those divisions? Ohio has gone from a budget deficit to a surplus of nearly $2 billion. The state added 400,000 private-sector jobs since 2011. Its rainy day fund held 89 cents four years ago.';
    const { points } = summarizePoints(text);
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const point of points) expect(point).not.toMatch(/\?$/);
  });

  it('drops list markers from points', () => {
    const { points } = summarizePoints('Key figures for May:\n\n- Consumer prices rose 3% in May from a year earlier.\n\n- The central bank meets on Thursday to set rates.');
    expect(points).toEqual(['Consumer prices rose 3% in May from a year earlier.', 'The central bank meets on Thursday to set rates.']);
  });

  it('never offers a sentence that only introduces what follows ("… the chase:.")', () => {
    const text =
      'Fifteen buffalo were shot and killed on Friday after a day on the loose in upstate New York. ' +
      'Police officers from five jurisdictions joined farmers in the chase through forests and over the Hudson River. ' +
      'The sheriff described the hectic last moments of the long chase:. ' +
      'Nearby schools were put on alert while police helicopters flew overhead during the final hour.';
    const { points } = summarizePoints(text);
    expect(points).toHaveLength(3);
    expect(points.some((p) => /:\s*\.?$/.test(p))).toBe(false);
  });
});

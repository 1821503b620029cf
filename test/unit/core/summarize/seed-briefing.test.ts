import { describe, expect, it } from 'vitest';
import { countWords } from '../../../../src/core/nlp/sentences.js';
import { createExtractiveSummarizer } from '../../../../src/core/summarize/index.js';
import { SPIN_WARNING } from '../../../../src/core/integrity/spin.js';
import { seedArticle } from './seed-article.js';

describe('the seed article (a machine-paraphrased Reuters story) briefing', async () => {
  const briefing = await createExtractiveSummarizer().summarize(seedArticle(), { id: 'seed', now: new Date('2022-01-09T12:00:00Z') });
  const all = briefing.points.join('\n');

  it('has 3 to 5 points of at most 40 words, with evidence for each', () => {
    expect(briefing.points.length).toBeGreaterThanOrEqual(3);
    expect(briefing.points.length).toBeLessThanOrEqual(5);
    for (const point of briefing.points) expect(countWords(point)).toBeLessThanOrEqual(40);
    expect(briefing.evidence).toHaveLength(briefing.points.length);
  });

  it('says Russia will make no concessions under pressure at the talks with the U.S.', () => {
    expect(briefing.points.some((p) => /Russia/.test(p) && /concessions/.test(p) && /under (U\.S\. )?pressure/.test(p))).toBe(true);
  });

  it('says tens of thousands of Russian troops are near the border with Ukraine', () => {
    expect(briefing.points.some((p) => /tens of thousands/i.test(p) && /troops/.test(p) && /border/.test(p) && /Ukraine/.test(p))).toBe(true);
  });

  it('names the talks: Geneva, then NATO in Brussels, then the OSCE in Vienna', () => {
    expect(all).toMatch(/Geneva/);
    expect(all).toMatch(/NATO in Brussels/);
    expect(all).toMatch(/Organisation for Security and Cooperation in Europe in Vienna|OSCE/);
  });

  it('flags the paraphrasing and writes the standard terms', () => {
    expect(briefing.warnings).toContain(SPIN_WARNING);
    const written = `${briefing.title}\n${all}`;
    expect(written).toMatch(/hard line/);
    expect(written).toMatch(/crucial talks/);
    expect(written).not.toMatch(/laborious line|very important talks|information company|tens of hundreds/i);
  });

  it('gives the reading time of the original and leaves the facts the other extractor fills empty', () => {
    expect(briefing.readingTime).toBe(4);
    expect(briefing).toMatchObject({ id: 'seed', language: 'en', summarizer: 'extractive', createdAt: '2022-01-09T12:00:00.000Z' });
    expect(briefing.whatNext).toEqual([]);
    expect(briefing.quote).toBeUndefined();
  });
});

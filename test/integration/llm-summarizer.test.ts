/**
 * The LLM summarizer end to end against a local OpenAI-compatible server: good answers pass,
 * invented numbers, names and quotes never reach the briefing, and every failure mode lets
 * the extractive summarizer answer in time.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article, Briefing } from '../../src/core/model.js';
import { createSqliteStore } from '../../src/core/store/index.js';
import type { LlmSummarizerOptions } from '../../src/core/summarize/llm/index.js';
import { startFakeLlmServer, type FakeLlmServer } from '../helpers/fake-llm-server.js';
import { createTestLlmSummarizer } from '../helpers/counting-extractive-summarizer.js';

const FIXTURES = new URL('../fixtures/llm/', import.meta.url);
const ARTICLE: Article = {
  url: 'https://news.example/port-alder-barrier',
  title: 'Port Alder votes for flood barrier',
  siteName: 'Example News',
  text: fs.readFileSync(new URL('flood-barrier.txt', FIXTURES), 'utf8'),
};
const GOOD = JSON.parse(fs.readFileSync(new URL('good-answer.json', FIXTURES), 'utf8')) as {
  title: string;
  points: string[];
  quote: { text: string; speaker: string };
  whatNext: { when: string; what: string }[];
};
const FIRST_SENTENCE = ARTICLE.text.split('\n')[0]!;

/** The good answer with some fields replaced, as the model's JSON text. */
const answer = (patch: Partial<typeof GOOD> = {}): string => JSON.stringify({ ...GOOD, ...patch });
const withPoint = (index: number, text: string): string[] => GOOD.points.map((p, i) => (i === index ? text : p));

/** Everything of a briefing a user reads (not `replaced[].original`, which is for logs). */
function visibleText(b: Briefing): string {
  return [b.title, ...b.points, b.quote?.text ?? '', b.quote?.speaker ?? '', ...b.whatNext.map((w) => `${w.when} ${w.what}`)].join('\n');
}

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const summarizer = (options: Partial<LlmSummarizerOptions> = {}) => createTestLlmSummarizer(server.baseUrl, options);

describe('LLM summarizer with a well-behaved model', () => {
  it('returns the model\'s grounded briefing, marked as the LLM\'s', async () => {
    server.reply({ content: answer() });
    const briefing = await summarizer().llm.summarize(ARTICLE, { id: 'b1' });
    expect(briefing.summarizer).toBe('llm');
    expect(briefing.points).toEqual(GOOD.points);
    expect(briefing.title).toBe(GOOD.title);
    expect(briefing.quote).toMatchObject({ text: GOOD.quote.text, speaker: 'Helen Okafor', sentence: 2 });
    expect(briefing.whatNext.map((w) => w.when)).toEqual(['December 8', 'January']);
    expect(briefing.replaced).toBeUndefined();
    expect(briefing.warnings).toEqual([]);
    expect(briefing.evidence?.[0]).toEqual({ sentences: [0] });
    expect(briefing.source.url).toBe(ARTICLE.url);
  });

  it('sends the model, the article, a JSON response format and the token budget, without an API key', async () => {
    server.reply({ content: answer() });
    await summarizer({ maxOutputTokens: 600 }).llm.summarize(ARTICLE);
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body).toMatchObject({ model: 'fake-model', max_tokens: 600, response_format: { type: 'json_object' } });
    expect(request?.body?.messages?.[1]?.content).toContain('Mayor Helen Okafor said the barrier');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('accepts an answer wrapped in a ```json code fence', async () => {
    server.reply({ content: `Here is the briefing:\n\`\`\`json\n${answer()}\n\`\`\`` });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(briefing.summarizer).toBe('llm');
    expect(briefing.points).toEqual(GOOD.points);
  });

  it('cuts a long article to the input token budget', async () => {
    server.reply({ content: answer() });
    const long = { ...ARTICLE, text: `${ARTICLE.text}\n\n${'Filler sentence about the harbour. '.repeat(2_000)}` };
    await summarizer({ maxInputTokens: 1_000 }).llm.summarize(long);
    const sent = server.requests[0]?.body?.messages?.[1]?.content ?? '';
    expect(sent.length).toBeLessThan(1_000 * 4);
    expect(sent).toContain('the rest was cut to fit');
  });
});

describe('LLM summarizer grounding', () => {
  it('replaces a point with an invented number by the extractive point on the same sentence', async () => {
    server.reply({ content: answer({ points: withPoint(0, GOOD.points[0]!.replace('4,300', '5,000')) }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(briefing.summarizer).toBe('llm');
    expect(visibleText(briefing)).not.toContain('5,000');
    expect(briefing.points[0]).toBe(FIRST_SENTENCE);
    expect(briefing.replaced).toEqual([
      { index: 0, reason: expect.stringContaining('number "5,000" is not in the article'), original: expect.stringContaining('5,000') },
    ]);
    expect(briefing.warnings).toEqual(['Fact check: 1 LLM point was not supported by the article and was replaced with a sentence from it.']);
  });

  it('accepts the same number written differently ("4300", "three" as "3")', async () => {
    const reworded = GOOD.points[0]!.replace('4,300', '4300').replace('three months', '3 months');
    server.reply({ content: answer({ points: withPoint(0, reworded) }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(briefing.points[0]).toBe(reworded);
    expect(briefing.replaced).toBeUndefined();
  });

  it('drops a point naming a person the article never mentions', async () => {
    server.reply({ content: answer({ points: withPoint(4, 'Governor Mark Ellison said the state would cover the rest of the cost.') }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(visibleText(briefing)).not.toContain('Ellison');
    expect(briefing.replaced?.[0]).toMatchObject({ index: 4, reason: expect.stringMatching(/name/) });
    // Left out, or replaced when the extractive briefing has a point on the sentence it paraphrased.
    expect(briefing.warnings).toEqual([
      expect.stringMatching(/^Fact check: 1 LLM point was not supported by the article and was (left out|replaced with a sentence from it)\.$/),
    ]);
  });

  it('drops a point that glues two real people into one invented name', async () => {
    server.reply({ content: answer({ points: withPoint(1, 'Helen Vasquez said the barrier would protect about 60,000 residents.') }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(visibleText(briefing)).not.toContain('Helen Vasquez');
  });

  it('removes a quote that is not word for word in the article', async () => {
    server.reply({ content: answer({ quote: { text: 'This barrier will save our city for a hundred years', speaker: 'Helen Okafor' } }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(visibleText(briefing)).not.toContain('save our city');
    expect(briefing.warnings).toContain('The LLM quote was not word for word in the article and was removed.');
    // The extractive briefing's quote is verbatim, so it may stand in.
    expect(ARTICLE.text).toContain(briefing.quote?.text ?? '');
  });

  it('keeps a real quote in straight quotes with a closing full stop', async () => {
    server.reply({ content: answer({ quote: { text: '"This barrier is the price of staying here."', speaker: 'Okafor' } }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(briefing.quote).toMatchObject({ text: 'This barrier is the price of staying here.', speaker: 'Okafor' });
  });

  it('removes a real quote pinned on an invented speaker', async () => {
    server.reply({ content: answer({ quote: { text: GOOD.quote.text, speaker: 'Governor Mark Ellison' } }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(visibleText(briefing)).not.toContain('Ellison');
  });

  it('replaces an ungrounded title and drops an invented date', async () => {
    server.reply({
      content: answer({
        title: 'Port Alder approves $2 billion barrier',
        whatNext: [{ when: 'December 15', what: 'Public hearing on the levy' }, GOOD.whatNext[1]!],
      }),
    });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(briefing.title).toBe(ARTICLE.title);
    expect(briefing.whatNext.map((w) => w.when)).toEqual(['January']);
  });

  it('replaces a point of two sentences and one of more than 40 words', async () => {
    const twoSentences = 'Port Alder will build a flood barrier. The vote was 9 to 2.';
    const long = `${GOOD.points[2]!.slice(0, -1)}, and ${'the council said the gates would stay open in normal weather '.repeat(3)}.`;
    server.reply({ content: answer({ points: [twoSentences, GOOD.points[1]!, long, GOOD.points[3]!, GOOD.points[4]!] }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(briefing.replaced?.map((r) => r.reason)).toEqual([
      expect.stringContaining('more than one sentence'),
      expect.stringMatching(/point has \d+ words \(most is 40\)/),
    ]);
    expect(briefing.points).not.toContain(twoSentences);
    expect(briefing.points).not.toContain(long);
  });

  it('tops a short answer up to three points with extractive points on other sentences', async () => {
    server.reply({ content: answer({ points: GOOD.points.slice(1, 3) }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(briefing.points).toEqual([GOOD.points[1], GOOD.points[2], FIRST_SENTENCE]);
    expect(briefing.evidence?.[2]).toEqual({ sentences: [0] });
  });

  it('keeps no more points than asked for', async () => {
    server.reply({ content: answer({ points: [...GOOD.points, ...GOOD.points] }) });
    const briefing = await summarizer().llm.summarize(ARTICLE, { maxPoints: 4 });
    expect(briefing.points).toEqual(GOOD.points.slice(0, 4));
    expect(server.requests[0]?.body?.messages?.[0]?.content).toContain('3 to 4 key facts');
  });

  it('falls back to the extractive briefing when most points fail the check', async () => {
    const points = withPoint(0, 'The council voted 7 to 4 for the barrier.')
      .map((p, i) => (i === 1 ? 'Mayor Helen Okafor said 90,000 residents would be protected.' : p))
      .map((p, i) => (i === 2 ? 'Lavrov Engineering designed the 20 gates.' : p));
    server.reply({ content: answer({ points }) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(briefing.summarizer).toBe('extractive');
    expect(briefing.warnings).toContain(
      'The LLM summary was unavailable (it failed the fact check on 3 of 5 points); this is the extractive briefing.',
    );
    expect(visibleText(briefing)).not.toMatch(/7 to 4|90,000|Lavrov|20 gates/);
  });
});

describe('no invented fact reaches the reader', () => {
  const replacePoint = (i: number, from: string, to: string) => ({ points: withPoint(i, GOOD.points[i]!.replace(from, to)) });
  // Each case plants one fabrication in an otherwise good answer; `planted` must not be shown.
  const cases: [string, Partial<typeof GOOD>, string][] = [
    ['a changed number', replacePoint(0, '4,300', '5,000'), '5,000'],
    ['a real number attached to another fact', replacePoint(0, '4,300 homes', '60,000 homes'), '60,000 homes'],
    ['a changed spelled-out number', replacePoint(0, 'three months', 'five months'), 'five months'],
    ['a changed scale', replacePoint(0, '$1.2 billion', '$1.2 trillion'), 'trillion'],
    ['a changed percentage', replacePoint(3, '40%', '45%'), '45%'],
    ['an invented person', replacePoint(4, 'Councillor Dmitri Vasquez', 'Councillor Mark Ellison'), 'Ellison'],
    ['two real names glued into one person', replacePoint(1, 'Mayor Helen Okafor', 'Helen Vasquez'), 'Helen Vasquez'],
    ['an invented organisation', replacePoint(2, 'Rijn Hydraulics', 'Delta Works'), 'Delta Works'],
    ['an invented weekday', { points: [...GOOD.points.slice(0, 4), 'The council will meet again on Wednesday to approve the levy.'] }, 'Wednesday'],
    ['invented words in quotation marks', replacePoint(1, 'said the barrier', 'called it "a bold gamble" and said the barrier'), 'bold gamble'],
    ['an invented quote', { quote: { text: 'Port Alder will never flood again', speaker: 'Helen Okafor' } }, 'never flood again'],
    ['a real quote given to an invented speaker', { quote: { text: GOOD.quote.text, speaker: 'Mark Ellison' } }, 'Mark Ellison'],
    ['an invented date', { whatNext: [{ when: 'December 15', what: 'Public hearing on the levy' }] }, 'December 15'],
    ['a wrong date built from numbers the article has', { whatNext: [{ when: 'December 9', what: 'Public hearing on the levy' }] }, 'December 9'],
    ['a wrong year', replacePoint(2, 'The design', 'From March 2028, the design'), '2028'],
    ['an invented number in the title', { title: 'Port Alder approves a $3 billion flood barrier' }, '$3 billion'],
  ];

  it.each(cases)('blocks %s', async (_name, patch, planted) => {
    server.reply({ content: answer(patch) });
    const briefing = await summarizer().llm.summarize(ARTICLE);
    expect(JSON.stringify(answer(patch))).toContain(planted);
    expect(visibleText(briefing)).not.toContain(planted);
    // Everything else the good answer said is still there.
    expect(briefing.summarizer).toBe('llm');
    expect(briefing.points.length).toBeGreaterThanOrEqual(4);
  });
});

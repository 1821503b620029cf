/**
 * A deterministic stand-in for the extractive summarizer in the LLM tests: the article's
 * first sentences become the points, each with its sentence as evidence, and the first
 * “…” quotation becomes the quote. The lead switches these tests to the real extractive
 * summarizer (src/core/summarize/extractive/) once both branches are merged.
 */
import { NewsbriefError } from '../../src/core/errors.js';
import type { Article, Briefing } from '../../src/core/model.js';
import { splitSentences } from '../../src/core/nlp/index.js';
import type { SummarizeOptions, Summarizer } from '../../src/core/summarize/summarizer.js';

export function createFirstSentencesSummarizer(): Summarizer & { calls: number } {
  const summarizer = {
    name: 'extractive' as const,
    calls: 0,
    async summarize(article: Article, options: SummarizeOptions = {}): Promise<Briefing> {
      summarizer.calls++;
      const sentences = splitSentences(article.text);
      if (sentences.length === 0) throw new NewsbriefError('EXTRACT_EMPTY', 'The article has no text to summarize.');
      const chosen = sentences.slice(0, options.maxPoints ?? 5);
      const quoted = sentences.map((s) => ({ s, m: /“([^”]+)”/.exec(s.text) })).find((x) => x.m);
      return {
        id: options.id ?? 'first-sentences',
        title: article.title,
        points: chosen.map((s) => s.text),
        evidence: chosen.map((s) => ({ sentences: [s.index] })),
        ...(quoted ? { quote: { text: quoted.m![1]!.replace(/,$/, ''), sentence: quoted.s.index } } : {}),
        entities: { people: [], organisations: [], places: [] },
        whatNext: [],
        source: article.url ? { url: article.url } : {},
        warnings: [],
        summarizer: 'extractive',
        createdAt: (options.now ?? new Date()).toISOString(),
      };
    },
  };
  return summarizer;
}

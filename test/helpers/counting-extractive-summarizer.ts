/**
 * The fallback for the LLM tests: the real extractive summarizer (with the real facts extractor),
 * counting its calls so tests can tell when the fallback answered.
 */
import type { Article, Briefing } from '../../src/core/model.js';
import { extractFacts } from '../../src/core/nlp/facts.js';
import { createExtractiveSummarizer } from '../../src/core/summarize/index.js';
import type { SummarizeOptions, Summarizer } from '../../src/core/summarize/summarizer.js';

export function createCountingExtractiveSummarizer(): Summarizer & { calls: number } {
  const extractive = createExtractiveSummarizer({ extractFacts });
  const summarizer = {
    name: 'extractive' as const,
    calls: 0,
    async summarize(article: Article, options: SummarizeOptions = {}): Promise<Briefing> {
      summarizer.calls++;
      return extractive.summarize(article, options);
    },
  };
  return summarizer;
}

/**
 * The LLM summarizer for the LLM tests, and its fallback: the real extractive summarizer (with the real facts extractor),
 * counting its calls so tests can tell when the fallback answered.
 */
import type { Article, Briefing } from '../../src/core/model.js';
import { extractFacts } from '../../src/core/nlp/facts.js';
import { createExtractiveSummarizer } from '../../src/core/summarize/index.js';
import { createLlmSummarizer, type LlmSummarizerOptions } from '../../src/core/summarize/llm/index.js';
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

/**
 * The LLM summarizer under test, pointed at a fake LLM server, with the counting fallback and a
 * logger that keeps its warnings.
 */
export function createTestLlmSummarizer(baseUrl: string, options: Partial<LlmSummarizerOptions> = {}) {
  const fallback = createCountingExtractiveSummarizer();
  const warnings: string[] = [];
  const llm = createLlmSummarizer({
    baseUrl,
    model: 'fake-model',
    timeoutMs: 2_000,
    fallback,
    logger: { warn: (message, data) => warnings.push(`${message} ${JSON.stringify(data)}`) },
    ...options,
  });
  return { llm, fallback, warnings };
}

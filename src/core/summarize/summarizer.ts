/**
 * The Summarizer port: Article → Briefing. The extractive summarizer is the default and runs
 * in-process; an LLM summarizer is optional and falls back to the extractive one.
 */
import type { Article, Briefing, SummarizerName } from '../model.js';

export interface SummarizeOptions {
  /** Most points to return (default 5). */
  maxPoints?: number;
  /** Fewest points to return when the article has enough sentences (default 3). */
  minPoints?: number;
  /** Clock, for createdAt and relative dates. */
  now?: Date;
  /** Briefing id to use (default: a new random id). */
  id?: string;
}

export interface Summarizer {
  readonly name: SummarizerName;
  /** @throws NewsbriefError ('SUMMARIZE_FAILED', 'EXTRACT_EMPTY', 'UNSUPPORTED_LANGUAGE') */
  summarize(article: Article, options?: SummarizeOptions): Promise<Briefing>;
}

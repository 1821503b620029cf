export type { Summarizer, SummarizeOptions } from './summarizer.js';
export {
  createExtractiveSummarizer,
  readingTimeMinutes,
  READING_WORDS_PER_MINUTE,
  type ExtractiveSummarizerOptions,
  type FactsExtractor,
  type BriefingFacts,
} from './extractive/extractive-summarizer.js';
export { summarizePoints, MAX_POINT_WORDS, DEFAULT_FACT_POINTS, type PointsOptions, type PointsResult, type FactPointsOptions } from './extractive/points.js';
export { tightenSentence } from './extractive/tighten.js';

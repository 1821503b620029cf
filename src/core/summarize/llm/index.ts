export { createLlmSummarizer, fallbackWarning, LlmSummarizer, type LlmLogger, type LlmSummarizerOptions } from './llm-summarizer.js';
export { chooseSummarizer, LLM_NOT_CONFIGURED_NOTE, type SummarizerChoice } from './choose-summarizer.js';
export {
  LLM_ENV_KEYS,
  LLM_MAX_INPUT_TOKENS,
  LLM_MAX_OUTPUT_TOKENS,
  LLM_TIMEOUT_MS,
  llmConfigSchema,
  parseLlmConfig,
  type LlmConfig,
  type LlmResponseFormat,
  type RawLlmConfig,
  type ResolvedLlmConfig,
} from './config.js';
export { LLM_CACHE_NAMESPACE } from './cache.js';
export { PROMPT_VERSION } from './prompt.js';
export type { FetchLike } from './chat-client.js';
export { checkPoint, checkStatement, indexArticle, isVerbatimQuote, type ArticleFacts, type GroundingIssue } from './grounding.js';

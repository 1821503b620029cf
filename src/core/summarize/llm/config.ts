/**
 * Typed options for the LLM summarizer. The lead's `src/config/` fills them from the
 * environment (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS, LLM_MAX_INPUT_TOKENS,
 * LLM_MAX_OUTPUT_TOKENS); this module never reads process.env itself.
 */
import { z } from 'zod';
import { ConfigError } from '../../errors.js';

/** Default time the LLM gets before the extractive summarizer answers instead. */
export const LLM_TIMEOUT_MS = 20_000;
/** Default budget for the article in the prompt (estimated tokens, ~4 characters each). */
export const LLM_MAX_INPUT_TOKENS = 6_000;
/** Default `max_tokens` for the answer: a briefing is a few hundred tokens of JSON. */
export const LLM_MAX_OUTPUT_TOKENS = 800;

/** How the request asks for JSON. Most servers accept `json_object`; `none` for those that reject it. */
export type LlmResponseFormat = 'json_object' | 'json_schema' | 'none';

export interface LlmConfig {
  /** OpenAI-compatible base URL ending in `/v1`, e.g. `http://127.0.0.1:11434/v1` for Ollama. */
  baseUrl: string;
  /** Model name as the server knows it (`gpt-4o-mini`, `llama3.1:8b` …). */
  model: string;
  /** Sent as `Authorization: Bearer …` only when set. Never logged or put in a message. */
  apiKey?: string;
  /** Default {@link LLM_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Default {@link LLM_MAX_INPUT_TOKENS}. */
  maxInputTokens?: number;
  /** Default {@link LLM_MAX_OUTPUT_TOKENS}. */
  maxOutputTokens?: number;
  /** Default 0: a briefing should be the same each time. */
  temperature?: number;
  /** Default `json_object`. */
  responseFormat?: LlmResponseFormat;
}

/** Config with every default applied. */
export type ResolvedLlmConfig = Required<Omit<LlmConfig, 'apiKey'>> & Pick<LlmConfig, 'apiKey'>;

/** Environment variable behind each field, so errors name what the user sets. */
export const LLM_ENV_KEYS = {
  baseUrl: 'LLM_BASE_URL',
  model: 'LLM_MODEL',
  apiKey: 'LLM_API_KEY',
  timeoutMs: 'LLM_TIMEOUT_MS',
  maxInputTokens: 'LLM_MAX_INPUT_TOKENS',
  maxOutputTokens: 'LLM_MAX_OUTPUT_TOKENS',
  temperature: 'LLM_TEMPERATURE',
  responseFormat: 'LLM_RESPONSE_FORMAT',
} as const satisfies Record<keyof LlmConfig, string>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** Accepts strings (as read from the environment) or typed values. */
export const llmConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
  model: z.string().trim().min(1),
  apiKey: z.preprocess(emptyToUndefined, z.string().trim().min(1).optional()),
  timeoutMs: z.preprocess(emptyToUndefined, z.coerce.number().int().min(50).max(600_000).default(LLM_TIMEOUT_MS)),
  maxInputTokens: z.preprocess(emptyToUndefined, z.coerce.number().int().min(200).default(LLM_MAX_INPUT_TOKENS)),
  maxOutputTokens: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(LLM_MAX_OUTPUT_TOKENS)),
  temperature: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(2).default(0)),
  responseFormat: z.preprocess(emptyToUndefined, z.enum(['json_object', 'json_schema', 'none']).default('json_object')),
});

/** Raw values, e.g. `{ baseUrl: env.LLM_BASE_URL, model: env.LLM_MODEL, … }`. */
export type RawLlmConfig = { [K in keyof LlmConfig]?: string | number | undefined };

/**
 * Validates LLM settings and applies defaults.
 * @param raw - values as read from the environment or a config file
 * @throws ConfigError naming the environment variable and the fix
 * @example parseLlmConfig({ baseUrl: env.LLM_BASE_URL, model: env.LLM_MODEL, apiKey: env.LLM_API_KEY })
 */
export function parseLlmConfig(raw: RawLlmConfig): ResolvedLlmConfig {
  const result = llmConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = (issue?.path[0] ?? 'baseUrl') as keyof LlmConfig;
  const key = LLM_ENV_KEYS[field];
  // The message names the key and the fix; it never echoes the value (it may be the API key).
  throw new ConfigError(key, `${key} is invalid (${issue?.message ?? 'bad value'}). ${LLM_FIX_HINTS[field]}`);
}

const LLM_FIX_HINTS: Record<keyof LlmConfig, string> = {
  baseUrl: 'Set it to the server\'s OpenAI-compatible base URL ending in /v1, e.g. http://127.0.0.1:11434/v1.',
  model: 'Set it to a model name the server knows, e.g. gpt-4o-mini or llama3.1:8b.',
  apiKey: 'Leave it unset for local servers, or set the provider\'s key.',
  timeoutMs: 'Use a whole number of milliseconds, e.g. 20000.',
  maxInputTokens: 'Use a whole number of at least 200, e.g. 6000.',
  maxOutputTokens: 'Use a whole number of at least 100, e.g. 800.',
  temperature: 'Use a number from 0 to 2 (0 is best for briefings).',
  responseFormat: 'Use json_object, json_schema or none.',
};

/** Applies defaults to already-typed options (tests and programmatic use). */
export function resolveLlmConfig(config: LlmConfig): ResolvedLlmConfig {
  return parseLlmConfig(config);
}

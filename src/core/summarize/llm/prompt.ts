/**
 * The prompt and the JSON shape asked of the model. Bump PROMPT_VERSION whenever the
 * wording or the shape changes: it is part of the cache key.
 */
import { z } from 'zod';
import type { Article } from '../../model.js';
import type { LlmResponseFormat } from './config.js';

export const PROMPT_VERSION = 'briefing-v1';

/** Rough tokens per character for English prose (OpenAI's rule of thumb: ~4 characters a token). */
const CHARS_PER_TOKEN = 4;
/** Tokens held back for the instructions and the title. */
const PROMPT_OVERHEAD_TOKENS = 400;

/** A point without the list markers and markdown some models add ("1. **Port Alder** …"). */
function plainPoint(point: string): string {
  return point
    .trim()
    .replace(/^(?:[-*•]|\d{1,2}[.)])\s+/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .trim();
}

/** What the model must answer. Lenient where models differ (null vs missing), strict on types. */
export const llmAnswerSchema = z.object({
  title: z.string().trim().min(1).max(300),
  points: z.array(z.string().transform(plainPoint).pipe(z.string().min(1))).min(1).max(10),
  // Strict json_schema mode makes models fill every field: an empty quote or event means none.
  quote: z
    .object({ text: z.string().trim(), speaker: z.string().trim().nullish() })
    .nullish()
    .transform((q) => (q && q.text !== '' ? q : null)),
  whatNext: z
    .array(z.object({ when: z.string().trim(), what: z.string().trim() }))
    .nullish()
    .transform((items) => (items ?? []).filter((i) => i.when !== '' && i.what !== '')),
});

export type LlmAnswer = z.infer<typeof llmAnswerSchema>;

export interface PromptOptions {
  minPoints: number;
  maxPoints: number;
  maxInputTokens: number;
}

/** An estimate good enough for a budget: characters / 4. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/**
 * Cuts the article to the token budget at a paragraph or sentence end, so the model never
 * sees half a sentence. Returns the text unchanged when it fits.
 */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  const maxChars = Math.max(0, maxTokens * CHARS_PER_TOKEN);
  if (text.length <= maxChars) return { text, truncated: false };
  const head = text.slice(0, maxChars);
  let cut = head.lastIndexOf('\n\n');
  for (const m of head.matchAll(/[.!?]["”’)]?(?=\s)/g)) cut = Math.max(cut, m.index + m[0].length);
  // A cut in the first half would waste the budget; then a hard cut is the lesser evil.
  return { text: (cut > maxChars / 2 ? head.slice(0, cut) : head).trim(), truncated: true };
}

function systemPrompt(minPoints: number, maxPoints: number): string {
  return [
    'You write news briefings. Answer with one JSON object and nothing else:',
    '{"title": string, "points": string[], "quote": {"text": string, "speaker": string} | null,',
    ' "whatNext": [{"when": string, "what": string}]}',
    'Rules:',
    `- "points": ${minPoints} to ${maxPoints} key facts, most important first; each ONE sentence of at most 40 words.`,
    '- Use only facts stated in the article. Do not add background knowledge, dates, numbers or names.',
    '- Write numbers, names and titles exactly as the article writes them.',
    '- "title": a short headline in sentence case, from the article.',
    '- "quote": the most telling direct quotation, copied word for word from the article, with who said it; null if none.',
    '- "whatNext": scheduled events the article mentions (when, what); [] if none.',
  ].join('\n');
}

/** The chat messages for one article. */
export function buildMessages(article: Article, options: PromptOptions): { role: 'system' | 'user'; content: string }[] {
  const budget = Math.max(100, options.maxInputTokens - PROMPT_OVERHEAD_TOKENS - estimateTokens(article.title));
  const { text, truncated } = truncateToTokens(article.text, budget);
  const user = [
    `Title: ${article.title}`,
    '',
    truncated ? 'Article (the start; the rest was cut to fit):' : 'Article:',
    text,
  ].join('\n');
  return [
    { role: 'system', content: systemPrompt(options.minPoints, options.maxPoints) },
    { role: 'user', content: user },
  ];
}

/** The `response_format` request field, or undefined for servers that reject it. */
export function buildResponseFormat(format: LlmResponseFormat): Record<string, unknown> | undefined {
  if (format === 'none') return undefined;
  if (format === 'json_object') return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: 'briefing', strict: true, schema: BRIEFING_JSON_SCHEMA } };
}

const str = { type: 'string' } as const;
const object = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

/**
 * The answer's shape for `json_schema` mode, written out by hand in the subset that OpenAI's
 * strict mode, llama.cpp's grammar converter and LM Studio all accept (every field required,
 * no length keywords). {@link llmAnswerSchema} still validates what comes back.
 */
export const BRIEFING_JSON_SCHEMA = object({
  title: str,
  points: { type: 'array', items: str },
  quote: { anyOf: [object({ text: str, speaker: str }), { type: 'null' }] },
  whatNext: { type: 'array', items: object({ when: str, what: str }) },
});

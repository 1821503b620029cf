/**
 * The LLM summarizer: asks an OpenAI-compatible chat endpoint for a briefing as JSON,
 * checks every point, title, quote and date against the article, and lets the extractive
 * summarizer answer whenever the model is slow, failing, unparseable or mostly ungrounded.
 */
import { randomUUID } from 'node:crypto';
import type { Article, Briefing } from '../../model.js';
import { countWords, splitSentences } from '../../nlp/index.js';
import type { CacheStore } from '../../store/store.js';
import type { SummarizeOptions, Summarizer } from '../summarizer.js';
import { cacheKeyFor, readCachedBriefing, writeCachedBriefing, type CachedBriefing } from './cache.js';
import { requestChatCompletion, type ChatFailure, type ChatResult, type FetchLike } from './chat-client.js';
import { resolveLlmConfig, type LlmConfig, type ResolvedLlmConfig } from './config.js';
import { groundAnswer, type GroundedAnswer } from './ground-answer.js';
import { indexArticle } from './grounding.js';
import { parseLlmAnswer } from './parse.js';
import { buildMessages, buildResponseFormat } from './prompt.js';

const DEFAULT_MIN_POINTS = 3;
const DEFAULT_MAX_POINTS = 5;

/** Where the summarizer reports fallbacks. Messages never contain the API key. */
export interface LlmLogger {
  warn(message: string, data?: Record<string, unknown>): void;
}

export interface LlmSummarizerOptions extends LlmConfig {
  /** Answers when the LLM cannot, and supplies entities and replacement points. */
  fallback: Summarizer;
  /** Summary cache (namespace `llm`); the Store implements it. */
  cache?: CacheStore;
  /** HTTP seam for tests; default undici's fetch. */
  fetch?: FetchLike;
  logger?: LlmLogger;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `start` and captures its result or error (a synchronous throw included). */
const settle = <T>(start: () => Promise<T>): Promise<Settled<T>> =>
  new Promise<T>((resolve) => resolve(start())).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

function describeFailure(failure: ChatFailure): string {
  return failure.kind === 'invalid-output' ? `invalid output: ${failure.detail}` : failure.detail;
}

/** The user-visible note on a fallback briefing. */
export function fallbackWarning(reason: string): string {
  return `The LLM summary was unavailable (${reason}); this is the extractive briefing.`;
}

export class LlmSummarizer implements Summarizer {
  readonly name = 'llm' as const;
  private readonly config: ResolvedLlmConfig;
  /** Set when the server answered HTTP 400 to a request with the optional parameters. */
  private rejectsOptionalParameters = false;

  constructor(private readonly options: LlmSummarizerOptions) {
    this.config = resolveLlmConfig(options);
  }

  /** The model name in use (for logs and the settings reply). */
  get model(): string {
    return this.config.model;
  }

  async summarize(article: Article, options: SummarizeOptions = {}): Promise<Briefing> {
    // Nothing to send: the extractive summarizer says why in its own words (EXTRACT_EMPTY).
    if (countWords(article.text) === 0) return this.options.fallback.summarize(article, options);
    const minPoints = options.minPoints ?? DEFAULT_MIN_POINTS;
    const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
    const body = this.requestBody(article, minPoints, maxPoints);
    const key = cacheKeyFor(body);
    const cached = await readCachedBriefing(this.options.cache, key);
    if (cached) return this.finish(cached, article, options);

    // The request goes out first; the extractive briefing is built while the model thinks,
    // so a fallback costs no time beyond the timeout.
    const answer = this.ask(body);
    const extractive = settle(() => this.options.fallback.summarize(article, options));
    const result = await answer;
    if (!result.ok) return this.fallBack(await extractive, describeFailure(result.failure));
    const parsed = parseLlmAnswer(result.content);
    if (!parsed.ok) return this.fallBack(await extractive, `invalid output: ${parsed.detail}`);

    const base = await extractive;
    let grounded: GroundedAnswer;
    try {
      grounded = groundAnswer(parsed.answer, {
        facts: indexArticle(article.text),
        sentences: splitSentences(article.text),
        ...(base.ok ? { extractive: base.value } : {}),
        minPoints,
        maxPoints,
      });
    } catch (error) {
      // A bug in the check must not show an unchecked answer, nor sink the briefing.
      this.options.logger?.warn('LLM grounding check crashed', { err: error });
      return this.fallBack(base, 'the fact check could not run');
    }
    if (grounded.failed * 2 > grounded.total || grounded.points.length === 0) {
      return this.fallBack(base, `it failed the fact check on ${grounded.failed} of ${grounded.total} points`);
    }
    const briefing = this.finish(assemble(grounded, article, base.ok ? base.value : undefined), article, options);
    await writeCachedBriefing(this.options.cache, key, briefing);
    return briefing;
  }

  /**
   * Sends the request. A server that answers HTTP 400 to the optional parameters is asked
   * once more with only the model and the messages, within the same deadline, and is not
   * sent them again by this instance: LM Studio rejects `json_object`, OpenAI's reasoning
   * models reject `max_tokens` and `temperature: 0`, older servers reject `response_format`.
   */
  private async ask(body: Record<string, unknown>): Promise<ChatResult> {
    const startedAt = Date.now();
    const send = (requestBody: Record<string, unknown>, timeoutMs: number) =>
      requestChatCompletion({
        baseUrl: this.config.baseUrl,
        body: requestBody,
        timeoutMs,
        ...(this.config.apiKey ? { apiKey: this.config.apiKey } : {}),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      });
    const plain = { model: body.model, messages: body.messages };
    if (this.rejectsOptionalParameters) return send(plain, this.config.timeoutMs);
    const first = await send(body, this.config.timeoutMs);
    const remainingMs = this.config.timeoutMs - (Date.now() - startedAt);
    if (first.ok || first.failure.status !== 400 || remainingMs <= 0) return first;
    this.rejectsOptionalParameters = true;
    this.options.logger?.warn('LLM server rejected response_format, max_tokens or temperature; asking without them', {
      model: this.config.model,
    });
    return send(plain, remainingMs);
  }

  private requestBody(article: Article, minPoints: number, maxPoints: number): Record<string, unknown> {
    const responseFormat = buildResponseFormat(this.config.responseFormat);
    return {
      model: this.config.model,
      messages: buildMessages(article, { minPoints, maxPoints, maxInputTokens: this.config.maxInputTokens }),
      max_tokens: this.config.maxOutputTokens,
      temperature: this.config.temperature,
      ...(responseFormat ? { response_format: responseFormat } : {}),
    };
  }

  private fallBack(extractive: Settled<Briefing>, reason: string): Briefing {
    this.options.logger?.warn('LLM summary unavailable; using the extractive briefing', { reason, model: this.config.model });
    if (!extractive.ok) throw extractive.error;
    const briefing = extractive.value;
    return { ...briefing, summarizer: 'extractive', warnings: [...briefing.warnings, fallbackWarning(reason)] };
  }

  /** Adds what belongs to this delivery: id, time and the source as this article gives it. */
  private finish(briefing: CachedBriefing, article: Article, options: SummarizeOptions): Briefing {
    return {
      ...briefing,
      id: options.id ?? randomUUID(),
      source: sourceOf(article),
      createdAt: (options.now ?? new Date()).toISOString(),
    };
  }
}

function sourceOf(article: Article): Briefing['source'] {
  const source: Briefing['source'] = {};
  const url = article.canonicalUrl ?? article.url;
  if (url) source.url = url;
  if (article.siteName) source.siteName = article.siteName;
  if (article.byline) source.byline = article.byline;
  if (article.publishedAt) source.publishedAt = article.publishedAt;
  return source;
}

/** "Fact check: 1 LLM point was not supported by the article and was left out." */
function describeFactCheck(replaced: GroundedAnswer['replaced']): string | undefined {
  const n = replaced.length;
  if (n === 0) return undefined;
  const swapped = replaced.filter((r) => r.reason.startsWith('replaced')).length;
  const dropped = n - swapped;
  const sentences = (k: number) => (k > 1 ? 'sentences' : 'a sentence');
  const head = `Fact check: ${n} LLM point${n > 1 ? 's were' : ' was'} not supported by the article`;
  const verb = n > 1 ? 'were' : 'was';
  if (dropped === 0) return `${head} and ${verb} replaced with ${sentences(n)} from it.`;
  if (swapped === 0) return `${head} and ${verb} left out.`;
  return `${head}: ${swapped} replaced with ${sentences(swapped)} from it, ${dropped} left out.`;
}

/** The shown briefing: the model's grounded parts over the extractive briefing's metadata. */
function assemble(grounded: GroundedAnswer, article: Article, extractive: Briefing | undefined): CachedBriefing {
  const warnings = [...(extractive?.warnings ?? [])];
  const factCheck = describeFactCheck(grounded.replaced);
  if (factCheck) warnings.push(factCheck);
  if (grounded.quoteRemoved) warnings.push('The LLM quote was not word for word in the article and was removed.');
  const briefing: CachedBriefing = {
    title: grounded.title ?? extractive?.title ?? article.title,
    points: grounded.points,
    evidence: grounded.evidence,
    entities: extractive?.entities ?? { people: [], organisations: [], places: [] },
    whatNext: grounded.whatNext,
    warnings,
    summarizer: 'llm',
  };
  if (grounded.quote) briefing.quote = grounded.quote;
  if (grounded.replaced.length > 0) briefing.replaced = grounded.replaced;
  const readingTime = extractive?.readingTime;
  if (readingTime !== undefined) briefing.readingTime = readingTime;
  const language = extractive?.language ?? article.language;
  if (language) briefing.language = language;
  return briefing;
}

/**
 * Creates the LLM summarizer.
 * @throws ConfigError when baseUrl or model is missing or malformed
 * @example createLlmSummarizer({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b', fallback: extractive, cache: store })
 */
export function createLlmSummarizer(options: LlmSummarizerOptions): LlmSummarizer {
  return new LlmSummarizer(options);
}

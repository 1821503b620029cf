/**
 * One POST to an OpenAI-compatible `/chat/completions` endpoint, with a hard deadline.
 * Failures are values (the caller falls back), and no message ever contains the API key
 * or the provider's error body (OpenAI echoes part of a wrong key there).
 */
import { fetch as undiciFetch } from 'undici';

/** The slice of `fetch` this client needs; undici's and Node's global fetch both fit. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export type ChatFailureKind = 'timeout' | 'rate-limited' | 'http' | 'network' | 'invalid-output';

export interface ChatFailure {
  kind: ChatFailureKind;
  /** Short, user-safe: "timeout after 20000 ms", "HTTP 503". */
  detail: string;
  status?: number;
}

export type ChatResult = { ok: true; content: string } | { ok: false; failure: ChatFailure };

export interface ChatRequest {
  /** Base URL ending in /v1. */
  baseUrl: string;
  apiKey?: string;
  body: Record<string, unknown>;
  timeoutMs: number;
  fetch?: FetchLike;
}

class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * Sends the request and returns the first choice's message content.
 * Resolves within `timeoutMs` (plus timer jitter) whatever the server does: the request is
 * aborted and, for a fetch that ignores its signal, the wait is cut by a race.
 */
export async function requestChatCompletion(request: ChatRequest): Promise<ChatResult> {
  const fetchImpl = request.fetch ?? (undiciFetch as unknown as FetchLike);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineError(`timeout after ${request.timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, request.timeoutMs);
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (request.apiKey) headers.authorization = `Bearer ${request.apiKey}`;
  const exchange = (async () => {
    const response = await fetchImpl(`${request.baseUrl}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify(request.body),
      signal: controller.signal,
    });
    return { status: response.status, text: await response.text() };
  })();
  // The losing side of the race must not surface as an unhandled rejection.
  exchange.catch(() => undefined);
  deadline.catch(() => undefined);
  try {
    const { status, text } = await Promise.race([exchange, deadline]);
    return readResponse(status, text);
  } catch (error) {
    if (error instanceof DeadlineError || controller.signal.aborted) {
      return failure('timeout', `timeout after ${request.timeoutMs} ms`);
    }
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return failure('network', code ? `network error ${code}` : 'network error');
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function readResponse(status: number, text: string): ChatResult {
  if (status === 429) return failure('rate-limited', 'rate limited, HTTP 429', status);
  if (status < 200 || status >= 300) return failure('http', `HTTP ${status}`, status);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure('invalid-output', 'the server did not answer with JSON');
  }
  const choice = (body as { choices?: { message?: { content?: unknown }; finish_reason?: unknown }[] }).choices?.[0];
  const content = choice?.message?.content;
  if (typeof content !== 'string' || content.trim() === '') {
    return failure('invalid-output', 'the answer was empty');
  }
  if (choice?.finish_reason === 'length') {
    return failure('invalid-output', 'the answer was cut off at max_tokens');
  }
  return { ok: true, content };
}

function failure(kind: ChatFailureKind, detail: string, status?: number): ChatResult {
  return { ok: false, failure: status === undefined ? { kind, detail } : { kind, detail, status } };
}

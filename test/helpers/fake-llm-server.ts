/**
 * A local OpenAI-compatible server: POST /v1/chat/completions on 127.0.0.1, answering what
 * the test scripts (an answer, an HTTP error, or no answer at all) and recording requests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeLlmReply =
  /** 200 with a chat completion whose message content is `content`. */
  | { content: string; finishReason?: string }
  /** Any status with an optional body, e.g. `{ status: 429, headers: { 'retry-after': '2' } }`. */
  | { status: number; body?: string; headers?: Record<string, string> }
  /** Accept the request and never answer (until the server closes). */
  | { hang: true };

export interface RecordedLlmRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (undefined when it was not JSON). */
  body: { model?: string; messages?: { role: string; content: string }[]; [k: string]: unknown } | undefined;
}

export interface FakeLlmServer {
  /** e.g. `http://127.0.0.1:40123/v1` */
  baseUrl: string;
  requests: RecordedLlmRequest[];
  /** What to answer from now on: one reply for every request, or a function of the request. */
  reply(next: FakeLlmReply | ((request: RecordedLlmRequest) => FakeLlmReply)): void;
  close(): Promise<void>;
}

/** Wraps a content string as an OpenAI chat completion response. */
export function chatCompletion(content: string, finishReason = 'stop'): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  });
}

/**
 * Starts the server on an ephemeral port.
 * @param options.apiKey - when set, requests without `Authorization: Bearer <apiKey>` get 401
 */
export async function startFakeLlmServer(options: { apiKey?: string } = {}): Promise<FakeLlmServer> {
  const requests: RecordedLlmRequest[] = [];
  let script: (request: RecordedLlmRequest) => FakeLlmReply = () => ({ status: 500, body: 'no reply scripted' });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: RecordedLlmRequest['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedLlmRequest['body'];
      } catch {
        body = undefined;
      }
      const recorded: RecordedLlmRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Incorrect API key provided"}}');
        return;
      }
      const reply = script(recorded);
      if ('hang' in reply) return;
      if ('content' in reply) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(chatCompletion(reply.content, reply.finishReason));
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(next) {
      script = typeof next === 'function' ? next : () => next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

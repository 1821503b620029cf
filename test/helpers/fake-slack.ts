/**
 * A local fake of the Slack Web API (`POST /api/<method>`) and of response_url hooks
 * (`POST /hooks/<id>`) that records every call. Point the adapter's apiUrl at `apiUrl`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization?: string;
  at: number;
}

export interface HookCall {
  id: string;
  body: Record<string, unknown>;
}

/** A handler's answer: a JSON body, or a status with headers and body (e.g. a 429). */
export type FakeAnswer = Record<string, unknown> | { status: number; headers?: Record<string, string>; body?: unknown };
export type FakeHandler = (args: Record<string, unknown>, call: SlackApiCall) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeSlack {
  url: string;
  apiUrl: string;
  hookUrl(id: string): string;
  calls: SlackApiCall[];
  hooks: HookCall[];
  /** Replace how a method answers. */
  on(method: string, handler: FakeHandler): void;
  /** How a method answers now (to wrap it, or to put it back after `on`). */
  handler(method: string): FakeHandler;
  /** Calls of one method (recorded even when answered with an error). */
  callsTo(method: string): SlackApiCall[];
  /** Resolve once `check()` is truthy (polls every 10 ms); rejects after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const isStatusAnswer = (a: FakeAnswer): a is { status: number; headers?: Record<string, string>; body?: unknown } =>
  typeof (a as { status?: unknown }).status === 'number';

/** Start the fake on 127.0.0.1 with answers that mimic a healthy workspace. */
export async function startFakeSlack(): Promise<FakeSlack> {
  let ts = 1_700_000_000;
  const nextTs = () => `${++ts}.000100`;
  const calls: SlackApiCall[] = [];
  const hooks: HookCall[] = [];
  /** Messages the default chat.postMessage accepted, which conversations.history reads back. */
  const messages: { channel: string; ts: string; text: unknown; metadata: unknown }[] = [];
  const handlers = new Map<string, FakeHandler>([
    ['auth.test', () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Example', user: 'newsbrief' })],
    ['chat.postMessage', (a) => {
      const posted = { channel: String(a.channel), ts: nextTs(), text: a.text, metadata: a.metadata };
      messages.push(posted);
      return { ok: true, channel: a.channel, ts: posted.ts, message: { ts: posted.ts, text: a.text } };
    }],
    // Newest first, as Slack answers; only messages after `oldest`; `limit` per page with a cursor;
    // metadata only when asked for.
    ['conversations.history', (a) => {
      const all = messages.filter((m) => m.channel === a.channel && (a.oldest === undefined || Number(m.ts) > Number(a.oldest))).reverse();
      const from = a.cursor ? Number(a.cursor) : 0;
      const to = from + Number(a.limit ?? 100);
      return {
        ok: true,
        has_more: to < all.length,
        response_metadata: { next_cursor: to < all.length ? String(to) : '' },
        messages: all
          .slice(from, to)
          .map((m) => ({ type: 'message', bot_id: 'BBOT', ts: m.ts, text: m.text, ...(String(a.include_all_metadata) === 'true' && m.metadata ? { metadata: m.metadata } : {}) })),
      };
    }],
    ['chat.postEphemeral', () => ({ ok: true, message_ts: nextTs() })],
    // UADMIN administers the bot's workspace T1; UEXTADMIN administers T2, another organisation whose
    // members share a Slack Connect channel with T1 (users.info describes them too).
    ['users.info', (a) => ({
      ok: true,
      user: { id: a.user, team_id: String(a.user).startsWith('UEXT') ? 'T2' : 'T1', is_admin: a.user === 'UADMIN' || a.user === 'UEXTADMIN', is_owner: false },
    })],
    ['views.open', () => ({ ok: true, view: { id: 'V1' } })],
  ]);

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith('/hooks/')) {
      hooks.push({ id: path.slice('/hooks/'.length), body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const call: SlackApiCall = { method, args: parseArgs(raw, req.headers['content-type']), at: Date.now(), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
    calls.push(call);
    const handler = handlers.get(method);
    const answer: FakeAnswer = handler ? await handler(call.args, call) : { ok: false, error: 'unknown_method' };
    if (isStatusAnswer(answer)) {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify(answer.body ?? {}));
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    hookUrl: (id) => `${url}/hooks/${id}`,
    calls,
    hooks,
    on: (method, handler) => void handlers.set(method, handler),
    handler: (method) => handlers.get(method) ?? (() => ({ ok: false, error: 'unknown_method' })),
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor: async <T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`fake Slack: condition not met within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Form bodies carry nested objects (blocks) as JSON strings; JSON bodies are parsed as is. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    args[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  }
  return args;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

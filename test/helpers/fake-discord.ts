/**
 * A local Discord: REST (`/api/v10/...`) and a gateway WebSocket speaking the real protocol
 * (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats → ACK, RESUME → RESUMED), on 127.0.0.1.
 * It records every request, dedupes channel posts by nonce when `enforce_nonce` is set (as Discord
 * does), and can answer the next posts with 429s. The real discord.js Client runs against it.
 */
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '100000000000000001';
export const BOT_ID = '100000000000000002';

export interface FakeGuild {
  id: string;
  channels: string[];
}

export interface RecordedRequest {
  method: string;
  /** Decoded path after `/api/v10` (e.g. `/webhooks/1/tok/messages/@original`). */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: any;
  /** `performance.now()` when the request arrived. */
  at: number;
}

export interface FakeDiscord {
  /** Pass as the adapter's `apiUrl` (discord.js appends `/v10`). */
  apiUrl: string;
  requests: RecordedRequest[];
  /** Messages that exist per channel (after nonce dedupe). */
  channelMessages: Map<string, any[]>;
  identifies: number;
  resumes: number;
  /** The `d` of the latest IDENTIFY (token, intents, shard …). */
  lastIdentify: any;
  /** Answer the next `count` channel posts with 429 and `retry_after`. */
  rateLimitNextPosts(count: number, retryAfterSec: number): void;
  /** Send a dispatch on the current gateway connection; resolves with `performance.now()` at send. */
  dispatch(t: string, d: unknown): number;
  /** Close the current gateway connection with `code` (4000 is resumable). */
  dropGateway(code: number): void;
  /** Resolve with the first request (already seen or future) matching `match`. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolve when the client has sent RESUME or IDENTIFY after `since` connections. */
  waitForSession(minSessions: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const USER = { id: BOT_ID, username: 'newsbrief', discriminator: '0', avatar: null, bot: true, global_name: null };

/** A message object with every field discord.js reads. */
export function messageObject(id: string, channelId: string, body: any = {}): any {
  return {
    id, channel_id: channelId, author: USER, content: body.content ?? '', timestamp: new Date().toISOString(),
    edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [],
    embeds: body.embeds ?? [], components: body.components ?? [], pinned: false, type: 0, flags: body.flags ?? 0,
    ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
  };
}

function guildObject(guild: FakeGuild): any {
  return {
    id: guild.id, name: `guild ${guild.id}`, icon: null, owner_id: '1', afk_channel_id: null, afk_timeout: 300,
    verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0, features: [], mfa_level: 0,
    system_channel_id: null, system_channel_flags: 0, rules_channel_id: null, vanity_url_code: null, description: null,
    banner: null, premium_tier: 0, preferred_locale: 'en-US', public_updates_channel_id: null, nsfw_level: 0,
    premium_progress_bar_enabled: false, joined_at: new Date().toISOString(), large: false, member_count: 2,
    roles: [{ id: guild.id, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '3072', managed: false, mentionable: false, flags: 0 }],
    channels: guild.channels.map((id, position) => ({ id, type: 0, name: `channel-${id}`, position, guild_id: guild.id, permission_overwrites: [], nsfw: false, parent_id: null })),
    members: [], emojis: [], stickers: [], threads: [], presences: [], voice_states: [], stage_instances: [], guild_scheduled_events: [],
  };
}

/** Start a fake Discord on 127.0.0.1. */
export async function startFakeDiscord(options: { guilds?: FakeGuild[]; heartbeatIntervalMs?: number } = {}): Promise<FakeDiscord> {
  const guilds = options.guilds ?? [];
  const events = new EventEmitter();
  const requests: RecordedRequest[] = [];
  const channelMessages = new Map<string, any[]>();
  const nonces = new Map<string, any>();
  let nextId = 200000000000000000n;
  const newId = () => String(++nextId);
  let pending429 = { count: 0, retryAfterSec: 0 };
  let seq = 0;
  let current: WebSocket | undefined;
  let sessions = 0;
  const state = { identifies: 0, resumes: 0, lastIdentify: undefined as any };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname.replace(/^\/api\/v10/, '')),
        query: url.searchParams,
        authorization: req.headers.authorization,
        body: raw && req.headers['content-type']?.includes('json') ? JSON.parse(raw) : raw,
        at: performance.now(),
      };
      requests.push(record);
      events.emit('request', record);
      route(record, res);
    });
  });

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  // A 204 must not carry content-type: @discordjs/rest would try to parse an empty JSON body.
  const noContent = (res: http.ServerResponse): void => void res.writeHead(204).end();

  function route(r: RecordedRequest, res: http.ServerResponse): void {
    const p = r.path;
    let m: RegExpMatchArray | null;
    if (r.authorization === 'Bot bad-token') return json(res, 401, { message: '401: Unauthorized', code: 0 });
    if (r.method === 'GET' && p === '/gateway/bot') {
      return json(res, 200, {
        url: `ws://127.0.0.1:${port}/gateway`, shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      });
    }
    if (r.method === 'GET' && p === '/users/@me') return json(res, 200, USER);
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) return noContent(res);
    if ((m = p.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      if (r.method === 'DELETE') return noContent(res);
      return json(res, 200, messageObject(newId(), 'webhook', r.body));
    }
    if (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(p)) return json(res, 200, messageObject(newId(), 'webhook', r.body));
    if (r.method === 'POST' && (m = p.match(/^\/channels\/(\d+)\/messages$/))) return postChannelMessage(m[1]!, r, res);
    if (r.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(p)) {
      return json(res, 200, (r.body as any[]).map((c) => ({ ...c, id: newId(), application_id: APP_ID, version: newId() })));
    }
    json(res, 404, { message: `Unknown route ${r.method} ${p}`, code: 0 });
  }

  function postChannelMessage(channelId: string, r: RecordedRequest, res: http.ServerResponse): void {
    if (pending429.count > 0) {
      pending429.count -= 1;
      const after = String(pending429.retryAfterSec);
      return json(res, 429, { message: 'You are being rate limited.', retry_after: pending429.retryAfterSec, global: false }, {
        'retry-after': after, 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': after,
        'x-ratelimit-bucket': 'fake-bucket', 'x-ratelimit-scope': 'user',
      });
    }
    const nonceKey = r.body?.enforce_nonce && r.body.nonce !== undefined ? `${channelId}:${r.body.nonce}` : undefined;
    if (nonceKey && nonces.has(nonceKey)) return json(res, 200, nonces.get(nonceKey));
    const message = messageObject(newId(), channelId, r.body);
    if (nonceKey) nonces.set(nonceKey, message);
    channelMessages.set(channelId, [...(channelMessages.get(channelId) ?? []), message]);
    json(res, 200, message);
  }

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/gateway')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => serveGateway(ws));
  });

  function send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  function serveGateway(ws: WebSocket): void {
    current = ws;
    send(ws, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 5_000 } });
    ws.on('message', (data) => {
      const p = JSON.parse(String(data));
      if (p.op === 1) send(ws, { op: 11 });
      if (p.op === 2) {
        state.identifies += 1;
        state.lastIdentify = p.d;
        send(ws, { op: 0, t: 'READY', s: ++seq, d: {
          v: 10, user: USER, guilds: guilds.map((g) => ({ id: g.id, unavailable: true })), session_id: `sess-${state.identifies}`,
          resume_gateway_url: `ws://127.0.0.1:${port}/gateway`, application: { id: APP_ID, flags: 0 }, shard: p.d.shard,
        } });
        for (const g of guilds) send(ws, { op: 0, t: 'GUILD_CREATE', s: ++seq, d: guildObject(g) });
        sessions += 1;
        events.emit('session');
      }
      if (p.op === 6) {
        state.resumes += 1;
        send(ws, { op: 0, t: 'RESUMED', s: ++seq, d: {} });
        sessions += 1;
        events.emit('session');
      }
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    channelMessages,
    get identifies() { return state.identifies; },
    get resumes() { return state.resumes; },
    get lastIdentify() { return state.lastIdentify; },
    rateLimitNextPosts(count, retryAfterSec) { pending429 = { count, retryAfterSec }; },
    dispatch(t, d) {
      if (!current) throw new Error('fake discord: no gateway connection');
      send(current, { op: 0, t, s: ++seq, d });
      return performance.now();
    },
    dropGateway(code) { current?.close(code, 'fake drop'); current = undefined; },
    async waitForRequest(match, timeoutMs = 10_000) {
      const seen = requests.find(match);
      if (seen) return seen;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { events.off('request', listener); reject(new Error('fake discord: request not seen in time')); }, timeoutMs);
        const listener = (r: RecordedRequest) => {
          if (!match(r)) return;
          clearTimeout(timer); events.off('request', listener); resolve(r);
        };
        events.on('request', listener);
      });
    },
    async waitForSession(minSessions, timeoutMs = 10_000) {
      const deadline = AbortSignal.timeout(timeoutMs);
      while (sessions < minSessions) await once(events, 'session', { signal: deadline });
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The HTTP interactions endpoint (the app's "Interactions Endpoint URL"): a node:http server that
 * checks every request's Ed25519 signature over the raw body before anything else reads it,
 * answers Discord's PING, and hands each other interaction to the adapter together with a way to
 * send the first response as the HTTP response. `GET /healthz` answers `ok` for load balancers.
 */
import http from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord.js';
import type { Logger } from '../../core/platform.js';
import { InteractionExpiredError, type SendInitial } from './responder.js';
import { describeError } from './rest-client.js';
import { checkSignature, createReplayGuard } from './verify-signature.js';

/** Largest request body accepted; interactions are a few kB. */
export const MAX_BODY_BYTES = 100_000;
/**
 * Discord stops waiting for the first response after 3 s and invalidates the interaction's token;
 * past this we answer 500 ourselves (so the connection does not hang) and refuse a late response.
 */
export const FIRST_RESPONSE_LIMIT_MS = 3_000;

export interface InteractionsServerOptions {
  publicKey: KeyObject;
  /** Request path of the endpoint, e.g. `/discord/interactions`. */
  path: string;
  port: number;
  /** Interface to listen on; all interfaces when absent. */
  host?: string;
  log: Logger;
  /**
   * Serve one verified interaction (never a PING). Must call `sendInitial` once, soon; may keep
   * working afterwards (editing the deferred reply through REST).
   */
  onInteraction(raw: APIInteraction, sendInitial: SendInitial): Promise<void>;
  /** Clock for the replay check (tests). */
  now?: () => number;
  /** How long an interaction may take to its first response; default {@link FIRST_RESPONSE_LIMIT_MS} (tests shorten it). */
  firstResponseLimitMs?: number;
}

export interface InteractionsServer {
  /** The endpoint's URL on the bound address, e.g. `http://127.0.0.1:3001/discord/interactions`. */
  url: string;
  close(): Promise<void>;
}

type Res = http.ServerResponse;

function sendJson(res: Res, status: number, body: unknown): Promise<void> {
  return new Promise((resolve) => {
    if (res.headersSent) return resolve();
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body), () => resolve());
  });
}

/**
 * Start listening.
 * @throws the listen error (e.g. EADDRINUSE) when the port is taken
 */
export async function startInteractionsServer(options: InteractionsServerOptions): Promise<InteractionsServer> {
  const { log } = options;
  const now = options.now ?? Date.now;
  const limitMs = options.firstResponseLimitMs ?? FIRST_RESPONSE_LIMIT_MS;
  const seenBefore = createReplayGuard();
  /** Deadlines of interactions still waiting for their first response; close() clears them. */
  const deadlines = new Set<NodeJS.Timeout>();

  async function serve(req: http.IncomingMessage, res: Res, body: Buffer): Promise<void> {
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    const checked = checkSignature(options.publicKey, body, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, now());
    const problem = checked ?? (seenBefore(String(signature), now()) ? 'replayed' : undefined);
    if (problem) {
      log.warn('discord interaction refused: bad signature', { problem });
      return void (await sendJson(res, 401, { error: 'invalid request signature' }));
    }
    let raw: APIInteraction;
    try {
      raw = JSON.parse(body.toString('utf8')) as APIInteraction;
      if (typeof raw !== 'object' || raw === null || typeof raw.type !== 'number') throw new Error('not an interaction');
    } catch {
      return void (await sendJson(res, 400, { error: 'malformed JSON' }));
    }
    if (raw.type === InteractionType.Ping) return void (await sendJson(res, 200, { type: InteractionResponseType.Pong }));
    await dispatch(raw, res);
  }

  async function dispatch(raw: APIInteraction, res: Res): Promise<void> {
    let sent = false;
    let expired = false;
    const timer = setTimeout(() => {
      deadlines.delete(timer);
      if (sent) return;
      sent = true;
      expired = true;
      log.error('discord interaction got no first response in time', { type: raw.type, limitMs });
      void sendJson(res, 500, { error: 'no response in time' });
    }, limitMs);
    deadlines.add(timer);
    const settle = (): void => {
      clearTimeout(timer);
      deadlines.delete(timer);
    };
    const sendInitial: SendInitial = async (response) => {
      // Discord has already shown "This interaction failed" and dropped the token: nothing may follow.
      if (expired) throw new InteractionExpiredError(limitMs);
      if (sent) throw new Error('The HTTP response for this interaction has already been sent.');
      sent = true;
      settle();
      await sendJson(res, 200, response);
    };
    try {
      await options.onInteraction(raw, sendInitial);
    } finally {
      settle();
      if (!sent) {
        sent = true;
        await sendJson(res, 400, { error: 'unsupported interaction' });
      }
    }
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path === '/healthz' && req.method === 'GET') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (path !== options.path) return void sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST', 'content-type': 'application/json' }).end('{"error":"method not allowed"}');
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      return void res.writeHead(413, { connection: 'close', 'content-type': 'application/json' }).end('{"error":"body too large"}');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    // A client that hangs up mid-body is not an error worth more than dropping the request.
    req.on('error', () => res.destroy());
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return void sendJson(res, 413, { error: 'body too large' });
      serve(req, res, Buffer.concat(chunks)).catch((err: unknown) => {
        log.error('discord interactions endpoint failed', { err: describeError(err) });
        void sendJson(res, 500, { error: 'internal error' });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${options.path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of deadlines) clearTimeout(timer);
        deadlines.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

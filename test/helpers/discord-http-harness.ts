/**
 * The Discord adapter in HTTP-interactions mode, with the test playing Discord: it holds an
 * Ed25519 key pair, signs each interaction the way Discord does (`timestamp + rawBody`) and POSTs
 * it to the adapter's endpoint on 127.0.0.1. Follow-ups land on the same fake Discord REST as the
 * gateway tests use.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/index.js';
import type { CoreApi, Logger } from '../../src/core/platform.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { BOT_TOKEN, CHANNEL, GUILD, QUIET_LOGGER, startPages } from './discord-harness.js';

export const INTERACTIONS_PATH = '/discord/interactions';

/** A fresh key pair and its public key as the hex string the Developer Portal shows. */
export function makeKeyPair(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyHex: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex') };
}

/** Discord's two signature headers for `body` signed at `timestamp` (Unix seconds). */
export function signHeaders(privateKey: KeyObject, body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  return { 'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
}

export interface HttpResult {
  status: number;
  body: any;
  /** Milliseconds from sending to the whole response. */
  ms: number;
}

export interface DiscordHttpHarness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  pagesUrl: string;
  /** The adapter's endpoint URL. */
  url: string;
  privateKey: KeyObject;
  /** Sign `payload` and POST it; `tamper` edits the request after signing. */
  send(payload: unknown, tamper?: (req: { body: string; headers: Record<string, string> }) => void): Promise<HttpResult>;
  /** A raw request to the endpoint (no signing). */
  request(init: RequestInit & { path?: string }): Promise<HttpResult>;
  stop(): Promise<void>;
}

async function toResult(response: Response, started: number): Promise<HttpResult> {
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (405 and health answers are plain)
  }
  return { status: response.status, body, ms: performance.now() - started };
}

/** Start the fake Discord (REST), the page server and the adapter serving interactions over HTTP. */
export async function startDiscordHttpHarness(core: CoreApi, logger: Logger = QUIET_LOGGER): Promise<DiscordHttpHarness> {
  const fake = await startFakeDiscord({ guilds: [{ id: GUILD, channels: [CHANNEL] }] });
  const pages = await startPages();
  const { privateKey, publicKeyHex } = makeKeyPair();
  const adapter = createDiscordAdapter({
    token: BOT_TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl, restOffsetMs: 0, logger,
    interactions: { publicKey: publicKeyHex, path: INTERACTIONS_PATH, port: 0, host: '127.0.0.1' },
  });
  await adapter.start(core);
  const url = adapter.interactionsUrl!;
  return {
    fake,
    adapter,
    pagesUrl: `http://127.0.0.1:${(pages.address() as AddressInfo).port}`,
    url,
    privateKey,
    async send(payload, tamper) {
      const req = { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } as Record<string, string> };
      Object.assign(req.headers, signHeaders(privateKey, req.body));
      tamper?.(req);
      const started = performance.now();
      return toResult(await fetch(url, { method: 'POST', body: req.body, headers: req.headers }), started);
    },
    async request({ path, ...init }) {
      const started = performance.now();
      return toResult(await fetch(path ? new URL(path, url) : url, init), started);
    },
    async stop() {
      await adapter.stop();
      pages.closeAllConnections();
      await new Promise<void>((r) => pages.close(() => r()));
      await fake.close();
    },
  };
}

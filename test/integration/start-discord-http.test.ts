/**
 * `newsbrief start` with DISCORD_PUBLIC_KEY: Discord interactions come to the signed HTTP endpoint
 * on DISCORD_HTTP_PORT and no gateway connection is opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { Logger } from '../../src/core/platform.js';
import { createApp, type App, type RunningApp } from '../../src/main.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { slashPayload } from '../helpers/discord-payloads.js';
import { MEMBER, isFollowUp } from '../helpers/discord-harness.js';
import { makeKeyPair, signHeaders } from '../helpers/discord-http-harness.js';

describe('newsbrief start with the Discord HTTP interactions endpoint', () => {
  const { privateKey, publicKeyHex } = makeKeyPair();
  let discord: FakeDiscord;
  let app: App;
  let running: RunningApp;
  let url: string;

  beforeAll(async () => {
    discord = await startFakeDiscord();
    const config = loadConfig({
      env: {
        DATABASE_URL: 'sqlite://:memory:',
        DISCORD_TOKEN: 'start.http.token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_PUBLIC_KEY: publicKeyHex,
        DISCORD_INTERACTIONS_PATH: '/hooks/discord',
        DISCORD_HTTP_PORT: '0',
      },
    });
    // Port 0 picks a free port; the endpoint logs where it listens (all interfaces, so we dial loopback).
    const onInfo = (msg: string, data?: Record<string, unknown>): void => {
      if (msg.includes('interactions endpoint')) url = String(data?.url).replace(/^http:\/\/.*:(\d+)\//, 'http://127.0.0.1:$1/');
    };
    const logger: Logger = { debug() {}, warn() {}, error() {}, info: onInfo };
    app = await createApp(config, { logger });
    running = await app.start();
  });

  afterAll(async () => {
    await running?.stop();
    await app?.close();
    await discord?.close();
  });

  const post = async (payload: unknown) => {
    const body = JSON.stringify(payload);
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signHeaders(privateKey, body) } });
    return { status: res.status, body: await res.json() };
  };

  it('answers a signed PING on the configured path and port without a gateway connection', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/discord$/);
    expect(await post({ id: '1', application_id: APP_ID, type: 1, token: 'ping', version: 1 })).toEqual({ status: 200, body: { type: 1 } });
    expect(discord.identifies).toBe(0);
  });

  it('serves /brief help through the real core, privately, after the deferral', async () => {
    const payload = slashPayload(MEMBER, ['help']);
    expect((await post(payload)).body).toEqual({ type: 5 });
    const help = await discord.waitForRequest(isFollowUp(payload));
    expect(help.body.embeds[0].description).toContain('/brief');
    expect(help.body.flags & 64).toBe(64);
  });
});

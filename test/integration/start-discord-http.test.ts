/**
 * `newsbrief start` with DISCORD_PUBLIC_KEY: Discord interactions come to the signed HTTP endpoint
 * on DISCORD_HTTP_PORT and no gateway connection is opened.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { createApp, type App, type RunningApp } from '../../src/main.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { slashPayload } from '../helpers/discord-payloads.js';
import { MEMBER, isFollowUp } from '../helpers/discord-harness.js';
import { makeKeyPair, signHeaders } from '../helpers/discord-http-harness.js';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('newsbrief start with the Discord HTTP interactions endpoint', () => {
  const { privateKey, publicKeyHex } = makeKeyPair();
  let discord: FakeDiscord;
  let app: App;
  let running: RunningApp;
  let url: string;

  beforeAll(async () => {
    discord = await startFakeDiscord();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/hooks/discord`;
    const config = loadConfig({
      env: {
        DATABASE_URL: 'sqlite://:memory:',
        DISCORD_TOKEN: 'start.http.token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_PUBLIC_KEY: publicKeyHex,
        DISCORD_INTERACTIONS_PATH: '/hooks/discord',
        DISCORD_HTTP_PORT: String(port),
      },
    });
    app = await createApp(config, { logger: silentLogger });
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

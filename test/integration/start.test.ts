/**
 * `newsbrief start` wiring: configuration → every adapter with credentials → the real core, and
 * the digest schedules; everything against local fakes of Slack and Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { createApp, type App, type RunningApp } from '../../src/main.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { makeStoredBriefing } from '../contract/store.contract.js';
import { freePort } from '../helpers/free-port.js';

describe('newsbrief start', () => {
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let app: App;
  let running: RunningApp;
  let port: number;

  beforeAll(async () => {
    discord = await startFakeDiscord();
    slack = await startFakeSlack();
    port = await freePort();
    const config = loadConfig({
      env: {
        DATABASE_URL: 'sqlite://:memory:',
        PORT: String(port),
        SLACK_BOT_TOKEN: 'xoxb-start-test',
        SLACK_SIGNING_SECRET: 'start-secret',
        SLACK_API_URL: slack.apiUrl,
        DISCORD_TOKEN: 'start.test.token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.apiUrl,
      },
    });
    app = await createApp(config, { logger: silentLogger });
    await app.store().saveBriefing(makeStoredBriefing('old', { platform: 'slack', workspace: 'T1', channel: 'C1' }, new Date(Date.now() - 30 * 86_400_000)));
    await app.store().saveBriefing(makeStoredBriefing('fresh', { platform: 'slack', workspace: 'T1', channel: 'C1' }, new Date()));
    running = await app.start();
  });

  afterAll(async () => {
    await running?.stop();
    await app?.close();
    await discord?.close();
    await slack?.close();
  });

  it('connects to Discord with the Guilds intent only', () => {
    expect(discord.identifies).toBeGreaterThanOrEqual(1);
    expect(discord.lastIdentify.intents).toBe(1);
  });

  it('serves Slack events and answers /healthz once ready', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'command=%2Fbrief&text=help',
    });
    expect(unsigned.status).toBe(401);
  });

  it('forgets briefings and their article text once they have expired', async () => {
    expect(await app.store().getBriefing('old')).toBeUndefined();
    expect(await app.store().getBriefing('fresh')).toBeDefined();
  });

  it('stops the adapters it already started when another one fails, so the process can exit', async () => {
    const otherPort = await freePort();
    const env = {
      DATABASE_URL: 'sqlite://:memory:',
      PORT: String(otherPort),
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: 'start-secret',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'bad-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
    };
    const broken = await createApp(loadConfig({ env }), { logger: silentLogger });
    await expect(broken.start()).rejects.toThrow(/DISCORD_TOKEN/);
    await broken.close();
    // The Slack listener started before Discord failed must be closed, or the process never exits.
    const refused = await fetch(`http://127.0.0.1:${otherPort}/healthz`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
  });

  it('refuses to start, before any adapter listens, when DATABASE_URL points at no database', async () => {
    const [slackPort, dbPort] = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: `postgres://newsbrief:secret-pw@127.0.0.1:${dbPort}/newsbrief`,
      PORT: String(slackPort),
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: 'start-secret',
      SLACK_API_URL: slack.apiUrl,
    };
    const broken = await createApp(loadConfig({ env }), { logger: silentLogger });
    const err = await broken.start().then(() => undefined, (e: unknown) => e as Error);
    await broken.close();
    expect(err?.message).toMatch(/DATABASE_URL/);
    expect(err?.message).not.toContain('secret-pw');
    const listening = await fetch(`http://127.0.0.1:${slackPort}/healthz`).then(
      () => true,
      () => false,
    );
    expect(listening).toBe(false);
  });

  it('refuses to start with no chat platform configured, saying what to set', async () => {
    const bare = await createApp(loadConfig({ env: { DATABASE_URL: 'sqlite://:memory:' } }), { logger: silentLogger });
    await expect(bare.start()).rejects.toThrow(/SLACK_BOT_TOKEN|DISCORD_TOKEN/);
    await bare.close();
  });
});

/**
 * `newsbrief start` with the OAuth keys instead of SLACK_BOT_TOKEN: the Slack adapter serves the
 * install path and finds each workspace's token in the application's own store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { createApp, type App, type RunningApp } from '../../src/main.js';
import { makeInstallation } from '../contract/store.contract.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { freePort } from '../helpers/free-port.js';
import { sendSigned, slashCommandBody } from '../helpers/slack-sign.js';

const SIGNING_SECRET = 'start-oauth-signing-secret';

describe('newsbrief start with Slack OAuth', () => {
  let slack: FakeSlack;
  let app: App;
  let running: RunningApp;
  let port: number;

  beforeAll(async () => {
    slack = await startFakeSlack();
    port = await freePort();
    const config = loadConfig({
      env: {
        DATABASE_URL: 'sqlite://:memory:',
        PORT: String(port),
        SLACK_CLIENT_ID: '1.2',
        SLACK_CLIENT_SECRET: 'start-client-secret',
        SLACK_STATE_SECRET: 'start-state-secret',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
    });
    app = await createApp(config, { logger: silentLogger });
    running = await app.start();
  });

  afterAll(async () => {
    await running?.stop();
    await app?.close();
    await slack?.close();
  });

  it('starts without a bot token and sends installers to Slack from /slack/install', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?.*client_id=1\.2/);
    expect(slack.callsTo('auth.test')).toHaveLength(0);
  });

  it("answers a workspace installed in the app's store with that workspace's token", async () => {
    await app.store().saveInstallation(makeInstallation('T9', 'xoxb-9-from-the-store'));
    const res = await sendSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody({ text: 'feeds list', team_id: 'T9', response_url: slack.hookUrl('h') }), { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    const answer = await slack.waitFor(() => slack.callsTo('chat.postMessage')[0] ?? slack.hooks[0]);
    expect('authorization' in answer ? answer.authorization : 'answered through response_url').toBe('Bearer xoxb-9-from-the-store');
  });
});

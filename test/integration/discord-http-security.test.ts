/**
 * What reaches the core through the Discord HTTP endpoint: only requests signed by the app's key,
 * fresh, well-formed and of a sane size. Checked through the fake core's recorded inputs and the
 * fake Discord's request log (nothing may be answered through REST for a refused request).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/index.js';
import { APP_ID, startFakeDiscord } from '../helpers/fake-discord.js';
import { createDiscordFakeCore, type DiscordFakeCore } from '../helpers/discord-fake-core.js';
import { slashPayload } from '../helpers/discord-payloads.js';
import { BOT_TOKEN, MANAGER, MEMBER, createRecordingLogger, isDelete, isEdit, isFollowUp } from '../helpers/discord-harness.js';
import { makeKeyPair, signHeaders, startDiscordHttpHarness, type DiscordHttpHarness } from '../helpers/discord-http-harness.js';

describe('Discord HTTP endpoint security and limits', () => {
  let h: DiscordHttpHarness;
  let core: DiscordFakeCore;
  const logger = createRecordingLogger();

  beforeAll(async () => {
    core = createDiscordFakeCore();
    h = await startDiscordHttpHarness(core, logger);
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Send `payload` with `tamper` applied and expect a 401 that reached neither the core nor Discord. */
  async function expectRefused(tamper: Parameters<DiscordHttpHarness['send']>[1]): Promise<void> {
    const before = { inputs: core.inputs.length, requests: h.fake.requests.length };
    const payload = slashPayload(MANAGER, ['help']);
    const res = await h.send(payload, tamper);
    expect(res.status).toBe(401);
    // Give a wrongly started handler time to reach the core or the fake.
    await new Promise((r) => setTimeout(r, 100));
    expect(core.inputs.length).toBe(before.inputs);
    expect(h.fake.requests.length).toBe(before.requests);
  }

  it('refuses a request signed with another key', async () => {
    const forger = makeKeyPair().privateKey;
    await expectRefused((req) => Object.assign(req.headers, signHeaders(forger, req.body)));
  });

  it('refuses a body changed after signing', async () => {
    await expectRefused((req) => {
      req.body = req.body.replace('"help"', '"feeds"');
    });
  });

  it('refuses a request without signature headers', async () => {
    await expectRefused((req) => {
      delete req.headers['x-signature-ed25519'];
    });
    await expectRefused((req) => {
      delete req.headers['x-signature-timestamp'];
    });
  });

  it('refuses a correctly signed request replayed after more than 5 minutes', async () => {
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    await expectRefused((req) => Object.assign(req.headers, signHeaders(h.privateKey, req.body, stale)));
    expect(logger.text()).toContain('stale');
  });

  it('refuses a captured request sent again within the 5 minutes (a replay), after serving it once', async () => {
    const ping = { id: '7', application_id: APP_ID, type: 1, token: 'ping', version: 1 };
    const captured: Record<string, string> = {};
    const first = await h.send(ping, (req) => Object.assign(captured, req.headers));
    expect(first.status).toBe(200);
    const again = await h.send(ping, (req) => Object.assign(req.headers, captured));
    expect(again.status).toBe(401);
    expect(logger.text()).toContain('replayed');
    // A new signature over the same body (a new timestamp) is a new request.
    const later = String(Math.floor(Date.now() / 1000) + 1);
    expect((await h.send(ping, (req) => Object.assign(req.headers, signHeaders(h.privateKey, req.body, later)))).status).toBe(200);
  });

  it('answers a PING only when it is signed', async () => {
    const ping = { id: '1', application_id: '1', type: 1, token: 'ping', version: 1 };
    expect((await h.send(ping, (req) => Object.assign(req.headers, signHeaders(makeKeyPair().privateKey, req.body)))).status).toBe(401);
  });

  it('answers 405 to anything but POST, 400 to signed garbage and 413 to a huge body', async () => {
    const get = await h.request({ method: 'GET' });
    expect(get.status).toBe(405);
    const garbage = await h.send({}, (req) => {
      req.body = '{"type": 2, oops';
      Object.assign(req.headers, signHeaders(h.privateKey, req.body));
    });
    expect(garbage.status).toBe(400);
    const huge = JSON.stringify({ type: 2, padding: 'x'.repeat(150_000) });
    const big = await h.request({ method: 'POST', body: huge, headers: { 'content-type': 'application/json', ...signHeaders(h.privateKey, huge) } });
    expect(big.status).toBe(413);
    expect((await h.request({ method: 'GET', path: '/healthz' })).body).toBe('ok');
  });

  it('never asks the core when a member without Manage Server adds a feed', async () => {
    const before = core.inputs.length;
    const res = await h.send(slashPayload(MEMBER, ['feeds', 'add'], { url: 'https://example.org/feed.xml' }));
    expect(res.body.data.flags & 64).toBe(64);
    expect(core.inputs.length).toBe(before);
  });

  it('passes a manager’s command to the core with canManage and the same text as the gateway', async () => {
    const payload = slashPayload(MANAGER, ['schedule', 'set'], { when: 'daily 08:00', timezone: 'Europe/Paris', topics: 'climate, energy' });
    expect((await h.send(payload)).body).toEqual({ type: 5 });
    await h.fake.waitForRequest(isEdit(payload));
    expect(core.inputs.at(-1)).toMatchObject({
      channel: { platform: 'discord', workspace: MANAGER.guildId, channel: MANAGER.channelId },
      text: 'schedule set daily 08:00 tz:Europe/Paris topics:climate,energy',
      canManage: true,
      userName: 'Grace',
    });
  });

  it('answers 400 to a signed interaction it does not serve, without asking the core', async () => {
    const before = core.inputs.length;
    const other = slashPayload(MEMBER, ['help']);
    other.data.name = 'someone-elses-command';
    expect((await h.send(other)).status).toBe(400);
    const select = { ...slashPayload(MEMBER, ['help']), type: 3, data: { custom_id: 'nb:v1:more:b1', component_type: 3, values: ['x'] } };
    expect((await h.send(select)).status).toBe(400);
    expect(core.inputs.length).toBe(before);
  });

  it('asks for a server channel when /brief comes from a DM', async () => {
    const { guild_id: _g, member, channel: _c, ...rest } = slashPayload(MEMBER, ['help']);
    const res = await h.send({ ...rest, channel: { id: '800000000000000001', type: 1 }, user: member.user, context: 1 });
    expect(res.body.type).toBe(4);
    expect(res.body.data.flags & 64).toBe(64);
    expect(res.body.data.content).toMatch(/server channel/);
  });

  it('answers a core bug with a generic private message and logs no token', async () => {
    const boom = slashPayload(MEMBER, ['text'], { content: 'boom' });
    expect((await h.send(boom)).body).toEqual({ type: 5 });
    await h.fake.waitForRequest(isDelete(boom));
    const notice = await h.fake.waitForRequest(isFollowUp(boom));
    expect(notice.body.flags & 64).toBe(64);
    expect(notice.body.content).toContain('Something went wrong on our side');
    expect(logger.text()).toContain('fake core bug');
    expect(logger.text()).not.toContain(BOT_TOKEN);
    expect(logger.text()).not.toContain(boom.token);
  });
});

describe('Discord HTTP endpoint start-up', () => {
  it('says which setting to fix when Discord refuses the bot token, before listening', async () => {
    const fake = await startFakeDiscord();
    const adapter = createDiscordAdapter({
      token: 'bad-token', applicationId: APP_ID, apiUrl: fake.apiUrl, restOffsetMs: 0,
      interactions: { publicKey: makeKeyPair().publicKeyHex, port: 0, host: '127.0.0.1' },
    });
    const error = await adapter.start(createDiscordFakeCore()).catch((e: unknown) => e);
    await fake.close();
    expect((error as Error).message).toMatch(/DISCORD_TOKEN/);
    expect((error as Error).message).not.toContain('bad-token');
    expect(adapter.interactionsUrl).toBeUndefined();
  });

  it('names DISCORD_HTTP_PORT when the endpoint’s port is taken', async () => {
    const fake = await startFakeDiscord();
    const taken = await startFakeDiscord();
    const port = Number(new URL(taken.apiUrl).port);
    const adapter = createDiscordAdapter({
      token: BOT_TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl, restOffsetMs: 0,
      interactions: { publicKey: makeKeyPair().publicKeyHex, port, host: '127.0.0.1' },
    });
    const error = await adapter.start(createDiscordFakeCore()).catch((e: unknown) => e);
    await Promise.all([fake.close(), taken.close()]);
    expect((error as Error).message).toMatch(new RegExp(`port ${port} \\(EADDRINUSE\\).*DISCORD_HTTP_PORT`));
  });

  it('refuses a public key that is not 64 hex characters when the adapter is created', () => {
    expect(() => createDiscordAdapter({ token: BOT_TOKEN, applicationId: APP_ID, interactions: { publicKey: 'nope' } })).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});

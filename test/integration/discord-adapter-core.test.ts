/**
 * What the adapter hands the core and how it survives a core bug, checked through the fake
 * core's recorded inputs (these depend on the fake core, so they are not in the shared suite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import { createDiscordAdapter, registerCommands } from '../../src/adapters/discord/index.js';
import { NewsbriefError, RateLimitError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/platform.js';
import { APP_ID } from '../helpers/fake-discord.js';
import { createDiscordFakeCore, type DiscordFakeCore } from '../helpers/discord-fake-core.js';
import { buttonPayload, modalSubmitPayload, slashPayload } from '../helpers/discord-payloads.js';
import {
  BOT_TOKEN, CHANNEL, GUILD, MANAGER, MEMBER, customIds, isCallback, isDelete, isEdit, isFollowUp, startDiscordHarness, type DiscordHarness,
} from '../helpers/discord-harness.js';

describe('Discord adapter → core', () => {
  let h: DiscordHarness;
  let core: DiscordFakeCore;
  const logged: unknown[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (m, d) => void logged.push([m, d]), error: (m, d) => void logged.push([m, d]) };

  beforeAll(async () => {
    core = createDiscordFakeCore();
    h = await startDiscordHarness(core, logger);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('passes a manager’s `schedule set` to the core in its text form, with canManage', async () => {
    const payload = slashPayload(MANAGER, ['schedule', 'set'], { when: 'daily 08:00', timezone: 'Europe/Paris', topics: 'climate, energy' });
    h.fake.dispatch('INTERACTION_CREATE', payload);
    await h.fake.waitForRequest(isEdit(payload));
    expect(core.inputs.at(-1)).toMatchObject({
      channel: { platform: 'discord', workspace: GUILD, channel: CHANNEL },
      text: 'schedule set daily 08:00 tz:Europe/Paris topics:climate,energy',
      canManage: true,
      userName: 'Grace',
    });
  });

  it('never asks the core when a member tries to change the schedule', async () => {
    const before = core.inputs.length;
    const payload = slashPayload(MEMBER, ['schedule', 'off']);
    h.fake.dispatch('INTERACTION_CREATE', payload);
    expect((await h.fake.waitForRequest(isCallback(payload))).body.type).toBe(4);
    expect(core.inputs.length).toBe(before);
  });

  it('sends the modal’s question as an ask follow-up on the button’s briefing', async () => {
    const link = slashPayload(MEMBER, ['link'], { url: `${h.pagesUrl}/fast` });
    h.fake.dispatch('INTERACTION_CREATE', link);
    const ask = customIds((await h.fake.waitForRequest(isEdit(link))).body).find((id) => id.startsWith('nb:v1:ask:'))!;
    const submit = modalSubmitPayload(MEMBER, ask, 'Who pays for it?');
    h.fake.dispatch('INTERACTION_CREATE', submit);
    await h.fake.waitForRequest(isEdit(submit));
    expect(core.inputs.at(-1)).toMatchObject({ text: '', followup: { verb: 'ask', briefingId: ask.split(':').at(-1), arg: 'Who pays for it?' } });
  });

  it('answers a core bug with a generic private message, logs it without the token, and keeps serving', async () => {
    const boom = slashPayload(MEMBER, ['text'], { content: 'boom' });
    h.fake.dispatch('INTERACTION_CREATE', boom);
    await h.fake.waitForRequest(isDelete(boom));
    const notice = await h.fake.waitForRequest(isFollowUp(boom));
    expect(notice.body.flags & 64).toBe(64);
    expect(notice.body.content).toContain('Something went wrong on our side');
    expect(JSON.stringify(logged)).toContain('fake core bug');
    expect(JSON.stringify(logged)).not.toContain(BOT_TOKEN);

    const next = slashPayload(MEMBER, ['help']);
    h.fake.dispatch('INTERACTION_CREATE', next);
    expect((await h.fake.waitForRequest(isEdit(next))).body.embeds.length).toBe(1);
  });

  it('refuses a button from an unknown format without asking the core', async () => {
    const before = core.inputs.length;
    const click = buttonPayload(MEMBER, 'legacy-button-42');
    h.fake.dispatch('INTERACTION_CREATE', click);
    const reply = await h.fake.waitForRequest(isCallback(click));
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags & 64).toBe(64);
    expect(core.inputs.length).toBe(before);
  });

  it('connects with the Guilds intent only and does not register commands on start', () => {
    expect(h.fake.lastIdentify.intents).toBe(GatewayIntentBits.Guilds);
    expect(h.fake.requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('registers globally when no guild is given', async () => {
    await registerCommands({ token: BOT_TOKEN, applicationId: APP_ID, apiUrl: h.fake.apiUrl });
    expect(h.fake.requests.some((r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/commands`)).toBe(true);
  });

  it('hands a long rate limit back as RateLimitError instead of waiting minutes', async () => {
    h.fake.rateLimitNextPosts(1, 120);
    const channel = { platform: 'discord' as const, workspace: GUILD, channel: '700000000000000099' };
    const error = await h.adapter.post(channel, { kind: 'digest', heading: 'Later' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(60_000);
  });

  it('says which setting to fix when Discord refuses the token', async () => {
    const adapter = createDiscordAdapter({ token: 'bad-token', applicationId: APP_ID, apiUrl: h.fake.apiUrl, restOffsetMs: 0, logger });
    const error = await adapter.start(core).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsbriefError);
    expect((error as NewsbriefError).message).toMatch(/DISCORD_TOKEN/);
    expect((error as NewsbriefError).message).not.toContain('bad-token');
  });

  it('identifies again and keeps answering when the gateway drops the session (close 4007, invalid seq)', async () => {
    const identifies = h.fake.identifies;
    h.fake.dropGateway(4007);
    await h.fake.waitForSession(identifies + h.fake.resumes + 1);
    expect(h.fake.identifies).toBe(identifies + 1);
    const next = slashPayload(MEMBER, ['help']);
    h.fake.dispatch('INTERACTION_CREATE', next);
    expect((await h.fake.waitForRequest(isEdit(next))).body.embeds.length).toBe(1);
  });

  it('sends a reply too big for one message as the edited reply plus follow-ups, all public', async () => {
    const payload = slashPayload(MEMBER, ['text'], { content: 'many links' });
    h.fake.dispatch('INTERACTION_CREATE', payload);
    const edit = await h.fake.waitForRequest(isEdit(payload));
    const more = await h.fake.waitForRequest(isFollowUp(payload));
    expect(edit.body.embeds[0].title).toBe('Big digest');
    expect((more.body.flags ?? 0) & 64).toBe(0);
    expect(more.body.allowed_mentions).toEqual({ parse: [] });
  });
});

/**
 * The Discord adapter end to end: the real discord.js Client against a local fake Discord
 * (REST + gateway), with the core as a parameter. `discord.test.ts` runs it with a fake core;
 * after the merge it runs with the real core too (which must then be allowed to fetch
 * 127.0.0.1 pages, since the slow article is served locally).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, registerCommands, type DiscordAdapter } from '../../src/adapters/discord/index.js';
import type { CoreApi } from '../../src/core/platform.js';
import { APP_ID, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../helpers/fake-discord.js';
import {
  MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, autocompletePayload, buttonPayload, modalSubmitPayload, slashPayload, type Actor,
} from '../helpers/discord-payloads.js';

export const SLOW_PAGE_MS = 5_000;
const GUILD = '700000000000000001';
const CHANNEL = '700000000000000011';
const OTHER_GUILD = '700000000000000002';
const OTHER_CHANNEL = '700000000000000022';
const ARTICLE = `<html><head><title>Council approves river park</title></head><body><article>
<p>The city council approved the river park on Tuesday after a two-year debate. Construction starts in March.
Critics said the budget of 12 million euros was too high. @everyone should read the plan, said the mayor.</p></article></body></html>`;

/** A page server: `/slow` answers after SLOW_PAGE_MS, `/fast` at once. */
async function startPages(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const send = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    if (req.url?.startsWith('/slow')) setTimeout(send, SLOW_PAGE_MS);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => { server.closeAllConnections(); await new Promise<void>((r) => server.close(() => r())); },
  };
}

const isCallback = (payload: any) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/interactions/${payload.id}/${payload.token}/callback`;
const isEdit = (payload: any) => (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${payload.token}/messages/@original`;
const isFollowUp = (payload: any) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${payload.token}`;
const isDelete = (payload: any) => (r: RecordedRequest) => r.method === 'DELETE' && r.path === `/webhooks/${APP_ID}/${payload.token}/messages/@original`;

/** Every custom id on a rendered message. */
const customIds = (body: any): string[] => (body.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));

/**
 * Run the Discord end-to-end suite.
 * @param name - which core runs behind the adapter
 * @param createCore - a fresh core for this suite
 */
export function describeDiscordAdapter(name: string, createCore: () => CoreApi | Promise<CoreApi>): void {
  describe(`Discord adapter end to end (${name})`, () => {
    let fake: FakeDiscord;
    let pages: Awaited<ReturnType<typeof startPages>>;
    let adapter: DiscordAdapter;
    const manager: Actor = { guildId: GUILD, channelId: CHANNEL, permissions: MANAGER_PERMISSIONS, userName: 'Grace' };
    const member: Actor = { guildId: GUILD, channelId: CHANNEL, permissions: MEMBER_PERMISSIONS, userName: 'Ada' };
    const stranger: Actor = { guildId: OTHER_GUILD, channelId: OTHER_CHANNEL, permissions: MANAGER_PERMISSIONS, userId: '400000000000000009' };

    /** Run `/brief link` on the fast page and return the edited reply's body. */
    async function briefFastPage(actor: Actor = member): Promise<any> {
      const payload = slashPayload(actor, ['link'], { url: `${pages.url}/fast` });
      fake.dispatch('INTERACTION_CREATE', payload);
      return (await fake.waitForRequest(isEdit(payload))).body;
    }

    beforeAll(async () => {
      fake = await startFakeDiscord({ guilds: [{ id: GUILD, channels: [CHANNEL] }, { id: OTHER_GUILD, channels: [OTHER_CHANNEL] }] });
      pages = await startPages();
      adapter = createDiscordAdapter({ token: 'fake-bot-token', applicationId: APP_ID, apiUrl: fake.apiUrl, restOffsetMs: 0, logger: quietLogger });
      await adapter.start(await createCore());
    });
    afterAll(async () => {
      await adapter?.stop();
      await pages?.close();
      await fake?.close();
    });

    it('defers /brief link within 500 ms while the article takes 5 s, then edits in the briefing', async () => {
      const payload = slashPayload(member, ['link'], { url: `${pages.url}/slow` });
      const sentAt = fake.dispatch('INTERACTION_CREATE', payload);
      const defer = await fake.waitForRequest(isCallback(payload));
      const edit = await fake.waitForRequest(isEdit(payload), SLOW_PAGE_MS + 5_000);
      const deferMs = defer.at - sentAt;
      console.info(`[discord] defer ${deferMs.toFixed(0)} ms after INTERACTION_CREATE; edit after ${(edit.at - sentAt).toFixed(0)} ms`);
      expect(defer.body.type).toBe(5);
      expect((defer.body.data?.flags ?? 0) & 64).toBe(0);
      expect(deferMs).toBeLessThan(500);
      expect(edit.at - sentAt).toBeGreaterThanOrEqual(SLOW_PAGE_MS - 50);
      expect(edit.body.embeds[0].title).toContain('river park');
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
      expect(customIds(edit.body).some((id) => id.startsWith('nb:v1:more:'))).toBe(true);
    }, 15_000);

    it('runs a follow-up when a briefing button is clicked', async () => {
      const briefing = await briefFastPage();
      const more = customIds(briefing).find((id) => id.startsWith('nb:v1:more:'))!;
      const click = buttonPayload(member, more);
      fake.dispatch('INTERACTION_CREATE', click);
      expect((await fake.waitForRequest(isCallback(click))).body.type).toBe(5);
      const edit = await fake.waitForRequest(isEdit(click));
      expect(edit.body.embeds.length).toBeGreaterThan(0);
      expect(edit.body.content ?? '').not.toMatch(/⚠️/);
    });

    it('opens a modal for Ask and answers the submitted question', async () => {
      const ask = customIds(await briefFastPage()).find((id) => id.startsWith('nb:v1:ask:'))!;
      const click = buttonPayload(member, ask);
      fake.dispatch('INTERACTION_CREATE', click);
      const modal = await fake.waitForRequest(isCallback(click));
      expect(modal.body.type).toBe(9);
      expect(modal.body.data.custom_id).toBe(ask);
      const submit = modalSubmitPayload(member, ask, 'When does construction start?');
      fake.dispatch('INTERACTION_CREATE', submit);
      const edit = await fake.waitForRequest(isEdit(submit));
      expect(edit.body.embeds.length).toBeGreaterThan(0);
    });

    it('refuses a click on a briefing from another guild, visible only to the clicker', async () => {
      const more = customIds(await briefFastPage()).find((id) => id.startsWith('nb:v1:more:'))!;
      const click = buttonPayload(stranger, more);
      fake.dispatch('INTERACTION_CREATE', click);
      await fake.waitForRequest(isDelete(click));
      const notice = await fake.waitForRequest(isFollowUp(click));
      expect(notice.body.flags & 64).toBe(64);
      expect(notice.body.content).toMatch(/⚠️/);
      expect(fake.requests.some(isEdit(click))).toBe(false);
    });

    it('refuses `schedule set` to a member without Manage Server, ephemerally and at once', async () => {
      const payload = slashPayload(member, ['schedule', 'set'], { when: 'daily 08:00', timezone: 'Europe/Paris' });
      fake.dispatch('INTERACTION_CREATE', payload);
      const reply = await fake.waitForRequest(isCallback(payload));
      expect(reply.body.type).toBe(4);
      expect(reply.body.data.flags & 64).toBe(64);
      expect(reply.body.data.content).toMatch(/Manage Server/);
    });

    it('suggests matching IANA time zones while typing', async () => {
      const payload = autocompletePayload(manager, ['schedule', 'set'], 'timezone', 'paris');
      fake.dispatch('INTERACTION_CREATE', payload);
      const reply = await fake.waitForRequest(isCallback(payload));
      expect(reply.body.type).toBe(8);
      expect(reply.body.data.choices).toContainEqual({ name: 'Europe/Paris', value: 'Europe/Paris' });
      expect(reply.body.data.choices.length).toBeLessThanOrEqual(25);
    });

    it('keeps answering after the gateway drops mid-session (resumable close)', async () => {
      const resumesBefore = fake.resumes;
      const identifiesBefore = fake.identifies;
      fake.dropGateway(4000);
      await fake.waitForSession(1 + resumesBefore + identifiesBefore);
      expect(fake.resumes + fake.identifies).toBeGreaterThan(resumesBefore + identifiesBefore);
      console.info(`[discord] after close 4000: ${fake.resumes - resumesBefore} RESUME, ${fake.identifies - identifiesBefore} new IDENTIFY`);
      const body = await briefFastPage();
      expect(body.embeds[0].title).toContain('river park');
    });

    it('waits out a 429 on a scheduled post and delivers it once', async () => {
      fake.rateLimitNextPosts(1, 0.3);
      const started = performance.now();
      const delivery = await adapter.post({ platform: 'discord', workspace: GUILD, channel: CHANNEL }, digestReply('429'), { idempotencyKey: 'sched-1:2026-11-27T08:00Z' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(delivery.messageIds).toHaveLength(1);
      const posted = (fake.channelMessages.get(CHANNEL) ?? []).filter((m) => m.embeds[0]?.title === 'Digest 429');
      expect(posted).toHaveLength(1);
      expect(fake.requests.filter((r) => r.path === `/channels/${CHANNEL}/messages`).length).toBeGreaterThanOrEqual(2);
    });

    it('does not double a retried post with the same idempotency key', async () => {
      const channel = { platform: 'discord' as const, workspace: GUILD, channel: CHANNEL };
      const first = await adapter.post(channel, digestReply('retry'), { idempotencyKey: 'sched-2:slot' });
      const second = await adapter.post(channel, digestReply('retry'), { idempotencyKey: 'sched-2:slot' });
      expect(second.messageIds).toEqual(first.messageIds);
      expect((fake.channelMessages.get(CHANNEL) ?? []).filter((m) => m.embeds[0]?.title === 'Digest retry')).toHaveLength(1);
      const bodies = fake.requests.filter((r) => r.path === `/channels/${CHANNEL}/messages` && r.body.embeds?.[0]?.title === 'Digest retry');
      expect(bodies[0]!.body.enforce_nonce).toBe(true);
      expect(bodies[0]!.body.nonce.length).toBeLessThanOrEqual(25);
    });

    it('posts article text containing @everyone with mentions disabled', async () => {
      const reply = { kind: 'digest' as const, heading: 'Digest mentions', text: '@everyone the vote is today <@&123>' };
      await adapter.post({ platform: 'discord', workspace: GUILD, channel: CHANNEL }, reply);
      const sent = fake.requests.find((r) => r.path === `/channels/${CHANNEL}/messages` && r.body.embeds?.[0]?.title === 'Digest mentions')!;
      expect(sent.body.allowed_mentions).toEqual({ parse: [] });
      expect(sent.body.embeds[0].description).toContain('@everyone');
    });

    it('registers /brief in one guild with a PUT to the guild route', async () => {
      const commands = await registerCommands({ token: 'fake-bot-token', applicationId: APP_ID, apiUrl: fake.apiUrl, guildId: GUILD });
      const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/guilds/${GUILD}/commands`);
      expect(put.authorization).toBe('Bot fake-bot-token');
      expect(put.body.map((c: any) => c.name)).toEqual(['brief']);
      expect(commands[0]?.id).toBeTruthy();
    });
  });
}

function digestReply(tag: string) {
  return { kind: 'digest' as const, heading: `Digest ${tag}`, sections: [{ heading: 'River park approved', points: ['Council voted 31 to 12.'] }] };
}

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

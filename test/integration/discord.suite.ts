/**
 * The Discord adapter end to end: the real discord.js Client against a local fake Discord
 * (REST + gateway), with the core as a parameter. `discord.test.ts` runs it with a fake core;
 * after the merge it runs with the real core too (which must then be allowed to fetch
 * 127.0.0.1 pages, since the slow article is served locally).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/adapters/discord/index.js';
import type { CoreApi } from '../../src/core/platform.js';
import { APP_ID } from '../helpers/fake-discord.js';
import { autocompletePayload, buttonPayload, modalSubmitPayload, slashPayload, type Actor } from '../helpers/discord-payloads.js';
import {
  BOT_TOKEN, CHANNEL, GUILD, MANAGER, MEMBER, SLOW_PAGE_MS, STRANGER, customIds, isCallback, isDelete, isEdit, isFollowUp,
  startDiscordHarness, type DiscordHarness,
} from '../helpers/discord-harness.js';

/**
 * Run the Discord end-to-end suite.
 * @param name - which core runs behind the adapter
 * @param createCore - a fresh core for this suite
 */
export function describeDiscordAdapter(name: string, createCore: () => CoreApi | Promise<CoreApi>): void {
  describe(`Discord adapter end to end (${name})`, () => {
    let h: DiscordHarness;

    /** Run `/brief link` on the fast page and return the edited reply's body. */
    async function briefFastPage(actor: Actor = MEMBER): Promise<any> {
      const payload = slashPayload(actor, ['link'], { url: `${h.pagesUrl}/fast` });
      h.fake.dispatch('INTERACTION_CREATE', payload);
      return (await h.fake.waitForRequest(isEdit(payload))).body;
    }

    beforeAll(async () => {
      h = await startDiscordHarness(await createCore());
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('defers /brief link within 500 ms while the article takes 5 s, then edits in the briefing', async () => {
      const payload = slashPayload(MEMBER, ['link'], { url: `${h.pagesUrl}/slow` });
      const sentAt = h.fake.dispatch('INTERACTION_CREATE', payload);
      const defer = await h.fake.waitForRequest(isCallback(payload));
      const edit = await h.fake.waitForRequest(isEdit(payload), SLOW_PAGE_MS + 5_000);
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
      const click = buttonPayload(MEMBER, more);
      h.fake.dispatch('INTERACTION_CREATE', click);
      expect((await h.fake.waitForRequest(isCallback(click))).body.type).toBe(5);
      const edit = await h.fake.waitForRequest(isEdit(click));
      expect(edit.body.embeds.length).toBeGreaterThan(0);
      expect(edit.body.content ?? '').not.toMatch(/⚠️/);
    });

    it('opens a modal for Ask and answers the submitted question', async () => {
      const ask = customIds(await briefFastPage()).find((id) => id.startsWith('nb:v1:ask:'))!;
      const click = buttonPayload(MEMBER, ask);
      h.fake.dispatch('INTERACTION_CREATE', click);
      const modal = await h.fake.waitForRequest(isCallback(click));
      expect(modal.body.type).toBe(9);
      expect(modal.body.data.custom_id).toBe(ask);
      const submit = modalSubmitPayload(MEMBER, ask, 'When does construction start?');
      h.fake.dispatch('INTERACTION_CREATE', submit);
      const edit = await h.fake.waitForRequest(isEdit(submit));
      expect(edit.body.embeds.length).toBeGreaterThan(0);
    });

    it('refuses a click on a briefing from another guild, visible only to the clicker', async () => {
      const more = customIds(await briefFastPage()).find((id) => id.startsWith('nb:v1:more:'))!;
      const click = buttonPayload(STRANGER, more);
      h.fake.dispatch('INTERACTION_CREATE', click);
      await h.fake.waitForRequest(isDelete(click));
      const notice = await h.fake.waitForRequest(isFollowUp(click));
      expect(notice.body.flags & 64).toBe(64);
      expect(notice.body.content).toMatch(/⚠️/);
      expect(h.fake.requests.some(isEdit(click))).toBe(false);
    });

    it('refuses `schedule set` to a member without Manage Server, ephemerally and at once', async () => {
      const payload = slashPayload(MEMBER, ['schedule', 'set'], { when: 'daily 08:00', timezone: 'Europe/Paris' });
      h.fake.dispatch('INTERACTION_CREATE', payload);
      const reply = await h.fake.waitForRequest(isCallback(payload));
      expect(reply.body.type).toBe(4);
      expect(reply.body.data.flags & 64).toBe(64);
      expect(reply.body.data.content).toMatch(/Manage Server/);
    });

    it('suggests matching IANA time zones while typing', async () => {
      const payload = autocompletePayload(MANAGER, ['schedule', 'set'], 'timezone', 'paris');
      h.fake.dispatch('INTERACTION_CREATE', payload);
      const reply = await h.fake.waitForRequest(isCallback(payload));
      expect(reply.body.type).toBe(8);
      expect(reply.body.data.choices).toContainEqual({ name: 'Europe/Paris', value: 'Europe/Paris' });
      expect(reply.body.data.choices.length).toBeLessThanOrEqual(25);
    });

    it('keeps answering after the gateway drops mid-session (resumable close)', async () => {
      const resumesBefore = h.fake.resumes;
      const identifiesBefore = h.fake.identifies;
      h.fake.dropGateway(4000);
      await h.fake.waitForSession(1 + resumesBefore + identifiesBefore);
      expect(h.fake.resumes + h.fake.identifies).toBeGreaterThan(resumesBefore + identifiesBefore);
      console.info(`[discord] after close 4000: ${h.fake.resumes - resumesBefore} RESUME, ${h.fake.identifies - identifiesBefore} new IDENTIFY`);
      const body = await briefFastPage();
      expect(body.embeds[0].title).toContain('river park');
    });

    it('waits out a 429 on a scheduled post and delivers it once', async () => {
      h.fake.rateLimitNextPosts(1, 0.3);
      const started = performance.now();
      const delivery = await h.adapter.post({ platform: 'discord', workspace: GUILD, channel: CHANNEL }, digestReply('429'), { idempotencyKey: 'sched-1:2026-11-27T08:00Z' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(delivery.messageIds).toHaveLength(1);
      const posted = (h.fake.channelMessages.get(CHANNEL) ?? []).filter((m) => m.embeds[0]?.title === 'Digest 429');
      expect(posted).toHaveLength(1);
      expect(h.fake.requests.filter((r) => r.path === `/channels/${CHANNEL}/messages`).length).toBeGreaterThanOrEqual(2);
    });

    it('does not double a retried post with the same idempotency key', async () => {
      const channel = { platform: 'discord' as const, workspace: GUILD, channel: CHANNEL };
      const first = await h.adapter.post(channel, digestReply('retry'), { idempotencyKey: 'sched-2:slot' });
      const second = await h.adapter.post(channel, digestReply('retry'), { idempotencyKey: 'sched-2:slot' });
      expect(second.messageIds).toEqual(first.messageIds);
      expect((h.fake.channelMessages.get(CHANNEL) ?? []).filter((m) => m.embeds[0]?.title === 'Digest retry')).toHaveLength(1);
      const bodies = h.fake.requests.filter((r) => r.path === `/channels/${CHANNEL}/messages` && r.body.embeds?.[0]?.title === 'Digest retry');
      expect(bodies[0]!.body.enforce_nonce).toBe(true);
      expect(bodies[0]!.body.nonce.length).toBeLessThanOrEqual(25);
    });

    it('posts article text containing @everyone with mentions disabled', async () => {
      const reply = { kind: 'digest' as const, heading: 'Digest mentions', text: '@everyone the vote is today <@&123>' };
      await h.adapter.post({ platform: 'discord', workspace: GUILD, channel: CHANNEL }, reply);
      const sent = h.fake.requests.find((r) => r.path === `/channels/${CHANNEL}/messages` && r.body.embeds?.[0]?.title === 'Digest mentions')!;
      expect(sent.body.allowed_mentions).toEqual({ parse: [] });
      expect(sent.body.embeds[0].description).toContain('@everyone');
    });

    it('registers /brief in one guild with a PUT to the guild route', async () => {
      const commands = await registerCommands({ token: BOT_TOKEN, applicationId: APP_ID, apiUrl: h.fake.apiUrl, guildId: GUILD });
      const put = await h.fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APP_ID}/guilds/${GUILD}/commands`);
      expect(put.authorization).toBe(`Bot ${BOT_TOKEN}`);
      expect(put.body.map((c: any) => c.name)).toEqual(['brief']);
      expect(commands[0]?.id).toBeTruthy();
    });
  });
}

function digestReply(tag: string) {
  return { kind: 'digest' as const, heading: `Digest ${tag}`, sections: [{ heading: 'River park approved', points: ['Council voted 31 to 12.'] }] };
}

/**
 * The Discord adapter's HTTP interactions endpoint end to end: the test plays Discord, signing
 * each interaction with its own Ed25519 key and POSTing it to the adapter on 127.0.0.1; the first
 * response is the HTTP response, and everything after it lands on the fake Discord REST.
 * `discord-http.test.ts` runs it with the fake core and with the real core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApi } from '../../src/core/platform.js';
import { autocompletePayload, buttonPayload, modalSubmitPayload, slashPayload } from '../helpers/discord-payloads.js';
import { MANAGER, MEMBER, SLOW_PAGE_MS, customIds, isDelete, isEdit, isFollowUp } from '../helpers/discord-harness.js';
import { startDiscordHttpHarness, type DiscordHttpHarness } from '../helpers/discord-http-harness.js';

/**
 * Run the HTTP-endpoint suite.
 * @param name - which core runs behind the adapter
 * @param createCore - a fresh core for this suite
 */
export function describeDiscordHttpEndpoint(name: string, createCore: () => CoreApi | Promise<CoreApi>): void {
  describe(`Discord HTTP interactions endpoint (${name})`, () => {
    let h: DiscordHttpHarness;

    /** `/brief link` on the fast page; returns the edit of @original. */
    async function briefFastPage(): Promise<any> {
      const payload = slashPayload(MEMBER, ['link'], { url: `${h.pagesUrl}/fast` });
      expect((await h.send(payload)).body).toEqual({ type: 5 });
      return (await h.fake.waitForRequest(isEdit(payload))).body;
    }

    beforeAll(async () => {
      h = await startDiscordHttpHarness(await createCore());
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('answers Discord’s PING with a PONG', async () => {
      const res = await h.send({ id: '1', application_id: '1', type: 1, token: 'ping', version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ type: 1 });
    });

    it('defers /brief link in the HTTP response within 500 ms while the article takes 5 s, then edits in the briefing', async () => {
      const payload = slashPayload(MEMBER, ['link'], { url: `${h.pagesUrl}/slow` });
      const sentAt = performance.now();
      const res = await h.send(payload);
      const edit = await h.fake.waitForRequest(isEdit(payload), SLOW_PAGE_MS + 5_000);
      console.info(`[discord-http] deferral response after ${res.ms.toFixed(0)} ms; edit of @original after ${(edit.at - sentAt).toFixed(0)} ms`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ type: 5 });
      expect(res.ms).toBeLessThan(500);
      expect(edit.at - sentAt).toBeGreaterThanOrEqual(SLOW_PAGE_MS - 50);
      expect(edit.authorization).toBeUndefined();
      expect(edit.body.embeds[0].title).toContain('river park');
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
      expect(customIds(edit.body).some((id) => id.startsWith('nb:v1:more:'))).toBe(true);
    }, 15_000);

    it('runs a follow-up when a briefing button is pressed', async () => {
      const more = customIds(await briefFastPage()).find((id) => id.startsWith('nb:v1:more:'))!;
      const click = buttonPayload(MEMBER, more);
      expect((await h.send(click)).body).toEqual({ type: 5 });
      const edit = await h.fake.waitForRequest(isEdit(click));
      expect(edit.body.embeds.length).toBeGreaterThan(0);
      expect(edit.body.content ?? '').not.toMatch(/⚠️/);
    });

    it('opens the Ask modal in the HTTP response and answers the submitted question', async () => {
      const ask = customIds(await briefFastPage()).find((id) => id.startsWith('nb:v1:ask:'))!;
      const modal = await h.send(buttonPayload(MEMBER, ask));
      expect(modal.body.type).toBe(9);
      expect(modal.body.data.custom_id).toBe(ask);
      const submit = modalSubmitPayload(MEMBER, ask, 'When does construction start?');
      expect((await h.send(submit)).body).toEqual({ type: 5 });
      expect((await h.fake.waitForRequest(isEdit(submit))).body.embeds.length).toBeGreaterThan(0);
    });

    it('shows a link that cannot be fetched only to the asker', async () => {
      const payload = slashPayload(MEMBER, ['link'], { url: `${h.fake.apiUrl}/no-such-article` });
      expect((await h.send(payload)).body).toEqual({ type: 5 });
      await h.fake.waitForRequest(isDelete(payload));
      const notice = await h.fake.waitForRequest(isFollowUp(payload));
      expect(notice.body.flags & 64).toBe(64);
      expect(notice.body.content).toMatch(/⚠️/);
      expect(notice.body.allowed_mentions).toEqual({ parse: [] });
      expect(h.fake.requests.some(isEdit(payload))).toBe(false);
    });

    it('refuses something that is not a web address at once, visible only to the asker', async () => {
      const res = await h.send(slashPayload(MEMBER, ['link'], { url: 'not a link' }));
      expect(res.body.type).toBe(4);
      expect(res.body.data.flags & 64).toBe(64);
      expect(res.body.data.content).toMatch(/web address/);
    });

    it('refuses `feeds add` to a member without Manage Server, ephemerally in the HTTP response', async () => {
      const res = await h.send(slashPayload(MEMBER, ['feeds', 'add'], { url: 'https://example.org/feed.xml' }));
      expect(res.body.type).toBe(4);
      expect(res.body.data.flags & 64).toBe(64);
      expect(res.body.data.content).toMatch(/Manage Server/);
    });

    it('suggests matching IANA time zones while typing', async () => {
      const res = await h.send(autocompletePayload(MANAGER, ['schedule', 'set'], 'timezone', 'paris'));
      expect(res.body.type).toBe(8);
      expect(res.body.data.choices).toContainEqual({ name: 'Europe/Paris', value: 'Europe/Paris' });
      expect(res.body.data.choices.length).toBeLessThanOrEqual(25);
    });
  });
}

/**
 * The command layer through the real application: fetch from a local server, extraction,
 * summarizer, follow-ups, feeds and schedules on SQLite — what every adapter relies on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRef, CommandInput, Reply } from '../../src/core/model.js';
import type { App } from '../../src/main.js';
import { startHttpServer, type TestHttpServer } from '../helpers/http-server.js';
import { createTestApp } from '../helpers/real-core.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const CHANNEL: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const input = (text: string, over: Partial<CommandInput> = {}): CommandInput => ({ channel: CHANNEL, user: 'U1', canManage: false, text, ...over });

describe('the core through the real application', () => {
  let server: TestHttpServer;
  let app: App;
  let clock = new Date('2026-11-27T09:00:00Z');

  beforeAll(async () => {
    server = await startHttpServer({
      '/article': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fs.readFileSync(path.join(FIXTURES, 'slack', 'article.html'))),
      '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fs.readFileSync(path.join(FIXTURES, 'feeds', 'rss2.xml'))),
      '/pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(fs.readFileSync(path.join(FIXTURES, 'pages', 'document.pdf'))),
    });
    app = await createTestApp({}, { now: () => clock });
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });

  it('briefs a link into a reply with points, source and the six follow-up buttons', async () => {
    const reply = await app.core().handle(input(`${server.url}/article`));
    expect(reply.kind).toBe('briefing');
    expect(reply.points!.length).toBeGreaterThanOrEqual(3);
    expect(reply.actions!.map((a) => a.verb)).toEqual(['more', 'ask', 'quotes', 'who', 'next', 'source']);
    expect(new Set(reply.actions!.map((a) => a.briefingId))).toEqual(new Set([reply.briefingId]));
  });

  it('answers a follow-up on the latest briefing of the channel, quoting the article', async () => {
    const reply = await app.core().handle(input('source'));
    expect(reply.kind).toBe('followup');
    expect(JSON.stringify(reply)).toContain(`${server.url}/article`);
  });

  it('refuses a button on a briefing from another workspace', async () => {
    const brief = await app.core().handle(input(`${server.url}/article`));
    const other: ChannelRef = { platform: 'slack', workspace: 'T2', channel: 'C1' };
    const reply = await app.core().handle(input('', { channel: other, followup: { verb: 'who', briefingId: brief.briefingId! } }));
    expect(reply).toMatchObject({ kind: 'error', ephemeral: true });
    expect(reply.text).toMatch(/another channel/);
  });

  it('says a briefing has expired after the keeping time', async () => {
    const brief = await app.core().handle(input(`${server.url}/article`));
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    const reply = await app.core().handle(input('', { followup: { verb: 'quotes', briefingId: brief.briefingId! } }));
    clock = new Date('2026-11-27T09:00:00Z');
    expect(reply).toMatchObject({ kind: 'error', ephemeral: true });
    expect(reply.text).toMatch(/expired/);
  });

  it('names the content type of a link that is not an article, only to the asker', async () => {
    const reply = await app.core().handle(input(`${server.url}/pdf`));
    expect(reply).toMatchObject({ kind: 'error', ephemeral: true });
    expect(reply.text).toMatch(/PDF/i);
  });

  it('points a feed link at /brief feeds add', async () => {
    const reply = await app.core().handle(input(`${server.url}/rss`));
    expect(reply.kind).toBe('error');
    expect(reply.text).toMatch(/feeds add/);
  });

  it('lets only channel managers add feeds and set schedules', async () => {
    const refused = await app.core().handle(input(`feeds add ${server.url}/rss`));
    expect(refused).toMatchObject({ kind: 'error', ephemeral: true });
    expect((await app.core().handle(input('schedule set daily 08:00'))).kind).toBe('error');

    const added: Reply = await app.core().handle(input(`feeds add ${server.url}/rss latest:2`, { canManage: true }));
    expect(added.kind).not.toBe('error');
    expect(JSON.stringify(added)).toMatch(/3 items/);
    const listed = await app.core().handle(input('feeds list'));
    expect(JSON.stringify(listed)).toContain(`${server.url}/rss`);

    const scheduled = await app.core().handle(input('schedule set daily 08:00 tz:Europe/Paris', { canManage: true }));
    expect(scheduled.kind).not.toBe('error');
    expect(JSON.stringify(await app.core().handle(input('schedule show')))).toMatch(/Europe\/Paris/);
  });

  it('keeps the weight a manager gives a feed (feeds add <url> weight:W), and refuses a bad one', async () => {
    const channel: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C-weight' };
    const added = await app.core().handle(input(`feeds add ${server.url}/rss weight:3`, { channel, canManage: true }));
    expect(added.kind).not.toBe('error');
    expect(JSON.stringify(await app.core().handle(input('feeds list', { channel })))).toMatch(/weight 3/);
    const bad = await app.core().handle(input(`feeds add ${server.url}/rss weight:heavy`, { channel, canManage: true }));
    expect(bad).toMatchObject({ kind: 'error', ephemeral: true });
    expect(bad.text).toMatch(/weight/);
  });

  it('reads latest:/weight: only after the feed URL, never from its query string', async () => {
    const channel: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C-query' };
    const added = await app.core().handle(input(`feeds add ${server.url}/rss?latest=3&weight=heavy`, { channel, canManage: true }));
    expect(added.kind).not.toBe('error');
    expect(added.text).toMatch(/count as seen/);
    expect(JSON.stringify(await app.core().handle(input('feeds list', { channel })))).toMatch(/weight 1/);
  });

  it('posts the latest items of a newly followed feed on /brief, and then nothing new', async () => {
    const digest = await app.core().handle(input(''));
    expect(digest.kind).toBe('digest');
    expect(JSON.stringify(digest)).toMatch(/Port strike ends/);
    const again = await app.core().handle(input(''));
    expect(JSON.stringify(again)).not.toMatch(/Port strike ends/);
  });

  it('explains what happened to a feed item with /brief why', async () => {
    const reply = await app.core().handle(input('why https://harbour.example/news/port-strike-ends'));
    expect(reply.kind).not.toBe('error');
    expect(JSON.stringify(reply)).toMatch(/deliver|digest|posted/i);
  });

  it('briefs pasted text as it is, even when it starts like a subcommand', async () => {
    const text = 'More than 200 homes lost power on Sunday after a storm hit the coast. Crews restored most of it by the evening. The utility said repairs will finish on Tuesday.';
    expect((await app.core().handle(input(text))).kind).toBe('briefing');
    const asked = await app.core().handle(input('ask the council about the new harbour plan before the vote on Tuesday, residents said. The council agreed to a public meeting. It will be held next week.', { pasted: true }));
    expect(asked.kind).toBe('briefing');
  });

  it('slows down a channel that asks for too many briefings, without affecting others', async () => {
    const busy = await createTestApp({ BRIEFINGS_PER_MINUTE: '2' }, { now: () => clock });
    const text = 'The council approved the budget on Tuesday. It raises school spending by 4 percent. The mayor signs it next week.';
    expect((await busy.core().handle(input(text))).kind).toBe('briefing');
    expect((await busy.core().handle(input(text))).kind).toBe('briefing');
    const third = await busy.core().handle(input(text));
    expect(third).toMatchObject({ kind: 'error', ephemeral: true });
    expect(third.text).toMatch(/try again in \d+ s/);
    expect((await busy.core().handle(input(text, { channel: { ...CHANNEL, channel: 'C2' } }))).kind).toBe('briefing');
    await busy.close();
  });

  it('refuses the LLM summarizer when none is configured, and says how to fix it', async () => {
    const reply = await app.core().handle(input('settings summarizer llm', { canManage: true }));
    expect(reply).toMatchObject({ kind: 'error' });
    expect(reply.text).toMatch(/LLM_BASE_URL/);
  });
});

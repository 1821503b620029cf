/**
 * Feeds → digest → platform over a real HTTP server on 127.0.0.1 (RSS, RDF, Atom, JSON Feed).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigestForFeeds, createFeedPoller, digestToJson, feedsAdd, parseSince } from '../../src/core/digest/index.js';
import type { ChannelRef } from '../../src/core/model.js';
import { createScheduler } from '../../src/core/schedule/index.js';
import { createSqliteStore, type SqliteStore } from '../../src/core/store/index.js';
import { readFixture, rssWithItems, startFeedServer, type FeedServer } from '../unit/core/digest/feed-server.js';
import { FakePlatform } from '../unit/core/schedule/fake-platform.js';

const CH: ChannelRef = { platform: 'discord', workspace: 'G1', channel: 'news' };
const NOW = new Date('2026-11-27T12:00:00Z');

let server: FeedServer;
let store: SqliteStore;
beforeEach(async () => {
  server = await startFeedServer();
  server.table.set('/rss', { body: readFixture('rss2.xml') });
  server.table.set('/rdf', { body: readFixture('rdf.xml'), type: 'application/rdf+xml' });
  server.table.set('/atom', { body: readFixture('atom.xml'), type: 'application/atom+xml' });
  server.table.set('/json', { body: readFixture('feed.json'), type: 'application/feed+json' });
  store = createSqliteStore(':memory:');
});
afterEach(async () => {
  await server.close();
  await store.close();
});

describe('scheduled digest over real HTTP', () => {
  it('groups one event from two outlets, and still goes out naming a feed that broke', async () => {
    let clock = new Date(NOW.getTime() - 3_600_000);
    const poller = createFeedPoller(store, { httpGet: server.httpGet, now: () => clock });
    for (const p of ['/rss', '/rdf', '/atom', '/json', '/flaky']) {
      if (p === '/flaky') server.table.set('/flaky', { body: rssWithItems('Flaky', 2, NOW, 'flaky') });
      await feedsAdd(store, CH, `${server.url(p)} latest:10`, { poller, now: () => clock });
    }
    server.table.set('/flaky', { body: 'upstream down', status: 502 });
    clock = NOW;
    await store.saveSchedule({ id: 's', channel: CH, cron: '0 12 * * *', timezone: 'UTC', topics: [], exclude: ['crypto'], maxStories: 20, enabled: true, updatedAt: clock.toISOString() });
    const platform = new FakePlatform();
    const scheduler = createScheduler({ store, post: platform.post, poller: createFeedPoller(store, { httpGet: server.httpGet, now: () => clock, minIntervalMs: 0 }), now: () => clock });
    expect(await scheduler.runSlot('s', NOW)).toBe('posted');
    await scheduler.stop();
    const reply = platform.shown[0]?.reply;
    const headings = reply?.sections?.map((s) => s.heading) ?? [];
    expect(headings[0]).toBe('Port strike ends after three days');
    expect(reply?.sections?.[0]?.links?.map((l) => l.source)).toEqual(['Harbour Times', 'Valley Gazette']);
    expect(headings).toContain('Whales return to the bay');
    expect(headings).toContain('Library extends opening hours');
    expect(headings).toContain('Flaky story 0');
    expect(headings.join(' ')).not.toMatch(/Crypto/);
    expect(reply?.context).toEqual([`Could not read ${server.url('/flaky')}: HTTP 502`]);
  });

  it('does not post an item twice when the publisher re-dates it and adds tracking parameters', async () => {
    let clock = new Date(NOW.getTime() - 3_600_000);
    server.table.set('/wire', { body: rssWithItems('Wire', 3, clock) });
    const poller = createFeedPoller(store, { httpGet: server.httpGet, now: () => clock, minIntervalMs: 0 });
    await feedsAdd(store, CH, `${server.url('/wire')} latest:3`, { poller, now: () => clock });
    await store.saveSchedule({ id: 's', channel: CH, cron: '0 * * * *', timezone: 'UTC', topics: [], exclude: [], enabled: true, updatedAt: clock.toISOString() });
    const platform = new FakePlatform();
    const scheduler = createScheduler({ store, post: platform.post, poller, now: () => clock });
    clock = NOW;
    expect(await scheduler.runSlot('s', clock)).toBe('posted');
    // Re-dated by 90 minutes, tracking parameters added, one headline reworded, one item truly new.
    server.table.set('/wire', { body: rssWithItems('Wire', 4, new Date(NOW.getTime() + 1_800_000), 'item', '?utm_source=rss&amp;gclid=1').replace('Wire story 0<', 'Wire story 0, updated<') });
    clock = new Date(NOW.getTime() + 3_600_000);
    expect(await scheduler.runSlot('s', clock)).toBe('posted');
    await scheduler.stop();
    const all = platform.shown.flatMap((m) => m.reply.sections?.flatMap((s) => s.links?.map((l) => l.url) ?? []) ?? []);
    expect(all).toHaveLength(new Set(all).size);
    expect(platform.shown[0]?.reply.sections).toHaveLength(3);
    expect(platform.shown[1]?.reply.sections?.map((s) => s.heading)).toEqual(['Wire story 3']);
  });
});

describe('buildDigestForFeeds (newsbrief digest --feed … --since 24h --json)', () => {
  it('gives stories with points and sources, keeps only recent items, and lists a broken feed', async () => {
    const digest = await buildDigestForFeeds([server.url('/rss'), server.url('/rdf'), server.url('/atom'), server.url('/nope')], {
      httpGet: server.httpGet,
      since: parseSince('24h', NOW),
      now: () => NOW,
    });
    const json = digestToJson(digest);
    expect(json.stories[0]).toEqual({
      title: 'Port strike ends after three days',
      points: ['Dock workers returned on Friday after a pay deal was signed.', 'Ships queued for two days.'],
      sources: [
        { url: 'https://harbour.example/news/port-strike-ends', title: 'Port strike ends after three days', feed: 'Harbour Times' },
        { url: 'https://valley.example/2026/port-strike', title: 'Port strike ends after three days', feed: 'Valley Gazette' },
      ],
    });
    expect(json.stories.map((s) => s.title)).toContain('AI model maps coral reefs');
    expect(json.brokenFeeds).toEqual([{ url: server.url('/nope'), error: 'HTTP 404' }]);
    const narrow = await buildDigestForFeeds([server.url('/atom')], { httpGet: server.httpGet, since: parseSince('1h', NOW), now: () => NOW });
    expect(digestToJson(narrow).stories.map((s) => s.title)).toEqual([]);
  });
});

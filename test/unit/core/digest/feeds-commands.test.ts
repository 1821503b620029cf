import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigestNow, createFeedPoller, explainItem, feedsAdd, feedsList, feedsRemove, type FeedPoller } from '../../../../src/core/digest/index.js';
import { isNewsbriefError } from '../../../../src/core/errors.js';
import type { ChannelRef } from '../../../../src/core/model.js';
import { createSqliteStore, type SqliteStore } from '../../../../src/core/store/index.js';
import { readFixture, rssWithItems, startFeedServer, type FeedServer } from './feed-server.js';

const CH: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const OTHER: ChannelRef = { platform: 'discord', workspace: 'G1', channel: 'C1' };
const NOW = new Date('2026-11-27T12:00:00Z');

let server: FeedServer;
let store: SqliteStore;
let poller: FeedPoller;
let clock: Date;
beforeEach(async () => {
  server = await startFeedServer();
  store = createSqliteStore(':memory:');
  clock = NOW;
  poller = createFeedPoller(store, { httpGet: server.httpGet, now: () => clock, minIntervalMs: 0 });
});
afterEach(async () => {
  await server.close();
  await store.close();
});

async function codeOf(p: Promise<unknown>): Promise<[string | undefined, string]> {
  try {
    await p;
  } catch (err) {
    return [isNewsbriefError(err) ? err.code : undefined, (err as Error).message];
  }
  throw new Error('expected a failure');
}

describe('feeds add', () => {
  it('says what it found, and counts the existing items as seen so the next digest does not flood', async () => {
    server.table.set('/rss', { body: rssWithItems('Wire', 20, new Date(NOW.getTime() - 2 * 3_600_000)) });
    const reply = await feedsAdd(store, CH, server.url('/rss'), { poller, now: () => clock });
    expect(reply.heading).toBe('Added Wire');
    expect(reply.text).toMatch(/^20 items, latest 2 h ago\. Its current items count as seen/);
    expect(await store.listUnseenItems(CH)).toEqual([]);
    expect(await buildDigestNow(store, CH, { poller, now: () => clock })).toMatchObject({ text: 'Nothing new since the last digest.' });
  });

  it('keeps the latest N for the next digest when asked', async () => {
    server.table.set('/rss', { body: rssWithItems('Wire', 20, NOW) });
    const reply = await feedsAdd(store, CH, `${server.url('/rss')} latest:5 weight:2`, { poller, now: () => clock });
    expect(reply.text).toContain('The latest 5 will be in the next digest.');
    expect((await store.listUnseenItems(CH)).map((s) => s.item.title).sort()).toEqual(['Wire story 0', 'Wire story 1', 'Wire story 2', 'Wire story 3', 'Wire story 4']);
    expect((await store.listSubscriptions(CH))[0]?.weight).toBe(2);
    // Adding it again changes the weight and leaves the unseen items alone.
    expect((await feedsAdd(store, CH, `${server.url('/rss')} weight:3`, { poller, now: () => clock })).text).toBe('This channel already follows Wire; weight set to 3.');
    expect(await store.listUnseenItems(CH)).toHaveLength(5);
    expect((await store.listSubscriptions(CH))[0]?.weight).toBe(3);
  });

  it('refuses a web page, an unreachable address and a non-URL with a message that says what to do', async () => {
    server.table.set('/page', { body: readFixture('not-a-feed.html'), type: 'text/html' });
    expect(await codeOf(feedsAdd(store, CH, server.url('/page'), { poller }))).toEqual(['FEED_INVALID', expect.stringMatching(/is a web page, not a feed/)]);
    expect(await codeOf(feedsAdd(store, CH, server.url('/missing'), { poller }))).toEqual(['FETCH_FAILED', expect.stringMatching(/Could not reach .*HTTP 404/)]);
    expect(await codeOf(feedsAdd(store, CH, 'not a url', { poller }))).toEqual(['BAD_INPUT', expect.stringMatching(/not a URL/)]);
    expect(await store.listSubscriptions(CH)).toEqual([]);
  });

  it('follows the feed a web page advertises', async () => {
    server.table.set('/home', { body: readFixture('page-with-feed.html').replace('href="/rss"', `href="${server.url('/rss')}"`), type: 'text/html' });
    server.table.set('/rss', { body: readFixture('rss2.xml') });
    const reply = await feedsAdd(store, CH, server.url('/home'), { poller, now: () => clock });
    expect(reply.text).toMatch(new RegExp(`^Found the feed ${server.url('/rss')} advertised by ${server.url('/home')}: 3 items`));
    expect((await store.listSubscriptions(CH)).map((s) => s.feedUrl)).toEqual([server.url('/rss')]);
  });

  it('follows an advertised feed whose link has a #fragment, and can remove it by its plain address', async () => {
    server.table.set('/home', { body: readFixture('page-with-feed.html').replace('href="/rss"', `href="${server.url('/rss')}#main"`), type: 'text/html' });
    server.table.set('/rss', { body: readFixture('rss2.xml') });
    await feedsAdd(store, CH, server.url('/home'), { poller, now: () => clock });
    expect((await store.listSubscriptions(CH)).map((s) => s.feedUrl)).toEqual([server.url('/rss')]);
    await feedsRemove(store, CH, server.url('/rss'));
    expect(await store.listSubscriptions(CH)).toEqual([]);
  });

  it('refuses a feed link with a user name or password, which the whole channel would see', async () => {
    const withPassword = server.url('/rss').replace('http://', 'http://reader:s3cret@');
    expect(await codeOf(feedsAdd(store, CH, withPassword, { poller }))).toEqual(['BAD_INPUT', expect.stringMatching(/user name or password/)]);
    expect(await store.listSubscriptions(CH)).toEqual([]);
  });

  it('tells a channel with no feeds how to add one when asked for its news', async () => {
    expect(await buildDigestNow(store, OTHER, { poller })).toEqual({ kind: 'info', text: expect.stringMatching(/follows no feeds yet\. Add one with `feeds add <url>`/) });
  });

  it('lists feeds with their health, per channel, and removes them', async () => {
    server.table.set('/rss', { body: readFixture('rss2.xml') });
    await feedsAdd(store, CH, server.url('/rss'), { poller, now: () => clock });
    const list = await feedsList(store, CH, { now: () => clock });
    expect(list.fields?.[0]).toMatchObject({ label: 'Harbour Times', value: expect.stringContaining('weight 1 · ok, checked just now') });
    expect((await feedsList(store, OTHER)).text).toMatch(/follows no feeds/);
    expect(await codeOf(feedsRemove(store, OTHER, server.url('/rss')))).toEqual(['NOT_FOUND', expect.any(String)]);
    expect((await feedsRemove(store, CH, server.url('/rss'))).text).toMatch(/^Removed/);
    expect(await store.listSubscriptions(CH)).toEqual([]);
  });
});

describe('why <url>', () => {
  it('tells apart waiting, delivered (and in which story), filtered and seen-at-add items', async () => {
    server.table.set('/rss', { body: readFixture('rss2.xml') });
    await feedsAdd(store, CH, `${server.url('/rss')} latest:3`, { poller, now: () => clock });
    const waiting = await explainItem(store, CH, 'https://harbour.example/news/port-strike-ends?utm_source=x');
    expect(waiting.text).toMatch(/not posted yet/);

    await store.saveSchedule({ id: 's1', channel: CH, cron: '0 8 * * *', timezone: 'Europe/Paris', topics: [], exclude: ['crypto'], enabled: true, updatedAt: NOW.toISOString() });
    const digest = await buildDigestNow(store, CH, { poller, now: () => clock });
    expect(digest.sections?.map((s) => s.heading)).toEqual(['Port strike ends after three days', 'New ferry route to the islands']);
    expect((await explainItem(store, CH, 'https://harbour.example/news/port-strike-ends')).text).toMatch(
      /delivered in the on-demand digest of Fri 27 Nov, 13:00\. It was grouped into the story "Port strike ends after three days"/,
    );
    expect((await explainItem(store, CH, 'https://harbour.example/news/crypto-office')).text).toMatch(/filtered out \(excluded word: crypto\)/);
    // The on-demand digest recorded what it showed: nothing is left for the next scheduled one.
    expect(await store.listUnseenItems(CH)).toEqual([]);
    expect((await explainItem(store, OTHER, 'https://harbour.example/news/crypto-office')).text).toMatch(/None of this channel's feeds/);
  });

  it('says an item that was in the feed when it was added counted as seen', async () => {
    server.table.set('/rss', { body: readFixture('rss2.xml') });
    await feedsAdd(store, CH, server.url('/rss'), { poller, now: () => clock });
    expect((await explainItem(store, CH, 'https://harbour.example/news/ferry')).text).toMatch(/already in the feed when the feed was added/);
  });
});

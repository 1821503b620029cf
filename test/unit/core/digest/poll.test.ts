import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedPoller } from '../../../../src/core/digest/index.js';
import { createSqliteStore, type SqliteStore } from '../../../../src/core/store/index.js';
import { readFixture, rssWithItems, startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
let store: SqliteStore;
let clock: Date;
beforeEach(async () => {
  server = await startFeedServer();
  store = createSqliteStore(':memory:');
  clock = new Date('2026-11-27T12:00:00Z');
});
afterEach(async () => {
  await server.close();
  await store.close();
});
const advance = (ms: number): void => {
  clock = new Date(clock.getTime() + ms);
};

describe('feed poller', () => {
  it('sends the ETag back and stores nothing new on 304', async () => {
    server.table.set('/rss', { body: readFixture('rss2.xml'), etag: '"v1"' });
    const poller = createFeedPoller(store, { httpGet: server.httpGet, now: () => clock, minIntervalMs: 0 });
    const [first] = await poller.poll([server.url('/rss')]);
    expect(first).toMatchObject({ status: 'updated', title: 'Harbour Times' });
    expect(first?.newItems).toHaveLength(3);
    const [second] = await poller.poll([server.url('/rss')]);
    expect(second?.status).toBe('not-modified');
    expect((await store.getFeedState(server.url('/rss')))?.etag).toBe('"v1"');
  });

  it('fetches a URL once for many channels, and not again within the minimum interval', async () => {
    server.table.set('/rss', { body: readFixture('rss2.xml') });
    const poller = createFeedPoller(store, { httpGet: server.httpGet, now: () => clock });
    await Promise.all([poller.poll([server.url('/rss')]), poller.poll([server.url('/rss'), server.url('/rss')])]);
    expect(server.table.hits.get('/rss')).toBe(1);
    const [again] = await poller.poll([server.url('/rss')]);
    expect(again?.status).toBe('recent');
    expect(server.table.hits.get('/rss')).toBe(1);
  });

  it('backs off a failing feed, doubling the wait, and recovers', async () => {
    server.table.set('/rss', { body: 'oops', status: 503 });
    const poller = createFeedPoller(store, { httpGet: server.httpGet, now: () => clock, backoffBaseMs: 60_000 });
    expect((await poller.poll([server.url('/rss')]))[0]).toMatchObject({ status: 'failed', error: 'HTTP 503' });
    advance(30_000);
    expect((await poller.poll([server.url('/rss')]))[0]).toMatchObject({ status: 'backoff', error: 'HTTP 503' });
    advance(31_000);
    expect((await poller.poll([server.url('/rss')]))[0]?.status).toBe('failed');
    expect(await store.getFeedState(server.url('/rss'))).toMatchObject({ failures: 2, nextPollAt: new Date(clock.getTime() + 120_000).toISOString() });
    server.table.set('/rss', { body: readFixture('rss2.xml') });
    advance(121_000);
    expect((await poller.poll([server.url('/rss')]))[0]?.status).toBe('updated');
    expect((await store.getFeedState(server.url('/rss')))?.failures).toBe(0);
    expect(server.table.hits.get('/rss')).toBe(3);
  });

  it('does not count an item as new when the publisher changes its date or adds tracking parameters', async () => {
    const newest = new Date('2026-11-27T10:00:00Z');
    server.table.set('/rss', { body: rssWithItems('Wire', 3, newest) });
    const poller = createFeedPoller(store, { httpGet: server.httpGet, now: () => clock, minIntervalMs: 0 });
    expect((await poller.poll([server.url('/rss')]))[0]?.newItems).toHaveLength(3);
    server.table.set('/rss', { body: rssWithItems('Wire', 3, new Date('2026-11-27T11:30:00Z'), 'item', '?utm_source=rss&amp;fbclid=x') });
    expect((await poller.poll([server.url('/rss')]))[0]?.newItems).toEqual([]);
  });

  it('polls at most `concurrency` feeds at once', async () => {
    let inFlight = 0;
    let peak = 0;
    for (let i = 0; i < 6; i++) server.table.set(`/f${i}`, { body: readFixture('rss2.xml') });
    const poller = createFeedPoller(store, {
      now: () => clock,
      concurrency: 2,
      httpGet: async (url, init) => {
        peak = Math.max(peak, ++inFlight);
        try {
          return await server.httpGet(url, init);
        } finally {
          inFlight--;
        }
      },
    });
    const results = await poller.poll(Array.from({ length: 6 }, (_, i) => server.url(`/f${i}`)));
    expect(results.every((r) => r.status === 'updated')).toBe(true);
    expect(peak).toBe(2);
  });
});

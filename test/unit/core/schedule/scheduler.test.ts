/**
 * The scheduler under fake timers (no sockets: feeds come from an in-process HttpGet).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFeedPoller, feedsAdd } from '../../../../src/core/digest/index.js';
import { RateLimitError } from '../../../../src/core/errors.js';
import type { ChannelRef } from '../../../../src/core/model.js';
import type { Logger } from '../../../../src/core/platform.js';
import { createScheduler, type Scheduler } from '../../../../src/core/schedule/index.js';
import { createSqliteStore, type SqliteStore } from '../../../../src/core/store/index.js';
import { FeedTable, readFixture, rssWithItems } from '../digest/feed-server.js';
import { FakePlatform } from './fake-platform.js';

const CH: ChannelRef = { platform: 'discord', workspace: 'G1', channel: 'news' };
const FEED = 'http://feeds.test/rss';

let scheduler: Scheduler | undefined;
let store: SqliteStore | undefined;
afterEach(async () => {
  await scheduler?.stop();
  await store?.close();
  scheduler = undefined;
  store = undefined;
  vi.useRealTimers();
});

const quietLogger = (): Logger & { errors: string[] } => {
  const errors: string[] = [];
  return { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => void errors.push(m), errors };
};

async function setUp(startIso: string, cron: string, timezone: string, opts: { withFeed?: boolean } = {}) {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(startIso));
  store = createSqliteStore(':memory:');
  const table = new FeedTable();
  table.set('/rss', { body: readFixture('rss2.xml') });
  const httpGet = table.inProcess();
  if (opts.withFeed !== false) await feedsAdd(store, CH, `${FEED} latest:3`, { poller: createFeedPoller(store, { httpGet }) });
  await store.saveSchedule({ id: 'sch1', channel: CH, cron, timezone, topics: [], exclude: [], enabled: true, updatedAt: new Date(startIso).toISOString() });
  return { store, table, httpGet };
}

describe('scheduler', () => {
  it('posts at 08:00 Paris time once, marks items delivered after the post, and skips an empty digest', async () => {
    const { store: s, httpGet } = await setUp('2026-11-27T06:00:00Z', '0 8 * * *', 'Europe/Paris');
    const platform = new FakePlatform();
    scheduler = createScheduler({ store: s, post: platform.post, httpGet, tickMs: 3_600_000 });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(59 * 60_000);
    expect(platform.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(platform.calls).toEqual(['sch1:2026-11-27T07:00:00.000Z']);
    expect(platform.shown[0]?.reply.sections).toHaveLength(3);
    expect(await s.listUnseenItems(CH)).toEqual([]);
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(platform.calls).toHaveLength(1);
    expect((await s.getSlot('sch1', '2026-11-28T07:00:00.000Z'))?.status).toBe('skipped');
  });

  it('posts "nothing new" when the channel asked for empty digests', async () => {
    const { store: s, httpGet } = await setUp('2026-11-27T06:00:00Z', '0 8 * * *', 'UTC');
    await s.markItems(CH, (await s.listUnseenItems(CH)).map((i) => ({ ref: { feedUrl: FEED, itemId: i.item.id }, status: 'seen' as const })), new Date());
    await s.updateSettings(CH, { postEmptyDigest: true });
    const platform = new FakePlatform();
    scheduler = createScheduler({ store: s, post: platform.post, httpGet, tickMs: 3_600_000 });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * 3_600_000 + 60_000);
    expect(platform.shown[0]?.reply.text).toBe('Nothing new since the last digest.');
  });

  it('retries a failed post with backoff and the same idempotency key, honouring a rate limit', async () => {
    const { store: s, httpGet } = await setUp('2026-11-27T07:59:00Z', '0 8 * * *', 'UTC');
    const platform = new FakePlatform();
    platform.failNext(new RateLimitError('discord', 20_000), 'before');
    scheduler = createScheduler({ store: s, post: platform.post, httpGet, tickMs: 10_000, retry: { baseMs: 60_000 } });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(61_000);
    expect(platform.calls).toHaveLength(1);
    expect((await s.getSlot('sch1', '2026-11-27T08:00:00.000Z'))).toMatchObject({ status: 'retry', attempts: 1, nextRetryAt: '2026-11-27T08:00:20.000Z' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(platform.calls).toHaveLength(2);
    // The second failure waits base × 2 = 2 min.
    await vi.advanceTimersByTimeAsync(100_000);
    expect(platform.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(platform.calls).toEqual(Array(3).fill('sch1:2026-11-27T08:00:00.000Z'));
    expect(platform.shown).toHaveLength(1);
    expect(await s.getSlot('sch1', '2026-11-27T08:00:00.000Z')).toMatchObject({ status: 'posted', attempts: 2 });
  });

  it('gives up after the last attempt, logs it, and reports it with its news in the next digest', async () => {
    const { store: s, httpGet } = await setUp('2026-11-27T07:59:00Z', '0 8 * * *', 'UTC');
    const platform = new FakePlatform();
    platform.failNext('before', 'before');
    const logger = quietLogger();
    scheduler = createScheduler({ store: s, post: platform.post, httpGet, logger, tickMs: 120_000, retry: { maxAttempts: 2, baseMs: 60_000 } });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(await s.getSlot('sch1', '2026-11-27T08:00:00.000Z')).toMatchObject({ status: 'failed', attempts: 2, lastError: 'socket hang up' });
    expect(logger.errors).toEqual(['digest not posted after the last attempt; it will be reported in the next digest']);
    expect(platform.shown).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(platform.shown).toHaveLength(1);
    const reply = platform.shown[0]?.reply;
    expect(reply?.sections).toHaveLength(3);
    expect(reply?.context).toEqual(['The digest of Fri 27 Nov, 08:00 could not be posted (socket hang up); its news is included here.']);
    expect((await s.getSlot('sch1', '2026-11-27T08:00:00.000Z'))?.reported).toBe(true);
  });

  it('does not repeat items promised to a slot that is still being retried', async () => {
    const { store: s, httpGet, table } = await setUp('2026-11-27T07:59:00Z', '*/5 * * * *', 'UTC');
    const platform = new FakePlatform();
    platform.failNext('before');
    scheduler = createScheduler({ store: s, post: platform.post, httpGet, tickMs: 60_000, retry: { baseMs: 10 * 60_000 } });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    table.set('/rss', { body: rssWithItems('Later', 1, new Date()) });
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    const titles = platform.shown.flatMap((m) => m.reply.sections?.map((x) => x.heading) ?? []);
    expect(titles).toHaveLength(4);
    expect(new Set(titles).size).toBe(4);
  });
});

describe('scheduler across DST (Europe/Paris, daily 02:30)', () => {
  const postedSlots = async (startIso: string, days: number): Promise<string[]> => {
    const { store: s, httpGet } = await setUp(startIso, '30 2 * * *', 'Europe/Paris', { withFeed: false });
    await s.updateSettings(CH, { postEmptyDigest: true });
    const platform = new FakePlatform();
    scheduler = createScheduler({ store: s, post: platform.post, httpGet, tickMs: 3_600_000 });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(days * 86_400_000);
    return platform.calls.map((k) => k.slice('sch1:'.length));
  };

  it('posts at 03:00 the day clocks spring forward (02:30 does not exist on 29 March), as classic cron does', async () => {
    // node-cron itself skips that day; the scheduler's catch-up posts when the clocks jump.
    expect(await postedSlots('2026-03-27T12:00:00Z', 4)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ]);
  });

  it('posts once the day clocks fall back (02:30 happens twice on 25 October), at the first 02:30', async () => {
    expect(await postedSlots('2026-10-23T12:00:00Z', 4)).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
      '2026-10-27T01:30:00.000Z',
    ]);
  });
});

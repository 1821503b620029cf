/**
 * Slots post exactly once across processes and restarts: two stores on one SQLite file race
 * for a slot; a process dies mid-post; a confirmation is lost; the bot is down over a slot.
 * Real timers; `now` is injected and feeds come from an in-process HttpGet.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigestNow, createFeedPoller, feedsAdd } from '../../src/core/digest/index.js';
import type { ChannelRef } from '../../src/core/model.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../src/core/schedule/index.js';
import { createSqliteStore, type SqliteStore } from '../../src/core/store/index.js';
import { FeedTable, readFixture } from '../unit/core/digest/feed-server.js';
import { FakePlatform } from '../unit/core/schedule/fake-platform.js';

const CH: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C-news' };
const SLOT = new Date('2026-11-27T08:00:00Z');
const SLOT_ISO = SLOT.toISOString();
const at = (min: number): Date => new Date(SLOT.getTime() + min * 60_000);

let dir: string;
let file: string;
const stores: SqliteStore[] = [];
const schedulers: Scheduler[] = [];
const table = new FeedTable();
table.set('/rss', { body: readFixture('rss2.xml') });

const openStore = (): SqliteStore => {
  const s = createSqliteStore(`sqlite://${file}`);
  stores.push(s);
  return s;
};
const scheduler = (store: SqliteStore, platform: FakePlatform, now: Date, extra: Partial<SchedulerOptions> = {}): Scheduler => {
  const s = createScheduler({ store, post: platform.post, httpGet: table.inProcess(), now: () => now, tickMs: 3_600_000, ...extra });
  schedulers.push(s);
  return s;
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-restart-'));
  file = path.join(dir, 'nb.db');
  const store = openStore();
  await feedsAdd(store, CH, 'http://feeds.test/rss latest:3', { poller: createFeedPoller(store, { httpGet: table.inProcess(), now: () => at(-120) }), now: () => at(-120) });
  await store.saveSchedule({ id: 'sch1', channel: CH, cron: '0 8 * * *', timezone: 'UTC', topics: [], exclude: [], enabled: true, updatedAt: at(-120).toISOString() });
});
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  for (const s of stores.splice(0)) if (s.db.open) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function deliveredCount(store: SqliteStore): Promise<number> {
  const row = store.db.prepare("SELECT COUNT(*) AS n FROM channel_items WHERE status = 'delivered'").get() as { n: number };
  return row.n;
}

describe('slots across processes and restarts', () => {
  it('posts once when two processes on one SQLite file race for the same slot', async () => {
    const platform = new FakePlatform();
    const [a, b] = [scheduler(openStore(), platform, at(0), { instanceId: 'a' }), scheduler(openStore(), platform, at(0), { instanceId: 'b' })];
    const outcomes = await Promise.all([a.runSlot('sch1', SLOT), b.runSlot('sch1', SLOT)]);
    expect(outcomes.sort()).toEqual(['posted', 'taken']);
    expect(platform.calls).toHaveLength(1);
    expect(await deliveredCount(stores[0] as SqliteStore)).toBe(3);
  });

  it('a process killed while posting: the restarted one posts the slot once, with the same key', async () => {
    const dying = new FakePlatform();
    dying.failNext('hang');
    const called = new Promise<void>((resolve) => (dying.onCall = resolve));
    void scheduler(openStore(), dying, at(0), { instanceId: 'dying', stopTimeoutMs: 0 }).runSlot('sch1', SLOT);
    await called;
    // The process dies here: its claim stays `claimed`, nothing is marked delivered.
    const platform = new FakePlatform();
    const restarted = scheduler(openStore(), platform, at(15), { instanceId: 'restarted' });
    await restarted.tick();
    expect(platform.calls).toEqual([`sch1:${SLOT_ISO}`]);
    expect(dying.calls).toEqual([`sch1:${SLOT_ISO}`]);
    // The restarted process tells the platform the first attempt may have gone out (Slack then checks).
    expect([dying.maybePosted, platform.maybePosted]).toEqual([[false], [true]]);
    // … and when the first attempt was prepared, so Slack searches the channel from then on.
    expect(platform.firstAttemptAt).toEqual([at(0).toISOString()]);
    expect(platform.shown[0]?.reply.sections).toHaveLength(3);
    const store = stores.at(-1) as SqliteStore;
    expect(await store.getSlot('sch1', SLOT_ISO)).toMatchObject({ status: 'posted', claimedBy: 'restarted' });
    expect(await deliveredCount(store)).toBe(3);
    await restarted.tick();
    expect(platform.calls).toHaveLength(1);
  });

  it('a post that went out but whose confirmation was lost is retried with the same key and shown once', async () => {
    const platform = new FakePlatform();
    platform.failNext('after');
    const first = scheduler(openStore(), platform, at(0), { instanceId: 'first' });
    expect(await first.runSlot('sch1', SLOT)).toBe('retry');
    expect(await deliveredCount(stores.at(-1) as SqliteStore)).toBe(0);
    await first.stop();
    const second = scheduler(openStore(), platform, at(3), { instanceId: 'second' });
    await second.tick();
    expect(platform.calls).toEqual([`sch1:${SLOT_ISO}`, `sch1:${SLOT_ISO}`]);
    expect(platform.maybePosted).toEqual([false, true]);
    expect(platform.shown).toHaveLength(1);
    expect(await deliveredCount(stores.at(-1) as SqliteStore)).toBe(3);
  });

  it('after a restart, posts a slot missed within the grace window late and says so', async () => {
    const platform = new FakePlatform();
    await scheduler(openStore(), platform, at(90)).tick();
    expect(platform.calls).toEqual([`sch1:${SLOT_ISO}`]);
    expect(platform.shown[0]?.reply.context).toEqual(['Posted late: newsbrief was offline at Fri 27 Nov, 08:00.']);
  });

  it('reports an older missed slot in the next digest, which carries its news', async () => {
    const platform = new FakePlatform();
    const store = openStore();
    await scheduler(store, platform, at(180)).tick();
    expect(platform.calls).toEqual([]);
    expect((await store.getSlot('sch1', SLOT_ISO))?.status).toBe('missed');
    const nextDay = new Date(SLOT.getTime() + 86_400_000);
    expect(await scheduler(store, platform, nextDay).runSlot('sch1', nextDay)).toBe('posted');
    expect(platform.shown[0]?.reply.sections).toHaveLength(3);
    expect(platform.shown[0]?.reply.context).toEqual(['The digest of Fri 27 Nov, 08:00 was missed while newsbrief was offline; its news is included here.']);
    expect((await store.getSlot('sch1', SLOT_ISO))?.reported).toBe(true);
  });

  it('sums up a long outage in one line rather than one per missed slot', async () => {
    const platform = new FakePlatform();
    const store = openStore();
    const back = new Date(SLOT.getTime() + 5 * 86_400_000 + 3 * 3_600_000);
    await scheduler(store, platform, back).tick();
    expect((await store.listSlots('sch1', ['missed'])).length).toBe(6);
    const next = new Date(SLOT.getTime() + 6 * 86_400_000);
    expect(await scheduler(store, platform, next).runSlot('sch1', next)).toBe('posted');
    expect(platform.shown[0]?.reply.context).toEqual([
      '6 digests were missed while newsbrief was offline (Fri 27 Nov, 08:00 to Wed 2 Dec, 08:00); their news is included here.',
    ]);
  });

  it('an on-demand digest leaves out items a failed slot will retry, so nothing shows twice', async () => {
    const platform = new FakePlatform();
    platform.failNext('before');
    const store = openStore();
    const sched = scheduler(store, platform, at(0));
    expect(await sched.runSlot('sch1', SLOT)).toBe('retry');
    const now = await buildDigestNow(store, CH, { poller: createFeedPoller(store, { httpGet: table.inProcess(), now: () => at(1) }), now: () => at(1) });
    expect(now.text).toBe('Nothing new since the last digest.');
    await scheduler(store, platform, at(5)).tick();
    expect(platform.shown).toHaveLength(1);
    expect(platform.shown[0]?.reply.sections).toHaveLength(3);
    expect(await deliveredCount(store)).toBe(3);
  });

  it('after an outage, a frequent schedule posts one late digest, not one per missed slot', async () => {
    const store = openStore();
    const s = await store.getSchedule(CH);
    await store.saveSchedule({ ...(s as NonNullable<typeof s>), cron: '*/15 * * * *' });
    const platform = new FakePlatform();
    await scheduler(store, platform, at(50)).tick();
    expect(platform.calls).toEqual([`sch1:${at(45).toISOString()}`]);
    // Set up at 06:00: the ten slots from 06:15 to 08:30 were missed; 08:45 goes out (5 min late).
    expect(platform.shown[0]?.reply.context).toEqual([
      '10 digests were missed while newsbrief was offline (Fri 27 Nov, 06:15 to Fri 27 Nov, 08:30); their news is included here.',
    ]);
    expect(platform.shown[0]?.reply.sections).toHaveLength(3);
  });
});

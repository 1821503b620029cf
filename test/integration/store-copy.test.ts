/**
 * `newsbrief store copy`: a SQLite deployment filled through the Store's API is copied into a real
 * PostgreSQL server, and the PostgreSQL store then answers every question the same way (the
 * PostgreSQL part is skipped, with the reason printed, where no PostgreSQL binaries are installed).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRef, FeedItem } from '../../src/core/model.js';
import { createPostgresStore, SqliteStore, type Store } from '../../src/core/store/index.js';
import { makeInstallation, makeStoredBriefing } from '../contract/store.contract.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../helpers/postgres-server.js';
import { runCliForTest } from '../helpers/run-cli.js';

const CH: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const FEED = 'https://news.example/rss';
const NOW = new Date('2026-03-01T08:00:00.000Z');
const SLOT_POSTED = '2026-03-01T07:00:00.000Z';
const SLOT_PENDING = '2026-03-01T08:00:00.000Z';
const PASSWORD = 'Sup3r-Secret-pw';

const item = (id: string): FeedItem => ({ id, feedUrl: FEED, title: `Story ${id}`, url: `https://news.example/${id}`, publishedAt: NOW.toISOString() });

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-copy-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A SQLite deployment with a bit of everything, written through the public API. */
async function fillSqlite(file: string): Promise<void> {
  const store = new SqliteStore({ path: file });
  const at = new Date(NOW.getTime() - 3_600_000);
  // Same creation instant: only the save order (rowid, seq in PostgreSQL) says which is latest.
  await store.saveBriefing(makeStoredBriefing('b1', CH, at));
  await store.saveBriefing(makeStoredBriefing('b2', CH, at));
  await store.updateSettings(CH, { summarizer: 'extractive', postEmptyDigest: true });
  await store.cacheSet('llm', 'hash1', '{"points":["A."]}');
  await store.addSubscription({ channel: CH, feedUrl: FEED, title: 'News', weight: 1.5, createdAt: at.toISOString() });
  await store.saveFeedState({ feedUrl: FEED, title: 'News', etag: '"v1"', failures: 0, lastSuccess: at.toISOString(), nextPollAt: NOW.toISOString() });
  await store.saveItems(FEED, [item('i1'), item('i2')], at);
  await store.markItems(CH, [{ ref: { feedUrl: FEED, itemId: 'i2' }, status: 'filtered', reason: 'excluded word: crypto' }], at);
  await store.saveSchedule({ id: 'sch1', channel: CH, cron: '0 * * * *', timezone: 'Europe/Paris', topics: ['climate'], exclude: ['crypto'], maxStories: 5, enabled: true, updatedAt: at.toISOString() });
  expect(await store.claimSlot({ scheduleId: 'sch1', slotTime: SLOT_POSTED, channel: CH, status: 'claimed', claimedBy: 'host-a', claimedAt: SLOT_POSTED })).toBe(true);
  await store.recordDelivery(
    { id: 'd1', channel: CH, scheduleId: 'sch1', slotTime: SLOT_POSTED, messageIds: ['1700000000.000100'], items: [{ feedUrl: FEED, itemId: 'i1' }], deliveredAt: SLOT_POSTED },
    [{ ref: { feedUrl: FEED, itemId: 'i1' }, status: 'delivered', deliveryId: 'd1', slotTime: SLOT_POSTED, storyId: 's1', storyTitle: 'Story i1' }],
  );
  expect(await store.claimSlot({ scheduleId: 'sch1', slotTime: SLOT_PENDING, channel: CH, status: 'claimed', claimedBy: 'host-a', claimedAt: SLOT_PENDING })).toBe(true);
  await store.updateSlot('sch1', SLOT_PENDING, { status: 'retry', attempts: 1, nextRetryAt: '2026-03-01T08:05:00.000Z', lastError: 'rate limited', payload: '{"stories":[]}' });
  await store.saveInstallation(makeInstallation('T1', 'xoxb-installed', { orgWide: true, botTokenExpiresAt: 1_900_000_000, botRefreshToken: 'xoxe-1' }));
  await store.close();
}

/** What a user of the store would read back, through the public API only. */
async function readBack(store: Store): Promise<unknown> {
  return {
    b1: await store.getBriefing('b1'),
    b2: await store.getBriefing('b2'),
    latest: (await store.latestBriefing(CH, NOW))?.briefing.id,
    settings: await store.getSettings(CH),
    cache: await store.cacheGet('llm', 'hash1'),
    subscriptions: await store.listSubscriptions(CH),
    feedState: await store.getFeedState(FEED),
    items: await store.listFeedItems(FEED),
    unseen: await store.listUnseenItems(CH),
    i1: await store.getChannelItem(CH, { feedUrl: FEED, itemId: 'i1' }),
    i2: await store.getChannelItem(CH, { feedUrl: FEED, itemId: 'i2' }),
    schedule: await store.getSchedule(CH),
    slots: await store.listSlots('sch1'),
    delivery: await store.getDelivery('d1'),
    installation: await store.getInstallation('slack', 'T1'),
  };
}

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The per-table counts printed after a copy. */
function printedCounts(stdout: string): Record<string, number> {
  return Object.fromEntries([...stdout.matchAll(/^ {2}([a-z_]+)\s+(\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

describe('newsbrief store copy: usage and source errors', () => {
  it('refuses a missing SQLite file with one line and exit 1', async () => {
    const r = await runCliForTest(['store', 'copy', '--from', path.join(dir, 'nope.db'), '--to', 'postgres://u:pw@127.0.0.1:1/db']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/No SQLite database at .*nope\.db/);
  });

  it('refuses a file that is not a newsbrief database', async () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'just some text, not SQLite at all '.repeat(40));
    const r = await runCliForTest(['store', 'copy', '--from', file, '--to', 'postgres://u:pw@127.0.0.1:1/db']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^newsbrief: Cannot read .*notes\.txt as a newsbrief database/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a --to that is not PostgreSQL, a bad scheme and missing options with exit 2, never echoing the password', async () => {
    const cases = [
      ['store', 'copy', '--from', 'a.db', '--to', 'sqlite://b.db'],
      ['store', 'copy', '--from', 'a.db', '--to', `mysql://root:${PASSWORD}@db/x`],
      ['store', 'copy', '--from', 'a.db', '--to', `postgres://root:${PASSWORD}@/`],
      ['store', 'copy', '--to', 'postgres://h/db'],
      ['store', 'copy', '--from', 'a.db'],
      ['store', 'move', '--from', 'a.db', '--to', 'postgres://h/db'],
      ['store', 'copy', '--from', 'a.db', '--to', 'postgres://h/db', '--force'],
    ];
    for (const argv of cases) {
      const r = await runCliForTest(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toContain(PASSWORD);
    }
  });

  it('documents itself under --help and in the command list', async () => {
    const help = await runCliForTest(['store', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--replace');
    expect((await runCliForTest(['--help'])).stdout).toMatch(/^ {2}store +copy a deployment/m);
  });
});

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`store copy PostgreSQL tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('newsbrief store copy into PostgreSQL', () => {
  let server: PostgresServer;
  let sqliteFile: string;
  let pgUrl: string;
  let expected: unknown;

  beforeAll(async () => {
    server = await startPostgres();
    // The test server trusts every login, so any password works; the point is that it is never shown.
    pgUrl = (await server.createDatabase('copy')).replace('postgres://postgres@', `postgres://postgres:${PASSWORD}@`);
    sqliteFile = path.join(dir, 'newsbrief.db');
    await fillSqlite(sqliteFile);
    const sqlite = new SqliteStore({ path: sqliteFile });
    expected = await readBack(sqlite);
    await sqlite.close();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('copies every table exactly, leaves the SQLite file untouched and prints the counts without the password', async () => {
    const before = sha(sqliteFile);
    const r = await runCliForTest(['store', 'copy', '--from', `sqlite://${sqliteFile}`, '--to', pgUrl]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    expect(r.stdout).toContain('postgres://postgres:***@');
    expect(printedCounts(r.stdout)).toEqual({
      briefings: 2,
      channel_settings: 1,
      cache: 1,
      subscriptions: 1,
      feed_state: 1,
      items: 2,
      channel_items: 2,
      schedules: 1,
      slot_claims: 2,
      deliveries: 1,
      installations: 1,
    });
    expect(sha(sqliteFile)).toBe(before);

    const pg = await createPostgresStore(pgUrl);
    try {
      expect(await readBack(pg)).toEqual(expected);
      // A delivered slot stays delivered: no instance can claim it and post it again.
      expect(await pg.claimSlot({ scheduleId: 'sch1', slotTime: SLOT_POSTED, channel: CH, status: 'claimed', claimedBy: 'host-b', claimedAt: NOW.toISOString() })).toBe(false);
      expect((await pg.getSlot('sch1', SLOT_POSTED))?.status).toBe('posted');
      // The pending one is taken over when its retry is due, as it would have been on SQLite.
      expect(await pg.reclaimSlot('sch1', SLOT_PENDING, 'host-b', new Date('2026-03-01T08:06:00Z'), new Date(0))).toBe(true);
      // Items already known are not new again; the feed poller would post nothing twice.
      expect(await pg.saveItems(FEED, [item('i1'), item('i2')], NOW)).toEqual([]);
      expect(await pg.listUnseenItems(CH)).toEqual([]);
      // New rows come after the copied ones (the sequence was advanced past them).
      await pg.saveBriefing(makeStoredBriefing('b3', CH, new Date(NOW.getTime() - 3_600_000)));
      expect((await pg.latestBriefing(CH, NOW))?.briefing.id).toBe('b3');
    } finally {
      await pg.close();
    }
  });

  it('refuses a second copy into a database that holds data, and changes nothing', async () => {
    const r = await runCliForTest(['store', 'copy', '--from', sqliteFile, '--to', pgUrl]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/already holds newsbrief data \(briefings, .*installations\); nothing was copied\. Add --replace/);
    expect(r.stderr).not.toContain(PASSWORD);
    const pg = await createPostgresStore(pgUrl);
    try {
      // b3, saved only in PostgreSQL, is still there and still the latest; the reclaimed slot kept its new owner.
      expect((await pg.latestBriefing(CH, NOW))?.briefing.id).toBe('b3');
      expect((await pg.getSlot('sch1', SLOT_PENDING))?.claimedBy).toBe('host-b');
    } finally {
      await pg.close();
    }
  });

  it('with --replace empties the target and copies again', async () => {
    const r = await runCliForTest(['store', 'copy', '--from', sqliteFile, '--to', pgUrl, '--replace']);
    expect(r.code).toBe(0);
    expect(printedCounts(r.stdout).briefings).toBe(2);
    const pg = await createPostgresStore(pgUrl);
    try {
      expect(await pg.getBriefing('b3')).toBeUndefined();
      expect(await readBack(pg)).toEqual(expected);
    } finally {
      await pg.close();
    }
  });

  it('copies a file from before the installations table without upgrading the file itself', async () => {
    const old = path.join(dir, 'old.db');
    fs.copyFileSync(sqliteFile, old);
    const db = new Database(old);
    db.exec('DROP TABLE installations; DELETE FROM schema_migrations WHERE version = 4');
    db.close();
    const before = sha(old);
    const target = await server.createDatabase('old');
    const r = await runCliForTest(['store', 'copy', '--from', old, '--to', target]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(printedCounts(r.stdout)).toMatchObject({ briefings: 2, slot_claims: 2, installations: 0 });
    expect(sha(old)).toBe(before);
    const pg = await createPostgresStore(target);
    try {
      expect(await readBack(pg)).toEqual({ ...(expected as object), installation: undefined });
    } finally {
      await pg.close();
    }
  });

  it('names an unreachable server in one line, with the password masked', async () => {
    const r = await runCliForTest(['store', 'copy', '--from', sqliteFile, '--to', `postgres://postgres:${PASSWORD}@127.0.0.1:1/none`]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('Could not open the PostgreSQL database postgres://postgres:***@127.0.0.1:1/none');
    expect(r.stderr).toContain('Check --to');
    expect(r.stderr).not.toContain(PASSWORD);
  });
});

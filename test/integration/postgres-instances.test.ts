/**
 * Several newsbrief instances on one PostgreSQL database: each store below has its own pool,
 * as a separate process would. Real server on loopback; skipped (with the reason) without one.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/core/errors.js';
import type { ChannelRef } from '../../src/core/model.js';
import { createPostgresStore, PostgresStore, type Store } from '../../src/core/store/index.js';
import { migratePostgres, PG_MIGRATIONS } from '../../src/core/store/postgres/index.js';
import { makeStoredBriefing } from '../contract/store.contract.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../helpers/postgres-server.js';

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`PostgreSQL multi-instance tests skipped: ${unavailable}`);

const T1: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const T2: ChannelRef = { platform: 'slack', workspace: 'T2', channel: 'C1' };
const NOW = new Date('2026-01-10T12:00:00Z');

describe.skipIf(unavailable !== undefined)('PostgreSQL with several instances', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
    console.info(`temporary PostgreSQL server: initdb + start in ${server.startMs.toFixed(0)} ms`);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Two instances (two pools) on one fresh database; closed after `fn`. */
  async function withInstances(fn: (a: Store, b: Store) => Promise<void>): Promise<void> {
    const url = await server.createDatabase('instances');
    const [a, b] = await Promise.all([createPostgresStore(url), createPostgresStore(url)]);
    try {
      await fn(a, b);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }

  it('posts each digest slot once when two instances claim it at the same moment', async () => {
    await withInstances(async (a, b) => {
      const slots = Array.from({ length: 20 }, (_, i) => new Date(NOW.getTime() + i * 3_600_000).toISOString());
      for (const slotTime of slots) {
        const claim = (store: Store, who: string) => store.claimSlot({ scheduleId: 's1', slotTime, channel: T1, status: 'claimed', claimedBy: who, claimedAt: slotTime });
        const wins = await Promise.all([claim(a, 'a1'), claim(b, 'b1'), claim(a, 'a2'), claim(b, 'b2')]);
        expect(wins.filter(Boolean)).toHaveLength(1);
      }
      expect(await b.listSlots('s1')).toHaveLength(20);
    });
  });

  it('lets exactly one instance take over a stale claim', async () => {
    await withInstances(async (a, b) => {
      const slotTime = NOW.toISOString();
      expect(await a.claimSlot({ scheduleId: 's1', slotTime, channel: T1, status: 'claimed', claimedBy: 'dead', claimedAt: slotTime })).toBe(true);
      const later = new Date(NOW.getTime() + 3_600_000);
      const staleBefore = new Date(NOW.getTime() + 1);
      const wins = await Promise.all([a.reclaimSlot('s1', slotTime, 'a', later, staleBefore), b.reclaimSlot('s1', slotTime, 'b', later, staleBefore), a.reclaimSlot('s1', slotTime, 'a2', later, staleBefore), b.reclaimSlot('s1', slotTime, 'b2', later, staleBefore)]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      const winner = ['a', 'b', 'a2', 'b2'][wins.indexOf(true)];
      expect((await a.getSlot('s1', slotTime))?.claimedBy).toBe(winner);
    });
  });

  it('counts a feed item as new for only one of two instances polling the same feed', async () => {
    await withInstances(async (a, b) => {
      const feed = 'https://news.example/feed.xml';
      const items = Array.from({ length: 10 }, (_, i) => ({ id: String(i), feedUrl: feed, title: `Item ${i}` }));
      const [fromA, fromB] = await Promise.all([a.saveItems(feed, items, NOW), b.saveItems(feed, items, NOW)]);
      expect(fromA.length + fromB.length).toBe(10);
    });
  });

  it('saves the same items from two instances in opposite orders without a deadlock, each item new once', async () => {
    await withInstances(async (a, b) => {
      for (let round = 0; round < 15; round++) {
        const feed = `https://news.example/feed-${round}.xml`;
        const items = Array.from({ length: 200 }, (_, i) => ({ id: `item-${(i * 37) % 200}`, feedUrl: feed, title: `Item ${i}` }));
        const [fromA, fromB] = await Promise.all([a.saveItems(feed, items, NOW), b.saveItems(feed, [...items].reverse(), NOW)]);
        const newIds = [...fromA, ...fromB].map((item) => item.id).sort();
        expect(newIds).toEqual(items.map((item) => item.id).sort());
        const stored = await a.listFeedItems(feed);
        expect(stored.map((s) => s.item.id).sort()).toEqual(newIds);
      }
    });
  });

  it('keeps the feed order of newly saved items and reports a repeated item once', async () => {
    await withInstances(async (a) => {
      const feed = 'https://news.example/ordered.xml';
      const items = ['z', 'a', 'm', 'a'].map((id, i) => ({ id, feedUrl: feed, title: `Item ${id} ${i}` }));
      const fresh = await a.saveItems(feed, items, NOW);
      expect(fresh.map((item) => item.title)).toEqual(['Item z 0', 'Item a 1', 'Item m 2']);
      // Newest first, the feed's first item last; the repeated item keeps its last content.
      expect((await a.listFeedItems(feed)).map((s) => s.item.title)).toEqual(['Item m 2', 'Item a 3', 'Item z 0']);
      expect(await a.saveItems(feed, [{ id: 'm', feedUrl: feed, title: 'again' }, { id: 'n', feedUrl: feed, title: 'n' }], NOW)).toEqual([{ id: 'n', feedUrl: feed, title: 'n' }]);
    });
  });

  it('applies the migrations once when instances start together, without an error', async () => {
    const url = await server.createDatabase('migrate');
    const stores = Array.from({ length: 4 }, () => new PostgresStore(url));
    await Promise.all(stores.map((s) => s.ready));
    // And once more on a migrated database: nothing to do.
    expect(await migratePostgres(stores[0]!.pool)).toBe(PG_MIGRATIONS.at(-1)?.version);
    const { rows } = await stores[0]!.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    await Promise.all(stores.map((s) => s.close()));
  });

  it("never gives one workspace another's briefing, whichever instance saved it", async () => {
    await withInstances(async (a, b) => {
      await a.saveBriefing(makeStoredBriefing('t1-brief', T1, NOW));
      expect(await b.latestBriefing(T2, NOW)).toBeUndefined();
      await b.saveBriefing(makeStoredBriefing('t2-brief', T2, new Date(NOW.getTime() - 1000)));
      expect((await a.latestBriefing(T2, NOW))?.briefing.id).toBe('t2-brief');
      expect((await b.latestBriefing(T1, NOW))?.briefing.id).toBe('t1-brief');
      expect((await b.getBriefing('t1-brief'))?.channel).toEqual(T1);
    });
  });

  it('keeps both settings when two instances change one channel at once', async () => {
    await withInstances(async (a, b) => {
      await Promise.all([a.updateSettings(T1, { summarizer: 'llm' }), b.updateSettings(T1, { postEmptyDigest: true })]);
      expect(await a.getSettings(T1)).toEqual({ summarizer: 'llm', postEmptyDigest: true });
      expect(await b.getSettings(T2)).toEqual({});
    });
  });

  it('says the DATABASE_URL user may not create tables, or that the database is missing, without the password', async () => {
    const url = await server.createDatabase('denied');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("CREATE ROLE reader LOGIN PASSWORD 'r3ader-pw'");
    await admin.end();
    // PostgreSQL 15 lets only the database owner create tables in the public schema.
    const denied = await createPostgresStore(url.replace('postgres@', 'reader:r3ader-pw@')).catch((e: unknown) => e);
    expect((denied as ConfigError).key).toBe('DATABASE_URL');
    expect((denied as Error).message).toMatch(/Could not create or upgrade newsbrief's tables in postgres:\/\/reader:\*\*\*@.*permission denied.*allowed to create tables/);
    expect((denied as Error).message).not.toContain('r3ader-pw');

    // Opened lazily (as the app does), the store tries again on its next statement once allowed.
    const lazy = new PostgresStore(url.replace('postgres@', 'reader@'));
    await expect(lazy.getSettings(T1)).rejects.toThrow(/allowed to create tables/);
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    await owner.query('GRANT CREATE ON SCHEMA public TO reader');
    await owner.end();
    expect(await lazy.getSettings(T1)).toEqual({});
    await lazy.close();

    const missing = await createPostgresStore(`postgres://reader:r3ader-pw@127.0.0.1:${server.port}/no_such_db`).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/Could not open the PostgreSQL database .*no_such_db.*does not exist.*Check DATABASE_URL/);
  });

  it('stores timestamps as ISO text that sorts by time whatever the database locale', async () => {
    const url = await server.createDatabase('collate');
    const store = await createPostgresStore(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ collation_name: string }>("SELECT collation_name FROM information_schema.columns WHERE table_name = 'briefings' AND column_name = 'created_at'");
    expect(rows[0]?.collation_name).toBe('C');
    await client.end();
    await store.close();
  });
});

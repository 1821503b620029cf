/**
 * Per-operation latency of the Store: SQLite (file, WAL) against PostgreSQL (a temporary local
 * server over TCP loopback, fsync off as in the tests; a real server with fsync adds its commit
 * flush to every write). Also times starting that temporary server (initdb + start).
 *
 *   npm run bench:store [-- n=500]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelRef } from '../src/core/model.js';
import { createPostgresStore, createSqliteStore, type Store } from '../src/core/store/index.js';
import { makeStoredBriefing } from '../test/contract/store.contract.js';
import { percentile } from '../test/helpers/ack-timer.js';
import { postgresUnavailable, startPostgres } from '../test/helpers/postgres-server.js';

const n = Number(process.argv.find((a) => a.startsWith('n='))?.slice(2) ?? 500);
const channel: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };

async function time(label: string, store: Store, op: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await op(-1 - i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} p50 ${percentile(ms, 0.5).toFixed(3)} ms  p95 ${percentile(ms, 0.95).toFixed(3)} ms`);
}

async function measure(name: string, store: Store): Promise<void> {
  const now = new Date();
  await time(`${name} saveBriefing`, store, (i) => store.saveBriefing(makeStoredBriefing(`b${i}`, channel, now)));
  await time(`${name} getBriefing`, store, (i) => store.getBriefing(`b${Math.abs(i) % n}`));
  await time(`${name} latestBriefing`, store, () => store.latestBriefing(channel, now));
  await time(`${name} claimSlot`, store, (i) => store.claimSlot({ scheduleId: 's', slotTime: String(i), channel, status: 'claimed', claimedBy: 'p' }));
  await store.close();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-bench-'));
await measure('sqlite', createSqliteStore(`sqlite://${path.join(dir, 'bench.db')}`));
fs.rmSync(dir, { recursive: true, force: true });

const unavailable = postgresUnavailable();
if (unavailable) {
  console.log(`postgres skipped: ${unavailable}`);
} else {
  const server = await startPostgres();
  console.log(`postgres temporary server: initdb + start ${server.startMs.toFixed(0)} ms`);
  try {
    const t = performance.now();
    const url = await server.createDatabase('bench');
    const store = await createPostgresStore(url);
    console.log(`postgres create database + open + migrate ${(performance.now() - t).toFixed(0)} ms`);
    await measure('postgres', store);
  } finally {
    await server.stop();
  }
}

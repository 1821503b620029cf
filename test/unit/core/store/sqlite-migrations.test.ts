import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../../src/core/store/index.js';
import { MIGRATIONS } from '../../../../src/core/store/sqlite/migrations.js';

describe('SQLite migrations', () => {
  it('upgrades a version-1 database in place, keeping its briefings and settings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-migrate-'));
    const file = path.join(dir, 'old.db');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    old.exec(MIGRATIONS[0]?.sql ?? '');
    old.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(MIGRATIONS[0]?.name, new Date().toISOString());
    old.prepare("INSERT INTO channel_settings VALUES ('slack', 'T1', 'C1', '{\"postEmptyDigest\":true}')").run();
    old.close();

    const store = createSqliteStore(`sqlite://${file}`);
    const version = store.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number };
    expect(version.v).toBe(MIGRATIONS.at(-1)?.version);
    expect(await store.getSettings({ platform: 'slack', workspace: 'T1', channel: 'C1' })).toEqual({ postEmptyDigest: true });
    expect(await store.saveItems('https://a.example/rss', [{ id: '1', feedUrl: 'https://a.example/rss', title: 'T' }], new Date())).toHaveLength(1);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

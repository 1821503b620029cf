import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../../src/core/store/index.js';
import { makeStoredBriefing, runStoreContract } from '../../../contract/store.contract.js';

runStoreContract('sqlite (memory)', () => createSqliteStore(':memory:'));

describe('SqliteStore on a file', () => {
  it('keeps briefings across a restart, in WAL mode', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-store-'));
    const file = path.join(dir, 'nb.db');
    const first = createSqliteStore(`sqlite://${file}`);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await first.saveBriefing(makeStoredBriefing('kept', { platform: 'cli', workspace: 'local', channel: 'term' }, new Date()));
    await first.close();
    const second = createSqliteStore(`sqlite://${file}`);
    expect((await second.getBriefing('kept'))?.briefing.title).toBe('Title kept');
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewsbriefError } from '../../../../src/core/errors.js';
import { resolveFollowupTarget } from '../../../../src/core/followup/index.js';
import { createSqliteStore, type SqliteStore } from '../../../../src/core/store/index.js';
import { CHANNEL, storedSeed } from './stored-seed.js';

const NOW = new Date('2022-01-10T09:00:00Z');
let store: SqliteStore;

beforeEach(() => {
  store = createSqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

async function failure(promise: Promise<unknown>): Promise<NewsbriefError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NewsbriefError);
  return error as NewsbriefError;
}

describe('resolveFollowupTarget', () => {
  it('takes the latest briefing in the channel when no id is given', async () => {
    await store.saveBriefing(storedSeed({ id: 'older', createdAt: '2022-01-09T10:00:00.000Z' }));
    await store.saveBriefing(storedSeed({ id: 'newer', createdAt: '2022-01-09T12:00:00.000Z' }));
    const target = await resolveFollowupTarget(store, CHANNEL, undefined, NOW);
    expect(target.briefing.id).toBe('newer');
  });

  it('takes the briefing a button names', async () => {
    await store.saveBriefing(storedSeed({ id: 'older', createdAt: '2022-01-09T10:00:00.000Z' }));
    await store.saveBriefing(storedSeed({ id: 'newer', createdAt: '2022-01-09T12:00:00.000Z' }));
    const target = await resolveFollowupTarget(store, CHANNEL, 'older', NOW);
    expect(target.briefing.id).toBe('older');
  });

  it('says to run /brief first when the channel has no briefing', async () => {
    const error = await failure(resolveFollowupTarget(store, CHANNEL, undefined, NOW));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('No briefing in this channel yet; run /brief <link> first.');
  });

  it('refuses a briefing of another channel, and of the same channel id in another workspace', async () => {
    await store.saveBriefing(storedSeed({ id: 'theirs', channel: { ...CHANNEL, channel: 'C2' } }));
    await store.saveBriefing(storedSeed({ id: 'other-team', channel: { ...CHANNEL, workspace: 'T2' } }));
    for (const id of ['theirs', 'other-team']) {
      const error = await failure(resolveFollowupTarget(store, CHANNEL, id, NOW));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toBe('That briefing belongs to another channel.');
    }
    // Nor does "latest" reach into them.
    expect((await failure(resolveFollowupTarget(store, CHANNEL, undefined, NOW))).code).toBe('NOT_FOUND');
  });

  it('says an expired briefing has expired', async () => {
    await store.saveBriefing(storedSeed({ id: 'old', expiresAt: '2022-01-10T08:59:59.000Z' }));
    const error = await failure(resolveFollowupTarget(store, CHANNEL, 'old', NOW));
    expect(error.code).toBe('EXPIRED');
    expect(error.message).toBe('That briefing has expired (briefings are kept for 7 days); run /brief again.');
  });

  it('does not say whether another channel’s briefing has expired', async () => {
    await store.saveBriefing(storedSeed({ id: 'theirs-old', channel: { ...CHANNEL, channel: 'C9' }, expiresAt: '2022-01-01T00:00:00.000Z' }));
    expect((await failure(resolveFollowupTarget(store, CHANNEL, 'theirs-old', NOW))).code).toBe('FORBIDDEN');
  });

  it('says a purged or unknown briefing no longer exists', async () => {
    await store.saveBriefing(storedSeed({ id: 'gone', expiresAt: '2022-01-10T00:00:00.000Z' }));
    await store.purgeExpiredBriefings(NOW);
    const error = await failure(resolveFollowupTarget(store, CHANNEL, 'gone', NOW));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('run /brief again');
  });
});

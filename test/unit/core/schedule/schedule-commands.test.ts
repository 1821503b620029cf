import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNewsbriefError } from '../../../../src/core/errors.js';
import type { ChannelRef } from '../../../../src/core/model.js';
import { scheduleOff, scheduleSet, scheduleShow } from '../../../../src/core/schedule/index.js';
import { createSqliteStore, type SqliteStore } from '../../../../src/core/store/index.js';

const CH: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const OTHER: ChannelRef = { platform: 'slack', workspace: 'T2', channel: 'C1' };
const now = (): Date => new Date('2026-11-27T12:00:00Z');

let store: SqliteStore;
beforeEach(() => {
  store = createSqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

describe('schedule set|show|off', () => {
  it('sets a daily Paris digest, says when the next one is, and keeps one schedule per channel', async () => {
    const reply = await scheduleSet(store, CH, 'daily 08:00 tz:Europe/Paris topics: ai exclude: crypto max:5 empty:post', { now });
    expect(reply.text).toMatch(/^every day at 08:00 \(Europe\/Paris\)\. Next: Sat 28 Nov, 08:00\. This channel follows no feeds yet/);
    expect(reply.fields).toContainEqual({ label: 'When nothing is new', value: 'post "nothing new"' });
    expect(await store.getSettings(CH)).toEqual({ postEmptyDigest: true });
    const first = await store.getSchedule(CH);
    await scheduleSet(store, CH, 'weekdays 07:30', { now });
    expect(await store.getSchedule(CH)).toMatchObject({ id: first?.id, cron: '30 7 * * 1-5', timezone: 'UTC', topics: [], exclude: [] });
    expect(await store.getSchedule(OTHER)).toBeUndefined();
  });

  it('shows the schedule and its rules, and turns it off', async () => {
    await scheduleSet(store, CH, 'weekdays 07:30 tz:America/New_York topics: climate', { now });
    const shown = await scheduleShow(store, CH, { now });
    expect(shown.fields?.slice(0, 3)).toEqual([
      { label: 'When', value: 'weekdays at 07:30 (America/New_York)' },
      { label: 'Status', value: 'on, next Fri 27 Nov, 07:30' }, // 12:00Z is 07:00 in New York
      { label: 'Topics', value: 'climate' },
    ]);
    expect((await scheduleOff(store, CH, { now })).text).toMatch(/off for this channel/);
    expect(await store.listEnabledSchedules()).toEqual([]);
    expect((await scheduleShow(store, CH, { now })).fields?.[1]).toEqual({ label: 'Status', value: 'off' });
    await expect(scheduleOff(store, CH, { now })).rejects.toSatisfy((e) => isNewsbriefError(e) && e.code === 'NOT_FOUND');
    expect((await scheduleShow(store, OTHER, { now })).text).toMatch(/has no digest schedule/);
  });
});

/**
 * The digest half of the Store contract (subscriptions, feed state, items, seen items,
 * schedules, slot claims, deliveries). runStoreContract runs it for every implementation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, FeedItem } from '../../src/core/model.js';
import type { Store, StoredSchedule } from '../../src/core/store/index.js';

const A: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const B: ChannelRef = { platform: 'slack', workspace: 'T2', channel: 'C1' };
const NOW = new Date('2026-01-10T12:00:00Z');
const FEED = 'https://news.example/feed.xml';

const item = (id: string, title = `Item ${id}`): FeedItem => ({ id, feedUrl: FEED, title, url: `https://news.example/${id}` });
const sub = (channel: ChannelRef, feedUrl = FEED) => ({ channel, feedUrl, weight: 1, createdAt: NOW.toISOString() });
const schedule = (channel: ChannelRef, id: string): StoredSchedule => ({
  id,
  channel,
  cron: '0 8 * * *',
  timezone: 'Europe/Paris',
  topics: ['ai'],
  exclude: ['crypto'],
  maxStories: 5,
  enabled: true,
  updatedAt: NOW.toISOString(),
});

export function runDigestStoreContract(name: string, createStore: () => Store | Promise<Store>): void {
  describe(`DigestStore contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps subscriptions per channel and says whether one is new', async () => {
      expect(await store.addSubscription(sub(A))).toBe(true);
      expect(await store.addSubscription({ ...sub(A), weight: 2 })).toBe(false);
      expect((await store.listSubscriptions(A)).map((s) => [s.feedUrl, s.weight])).toEqual([[FEED, 2]]);
      expect(await store.listSubscriptions(B)).toEqual([]);
      expect(await store.removeSubscription(B, FEED)).toBe(false);
      expect(await store.removeSubscription(A, FEED)).toBe(true);
      expect(await store.listSubscriptions(A)).toEqual([]);
    });

    it('keeps feed state with validators and backoff', async () => {
      await store.saveFeedState({ feedUrl: FEED, etag: '"v1"', lastModified: 'Sat, 10 Jan 2026 11:00:00 GMT', failures: 2, nextPollAt: NOW.toISOString(), lastError: 'HTTP 503' });
      expect(await store.getFeedState(FEED)).toMatchObject({ etag: '"v1"', failures: 2, lastError: 'HTTP 503' });
      expect(await store.getFeedState('https://other.example/')).toBeUndefined();
    });

    it('saves an item once per feed and id, refreshing its content', async () => {
      expect((await store.saveItems(FEED, [item('1'), item('2')], NOW)).map((i) => i.id)).toEqual(['1', '2']);
      const later = new Date(NOW.getTime() + 60_000);
      expect((await store.saveItems(FEED, [item('1', 'Renamed'), item('3')], later)).map((i) => i.id)).toEqual(['3']);
      const stored = await store.listFeedItems(FEED);
      expect(stored.find((s) => s.item.id === '1')).toMatchObject({ item: { title: 'Renamed' }, firstSeenAt: NOW.toISOString() });
    });

    it('forgets items gone from their feed for long, but not those a quiet feed (304) still carries', async () => {
      const day = 86_400_000;
      const other = 'https://quiet.example/feed.xml';
      await store.saveItems(FEED, [item('gone')], NOW);
      await store.saveItems(FEED, [item('kept')], new Date(NOW.getTime() + 40 * day));
      await store.saveItems(other, [{ ...item('quiet'), feedUrl: other }], NOW);
      await store.touchFeedItems(other, new Date(NOW.getTime() + 40 * day));
      await store.markItems(A, [{ ref: { feedUrl: FEED, itemId: 'gone' }, status: 'delivered' }], NOW);
      expect(await store.purgeItems(new Date(NOW.getTime() + 30 * day))).toBe(1);
      expect((await store.listFeedItems(FEED)).map((s) => s.item.id)).toEqual(['kept']);
      expect((await store.listFeedItems(other)).map((s) => s.item.id)).toEqual(['quiet']);
      expect(await store.getChannelItem(A, { feedUrl: FEED, itemId: 'gone' })).toBeUndefined();
    });

    it("lists only the channel's unseen items of its own feeds", async () => {
      await store.addSubscription(sub(A));
      await store.saveItems(FEED, [item('1'), item('2'), item('3')], NOW);
      await store.markItems(A, [{ ref: { feedUrl: FEED, itemId: '1' }, status: 'seen' }], NOW);
      expect((await store.listUnseenItems(A)).map((s) => s.item.id)).toEqual(['2', '3']);
      expect(await store.listUnseenItems(B)).toEqual([]);
      await store.addSubscription(sub(B));
      expect((await store.listUnseenItems(B)).map((s) => s.item.id)).toEqual(['1', '2', '3']);
      expect((await store.findChannelItems(A, ['https://news.example/2'])).map((s) => s.item.id)).toEqual(['2']);
      expect(await store.findChannelItems({ ...A, channel: 'C9' }, ['https://news.example/2'])).toEqual([]);
    });

    it('never downgrades a delivered item', async () => {
      const ref = { feedUrl: FEED, itemId: '1' };
      await store.markItems(A, [{ ref, status: 'delivered', deliveryId: 'd1', slotTime: NOW.toISOString() }], NOW);
      await store.markItems(A, [{ ref, status: 'filtered', reason: 'excluded word: x' }], NOW);
      expect(await store.getChannelItem(A, ref)).toMatchObject({ status: 'delivered', deliveryId: 'd1' });
      expect(await store.getChannelItem(B, ref)).toBeUndefined();
    });

    it('keeps one schedule per channel and lists the enabled ones', async () => {
      await store.saveSchedule(schedule(A, 's-a'));
      await store.saveSchedule({ ...schedule(A, 's-ignored'), cron: '30 7 * * 1-5' });
      await store.saveSchedule({ ...schedule(B, 's-b'), enabled: false });
      expect(await store.getSchedule(A)).toMatchObject({ id: 's-a', cron: '30 7 * * 1-5', topics: ['ai'], exclude: ['crypto'], maxStories: 5 });
      expect((await store.listEnabledSchedules()).map((s) => s.id)).toEqual(['s-a']);
      expect((await store.getScheduleById('s-b'))?.enabled).toBe(false);
    });

    it('lets exactly one caller claim a slot, and a stale or due claim be taken over once', async () => {
      const slot = NOW.toISOString();
      const claim = { scheduleId: 's-a', slotTime: slot, channel: A, status: 'claimed' as const, claimedBy: 'p1', claimedAt: slot };
      expect(await store.claimSlot(claim)).toBe(true);
      expect(await store.claimSlot({ ...claim, claimedBy: 'p2' })).toBe(false);
      const later = new Date(NOW.getTime() + 600_000);
      expect(await store.reclaimSlot('s-a', slot, 'p2', later, new Date(NOW.getTime() - 1))).toBe(false);
      expect((await store.listRecoverableSlots(later, new Date(NOW.getTime() + 1))).map((s) => s.slotTime)).toEqual([slot]);
      expect(await store.reclaimSlot('s-a', slot, 'p2', later, new Date(NOW.getTime() + 1))).toBe(true);
      expect(await store.reclaimSlot('s-a', slot, 'p3', later, new Date(NOW.getTime() + 1))).toBe(false);
      await store.updateSlot('s-a', slot, { status: 'retry', attempts: 1, nextRetryAt: later.toISOString(), lastError: 'boom' });
      expect(await store.reclaimSlot('s-a', slot, 'p3', NOW, NOW)).toBe(false);
      expect(await store.reclaimSlot('s-a', slot, 'p3', later, NOW)).toBe(true);
      expect(await store.getSlot('s-a', slot)).toMatchObject({ status: 'claimed', claimedBy: 'p3', attempts: 1, lastError: 'boom', channel: A });
    });

    it('records a delivery with its items and marks the slot posted in one step', async () => {
      const slot = NOW.toISOString();
      await store.claimSlot({ scheduleId: 's-a', slotTime: slot, channel: A, status: 'claimed', claimedBy: 'p1', claimedAt: slot });
      const ref = { feedUrl: FEED, itemId: '1' };
      await store.recordDelivery(
        { id: 'd1', channel: A, scheduleId: 's-a', slotTime: slot, messageIds: ['m1'], items: [ref], deliveredAt: slot },
        [{ ref, status: 'delivered', deliveryId: 'd1', slotTime: slot, storyId: 'st1', storyTitle: 'Story' }],
      );
      expect(await store.getDelivery('d1')).toMatchObject({ messageIds: ['m1'], items: [ref], channel: A });
      expect((await store.getSlot('s-a', slot))?.status).toBe('posted');
      expect((await store.listSlots('s-a', ['posted'])).length).toBe(1);
      expect(await store.getChannelItem(A, ref)).toMatchObject({ status: 'delivered', storyTitle: 'Story' });
    });
  });
}

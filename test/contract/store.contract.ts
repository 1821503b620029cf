/**
 * The contract every Store implementation must pass. Run it with
 * `runStoreContract('sqlite', () => createSqliteStore(':memory:'))`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, Briefing, ChannelRef } from '../../src/core/model.js';
import type { Store, StoredBriefing, StoredInstallation } from '../../src/core/store/index.js';
import { runDigestStoreContract } from './digest-store.contract.js';

const SLACK_A: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const SLACK_B: ChannelRef = { platform: 'slack', workspace: 'T2', channel: 'C1' };
const NOW = new Date('2026-01-10T12:00:00Z');

export function makeStoredBriefing(id: string, channel: ChannelRef, createdAt: Date, ttlMs = 7 * 86_400_000): StoredBriefing {
  const briefing: Briefing = {
    id,
    title: `Title ${id}`,
    points: ['One.', 'Two.', 'Three.'],
    entities: { people: [], organisations: [], places: [] },
    whatNext: [],
    source: {},
    warnings: [],
    createdAt: createdAt.toISOString(),
  };
  const article: Article = { title: briefing.title, text: 'One. Two. Three.' };
  return { channel, briefing, article, createdAt: createdAt.toISOString(), expiresAt: new Date(createdAt.getTime() + ttlMs).toISOString() };
}

export function makeInstallation(workspace: string, botToken: string, extra: Partial<StoredInstallation> = {}): StoredInstallation {
  return { platform: 'slack', workspace, orgWide: false, botToken, botUserId: `U${workspace}`, botScopes: ['commands', 'chat:write'], installedAt: NOW.toISOString(), ...extra };
}

export function runStoreContract(name: string, createStore: () => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('gives back a saved briefing with its article', async () => {
      await store.saveBriefing(makeStoredBriefing('b1', SLACK_A, NOW));
      const got = await store.getBriefing('b1');
      expect(got?.briefing.points).toEqual(['One.', 'Two.', 'Three.']);
      expect(got?.article.text).toBe('One. Two. Three.');
      expect(got?.channel).toEqual(SLACK_A);
    });

    it("finds the channel's latest briefing and never another workspace's", async () => {
      await store.saveBriefing(makeStoredBriefing('old', SLACK_A, new Date(NOW.getTime() - 60_000)));
      await store.saveBriefing(makeStoredBriefing('new', SLACK_A, NOW));
      await store.saveBriefing(makeStoredBriefing('other', SLACK_B, new Date(NOW.getTime() + 1000)));
      expect((await store.latestBriefing(SLACK_A, NOW))?.briefing.id).toBe('new');
      expect((await store.latestBriefing(SLACK_B, NOW))?.briefing.id).toBe('other');
      expect(await store.latestBriefing({ ...SLACK_A, channel: 'C9' }, NOW)).toBeUndefined();
    });

    it('forgets expired briefings', async () => {
      await store.saveBriefing(makeStoredBriefing('short', SLACK_A, NOW, 1000));
      expect(await store.latestBriefing(SLACK_A, new Date(NOW.getTime() + 2000))).toBeUndefined();
      expect(await store.purgeExpiredBriefings(new Date(NOW.getTime() + 2000))).toBe(1);
      expect(await store.getBriefing('short')).toBeUndefined();
    });

    it('keeps settings per channel', async () => {
      await store.updateSettings(SLACK_A, { summarizer: 'llm' });
      await store.updateSettings(SLACK_A, { postEmptyDigest: true });
      expect(await store.getSettings(SLACK_A)).toEqual({ summarizer: 'llm', postEmptyDigest: true });
      expect(await store.getSettings(SLACK_B)).toEqual({});
    });

    it('caches values by namespace and key', async () => {
      await store.cacheSet('llm', 'k', 'v1');
      await store.cacheSet('llm', 'k', 'v2');
      expect(await store.cacheGet('llm', 'k')).toBe('v2');
      expect(await store.cacheGet('other', 'k')).toBeUndefined();
    });

    it("keeps each workspace's installation apart and gives back every field", async () => {
      const full = makeInstallation('T1', 'xoxb-t1', {
        enterpriseId: 'E1', teamName: 'One', enterpriseName: 'Org', appId: 'A1', botId: 'B1',
        botRefreshToken: 'xoxe-1-r', botTokenExpiresAt: 1_800_000_000, installerUserId: 'U42',
      });
      await store.saveInstallation(full);
      await store.saveInstallation(makeInstallation('E9', 'xoxb-org', { orgWide: true, enterpriseId: 'E9' }));
      expect(await store.getInstallation('slack', 'T1')).toEqual(full);
      expect(await store.getInstallation('slack', 'E9')).toEqual(makeInstallation('E9', 'xoxb-org', { orgWide: true, enterpriseId: 'E9' }));
      expect(await store.getInstallation('slack', 'T2')).toBeUndefined();
      expect(await store.getInstallation('discord', 'T1')).toBeUndefined();
    });

    it('replaces an installation on reinstall and forgets it on uninstall', async () => {
      await store.saveInstallation(makeInstallation('T1', 'xoxb-old', { installerUserId: 'U1' }));
      await store.saveInstallation(makeInstallation('T2', 'xoxb-t2'));
      await store.saveInstallation(makeInstallation('T1', 'xoxb-new'));
      expect(await store.getInstallation('slack', 'T1')).toEqual(makeInstallation('T1', 'xoxb-new'));
      expect(await store.deleteInstallation('slack', 'T1')).toBe(true);
      expect(await store.deleteInstallation('slack', 'T1')).toBe(false);
      expect(await store.getInstallation('slack', 'T1')).toBeUndefined();
      expect((await store.getInstallation('slack', 'T2'))?.botToken).toBe('xoxb-t2');
    });
  });
  runDigestStoreContract(name, createStore);
}

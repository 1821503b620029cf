import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { createInstallationStore } from '../../../../src/adapters/slack/installations.js';
import { createSqliteStore, type SqliteStore } from '../../../../src/core/store/index.js';

const NOW = new Date('2026-11-27T12:00:00Z');

/** What @slack/oauth builds from an oauth.v2.access answer. */
const installation = (over: Partial<Installation> = {}): Installation => ({
  team: { id: 'T1', name: 'One' },
  enterprise: undefined,
  user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
  bot: { token: 'xoxb-t1', id: 'B1', userId: 'UBOT1', scopes: ['commands', 'chat:write'] },
  appId: 'A1',
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
  ...over,
});

describe('Slack installation store over our Store', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = createSqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it("gives Bolt back the workspace's bot token, bot ids and installer, and no other workspace's", async () => {
    const slack = createInstallationStore(store, () => NOW);
    await slack.storeInstallation(installation());
    await slack.storeInstallation(installation({ team: { id: 'T2' }, bot: { token: 'xoxb-t2', id: 'B2', userId: 'UBOT2', scopes: [] } }));
    const got = await slack.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(got).toMatchObject({ team: { id: 'T1', name: 'One' }, bot: { token: 'xoxb-t1', id: 'B1', userId: 'UBOT1' }, user: { id: 'UINSTALLER' }, isEnterpriseInstall: false });
    expect((await slack.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-t2');
    await expect(slack.fetchInstallation({ teamId: 'T3', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/not installed in Slack workspace T3/);
    expect(await store.getInstallation('slack', 'T1')).toMatchObject({ installedAt: NOW.toISOString(), installerUserId: 'UINSTALLER' });
  });

  it('keys an organisation-wide install by the organisation and serves its workspaces from it', async () => {
    const slack = createInstallationStore(store, () => NOW);
    await slack.storeInstallation(installation({ team: undefined, enterprise: { id: 'E1', name: 'Org' }, isEnterpriseInstall: true, bot: { token: 'xoxb-org', id: 'B9', userId: 'UBOT9', scopes: [] } }));
    expect(await store.getInstallation('slack', 'E1')).toMatchObject({ orgWide: true, enterpriseId: 'E1', botToken: 'xoxb-org' });
    expect((await slack.fetchInstallation({ teamId: 'T5', enterpriseId: 'E1', isEnterpriseInstall: false })).bot?.token).toBe('xoxb-org');
    expect((await slack.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).isEnterpriseInstall).toBe(true);
    await slack.deleteInstallation!({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true });
    expect(await store.getInstallation('slack', 'E1')).toBeUndefined();
  });

  it('refuses an installation without a bot token (newsbrief needs one)', async () => {
    const slack = createInstallationStore(store);
    const { bot: _bot, ...userOnly } = installation();
    await expect(slack.storeInstallation(userOnly as Installation)).rejects.toThrow(/without a workspace or bot token/);
  });
});

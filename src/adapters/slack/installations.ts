/**
 * Bolt's InstallationStore backed by newsbrief's Store (the `installations` table), so each workspace
 * that added the app through "Add to Slack" keeps its own bot token. An organisation-wide install
 * (Enterprise Grid) is one installation keyed by the organisation's id; every other install is keyed
 * by its workspace (team) id. That key is also the workspace of the channels it serves (handlers.ts),
 * so a workspace's data and token always go together.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { InstallationRecordStore, StoredInstallation } from '../../core/store/installation-store.js';
import { NewsbriefError } from '../../core/errors.js';

/** Where an installation, a query or a request context lives: the organisation for org-wide installs, else the team. */
export function installationKey(q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string | undefined {
  return q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : (q.teamId ?? q.enterpriseId);
}

/** Bolt's installation record → our row. @throws NewsbriefError when Slack granted no bot token */
export function toStoredInstallation(i: Installation, now: Date): StoredInstallation {
  const workspace = installationKey({ teamId: i.team?.id, enterpriseId: i.enterprise?.id, isEnterpriseInstall: i.isEnterpriseInstall });
  if (!workspace || !i.bot) throw new NewsbriefError('BAD_INPUT', 'Slack returned an installation without a workspace or bot token; add the app again from /slack/install.');
  return {
    platform: 'slack',
    workspace,
    ...(i.enterprise?.id ? { enterpriseId: i.enterprise.id } : {}),
    orgWide: i.isEnterpriseInstall === true,
    ...(i.team?.name ? { teamName: i.team.name } : {}),
    ...(i.enterprise?.name ? { enterpriseName: i.enterprise.name } : {}),
    ...(i.appId ? { appId: i.appId } : {}),
    botToken: i.bot.token,
    ...(i.bot.id ? { botId: i.bot.id } : {}),
    botUserId: i.bot.userId,
    botScopes: i.bot.scopes,
    ...(i.bot.refreshToken ? { botRefreshToken: i.bot.refreshToken } : {}),
    ...(i.bot.expiresAt !== undefined ? { botTokenExpiresAt: i.bot.expiresAt } : {}),
    ...(i.user?.id ? { installerUserId: i.user.id } : {}),
    installedAt: now.toISOString(),
  };
}

/** Our row → Bolt's installation record (bot only: newsbrief asks for no user scopes). */
export function toBoltInstallation(r: StoredInstallation): Installation {
  return {
    team: r.orgWide ? undefined : { id: r.workspace, ...(r.teamName ? { name: r.teamName } : {}) },
    enterprise: r.enterpriseId ? { id: r.enterpriseId, ...(r.enterpriseName ? { name: r.enterpriseName } : {}) } : undefined,
    user: { id: r.installerUserId ?? '', token: undefined, scopes: undefined },
    bot: {
      token: r.botToken,
      id: r.botId ?? '',
      userId: r.botUserId,
      scopes: r.botScopes,
      ...(r.botRefreshToken ? { refreshToken: r.botRefreshToken } : {}),
      ...(r.botTokenExpiresAt !== undefined ? { expiresAt: r.botTokenExpiresAt } : {}),
    },
    ...(r.appId ? { appId: r.appId } : {}),
    tokenType: 'bot',
    isEnterpriseInstall: r.orgWide,
    authVersion: 'v2',
  } as Installation;
}

/** The InstallationStore Bolt's OAuth flow and authorize() use. */
export function createInstallationStore(store: InstallationRecordStore, now: () => Date = () => new Date()): InstallationStore {
  /** An org-wide install serves every workspace of the organisation, so a team without its own install falls back to it. */
  const find = async (query: InstallationQuery<boolean>): Promise<StoredInstallation | undefined> => {
    const key = installationKey(query);
    const own = key ? await store.getInstallation('slack', key) : undefined;
    if (own || !query.enterpriseId || key === query.enterpriseId) return own;
    const org = await store.getInstallation('slack', query.enterpriseId);
    return org?.orgWide ? org : undefined;
  };
  return {
    storeInstallation: async (installation) => store.saveInstallation(toStoredInstallation(installation, now())),
    fetchInstallation: async (query) => {
      const found = await find(query);
      // Bolt turns this into "authorization failed" and drops the request; the message names no token.
      if (!found) throw new NewsbriefError('NOT_FOUND', `newsbrief is not installed in Slack workspace ${installationKey(query) ?? '(unknown)'}.`);
      return toBoltInstallation(found);
    },
    deleteInstallation: async (query) => {
      const key = installationKey(query);
      if (key) await store.deleteInstallation('slack', key);
    },
  };
}

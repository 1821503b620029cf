/**
 * Who may manage a channel's feeds and schedules on Slack: admins and owners of the workspace the
 * bot is installed in (users.info is_admin / is_owner / is_primary_owner, scope users:read), plus an
 * allowlist of user ids from configuration. In a Slack Connect channel, users.info describes a
 * member of another organisation too, and is_admin there means admin of *their* workspace: such a
 * user is never a manager here. Answers are cached for a few minutes per workspace and user.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/platform.js';

/**
 * @param teamId - the workspace the bot is installed in (the channel's home), not the caller's.
 * @param client - the request's Web API client, which carries that workspace's bot token.
 */
export type ManagerCheck = (teamId: string, userId: string, client: webApi.WebClient) => Promise<boolean>;

interface SlackUser {
  team_id?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  enterprise_user?: { teams?: string[] };
}

/** A member of `teamId` (on Enterprise Grid, of one of the org's workspaces that includes it). */
function belongsTo(user: SlackUser, teamId: string): boolean {
  return user.team_id === teamId || (user.enterprise_user?.teams ?? []).includes(teamId);
}

export interface ManagerCheckOptions {
  managers?: string[];
  cacheMs: number;
  logger: Logger;
  now?: () => number;
}

/** Build the canManage decision. Never throws: a failed lookup means "no". */
export function createManagerCheck(options: ManagerCheckOptions): ManagerCheck {
  const allow = new Set(options.managers ?? []);
  const cache = new Map<string, { value: boolean; at: number }>();
  const now = options.now ?? Date.now;
  return async (teamId, userId, client) => {
    if (allow.has(userId)) return true;
    const key = `${teamId}:${userId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < options.cacheMs) return hit.value;
    let value = false;
    try {
      const res = await client.users.info({ user: userId });
      const user = (res.user ?? {}) as SlackUser;
      value = belongsTo(user, teamId) && Boolean(user.is_admin || user.is_owner || user.is_primary_owner);
    } catch (err) {
      options.logger.warn('slack: users.info failed; treating the user as not a manager', {
        error: err instanceof Error ? err.message : String(err),
      });
      return false;
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { value, at: now() });
    return value;
  };
}

/**
 * Who may manage a channel's feeds and schedules on Slack: workspace admins and owners
 * (users.info is_admin / is_owner / is_primary_owner, scope users:read), plus an allowlist of
 * user ids from configuration. Answers are cached for a few minutes per workspace and user.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/platform.js';

export type ManagerCheck = (teamId: string, userId: string) => Promise<boolean>;

export interface ManagerCheckOptions {
  managers?: string[];
  cacheMs: number;
  logger: Logger;
  now?: () => number;
}

/** Build the canManage decision for one Web API client. Never throws: a failed lookup means "no". */
export function createManagerCheck(client: webApi.WebClient, options: ManagerCheckOptions): ManagerCheck {
  const allow = new Set(options.managers ?? []);
  const cache = new Map<string, { value: boolean; at: number }>();
  const now = options.now ?? Date.now;
  return async (teamId, userId) => {
    if (allow.has(userId)) return true;
    const key = `${teamId}:${userId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < options.cacheMs) return hit.value;
    let value = false;
    try {
      const res = await client.users.info({ user: userId });
      value = Boolean(res.user?.is_admin || res.user?.is_owner || res.user?.is_primary_owner);
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

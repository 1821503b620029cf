/**
 * Typed options for the Slack adapter. Only src/config reads the environment; it maps
 * SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, PORT and SLACK_API_URL onto this, and
 * SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET onto `oauth`.
 */
import type { Logger } from '../../core/platform.js';
import type { SlackOAuthConfig } from './oauth.js';

export interface SlackAdapterConfig {
  /** Bot User OAuth Token (`xoxb-…`) of the one workspace served; required unless `oauth` is given (never both). */
  botToken?: string;
  /**
   * Serve every workspace that adds the app ("Add to Slack", HTTP mode only): /slack/install and
   * /slack/oauth_redirect, each workspace's bot token kept in the Store and used for its requests.
   */
  oauth?: SlackOAuthConfig;
  /** Signing secret from "Basic Information"; required in HTTP mode, where Bolt verifies every request. */
  signingSecret?: string;
  /** App-level token (`xapp-…`) with `connections:write`; required when `socketMode` is true. */
  appToken?: string;
  /** Receive events over a WebSocket instead of `POST /slack/events`. Default: true when `appToken` is set. */
  socketMode?: boolean;
  /** HTTP port for `/slack/events` (HTTP mode) and `/healthz` (both modes). Default 3000; 0 picks a free port. */
  port?: number;
  /** Interface to listen on. Default all interfaces. */
  host?: string;
  /** Web API base URL. Default `https://slack.com/api/`. */
  apiUrl?: string;
  /** Slash command name as registered in the app manifest. Default `/brief`. */
  command?: string;
  /**
   * Slack user ids who may manage feeds and schedules in every channel, in addition to workspace
   * admins and owners (read with users.info, scope `users:read`).
   */
  managers?: string[];
  /** Bot ids; when both are given the adapter skips the `auth.test` call at start. */
  botId?: string;
  botUserId?: string;
  /** How many times one post waits out a 429 before giving up with RateLimitError. Default 5. */
  maxRateLimitWaits?: number;
  /** A Retry-After longer than this is not waited out: post() throws RateLimitError at once. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Web API retries on network errors and 5xx. Default 2. */
  networkRetries?: number;
  logger?: Logger;
}

export const SLACK_DEFAULTS = {
  port: 3000,
  apiUrl: 'https://slack.com/api/',
  command: '/brief',
  maxRateLimitWaits: 5,
  maxRetryAfterMs: 60_000,
  networkRetries: 2,
  /** How long a users.info answer (admin/owner) is trusted. */
  managerCacheMs: 5 * 60_000,
} as const;

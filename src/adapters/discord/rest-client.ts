/**
 * The adapter's REST client and how its failures are described: one place that builds a
 * discord.js REST instance from our options and turns its errors into NewsbriefErrors and
 * log-safe records (no token, no interaction-token URLs).
 */
import { DiscordAPIError, REST, RateLimitError as DjsRateLimitError, type RESTOptions } from 'discord.js';
import { NewsbriefError, RateLimitError } from '../../core/errors.js';
import { DEFAULT_DISCORD_API_URL, DEFAULT_MAX_RATE_LIMIT_WAIT_MS, type DiscordAdapterConfig } from './types.js';

/** REST options shared by the gateway client and the post-only REST instance. */
export function restOptions(config: Pick<DiscordAdapterConfig, 'apiUrl' | 'restOffsetMs' | 'maxRateLimitWaitMs'>): Partial<RESTOptions> {
  const maxWaitMs = config.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  return {
    version: '10',
    api: config.apiUrl ?? DEFAULT_DISCORD_API_URL,
    ...(config.restOffsetMs === undefined ? {} : { offset: config.restOffsetMs }),
    // Short 429s are waited out by discord.js; a long one is handed back so the caller retries later.
    rejectOnRateLimit: (data) => data.retryAfter > maxWaitMs,
  };
}

/** A REST client authorised as the bot. */
export function createRest(config: Pick<DiscordAdapterConfig, 'token' | 'apiUrl' | 'restOffsetMs' | 'maxRateLimitWaitMs'>): REST {
  return new REST(restOptions(config)).setToken(config.token);
}

/**
 * A REST failure as a NewsbriefError that tells the user or operator what to do.
 * @param err - what discord.js threw
 * @param what - the operation, e.g. `post to channel 123`
 */
export function toNewsbriefError(err: unknown, what: string): NewsbriefError {
  if (err instanceof NewsbriefError) return err;
  if (err instanceof DjsRateLimitError) return new RateLimitError('discord', err.retryAfter, { cause: err });
  // discord.js turns a 401 at login into DiscordjsError code TokenInvalid.
  if ((err as { code?: unknown } | null)?.code === 'TokenInvalid') {
    return new NewsbriefError('CONFIG_INVALID', `Discord refused the bot token (${what}). Check DISCORD_TOKEN.`, { cause: err });
  }
  if (err instanceof DiscordAPIError) {
    if (err.status === 401) return new NewsbriefError('CONFIG_INVALID', `Discord refused the bot token (${what}). Check DISCORD_TOKEN.`, { cause: err });
    if (err.status === 403) {
      return new NewsbriefError('FORBIDDEN', `Discord refused to ${what}: give the bot View Channel, Send Messages and Embed Links there.`, { cause: err });
    }
    if (err.status === 404) return new NewsbriefError('NOT_FOUND', `Discord could not ${what}: the channel is gone or the bot cannot see it.`, { cause: err });
  }
  return new NewsbriefError('FETCH_FAILED', `Discord request failed (${what}): ${safeMessage(err)}`, { cause: err });
}

/** An error's message with anything token-shaped removed. */
function safeMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Bot tokens are three dot-separated base64url parts; interaction tokens are long base64url runs.
  return message.replace(/[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g, '[redacted]').replace(/[\w-]{60,}/g, '[redacted]');
}

/** A log record for an error: name, code, status and a scrubbed message, never URLs or tokens. */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError) return { name: err.name, code: err.code, status: err.status, message: safeMessage(err) };
  if (err instanceof Error) return { name: err.name, message: safeMessage(err), stack: err.stack?.split('\n').slice(1, 4).join('\n') };
  return { message: safeMessage(err) };
}

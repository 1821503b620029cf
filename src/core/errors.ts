/**
 * Coded errors. A NewsbriefError is expected and carries a message fit for the user;
 * anything else is a bug: logged at the boundary and answered with a generic message.
 */

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'BAD_INPUT'
  | 'FETCH_BLOCKED'
  | 'FETCH_FAILED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'UNSUPPORTED_CONTENT'
  | 'IS_FEED'
  | 'EXTRACT_EMPTY'
  | 'PAYWALLED'
  | 'UNSUPPORTED_LANGUAGE'
  | 'SUMMARIZE_FAILED'
  | 'FEED_INVALID'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'EXPIRED'
  | 'FORBIDDEN';

export class NewsbriefError extends Error {
  override name = 'NewsbriefError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A fetch that failed or was refused. */
export class FetchError extends NewsbriefError {
  override name = 'FetchError';
  constructor(
    code: ErrorCode,
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** A platform (or provider) said "too many requests". */
export class RateLimitError extends NewsbriefError {
  override name = 'RateLimitError';
  constructor(
    readonly platform: string,
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super('RATE_LIMITED', `${platform} rate limit: retry after ${retryAfterMs} ms`, options);
  }
}

/** Bad configuration, naming the key and the fix. */
export class ConfigError extends NewsbriefError {
  override name = 'ConfigError';
  constructor(
    readonly key: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('CONFIG_INVALID', message, options);
  }
}

export const isNewsbriefError = (e: unknown): e is NewsbriefError => e instanceof NewsbriefError;

/** Expected per-item failures are values, so one bad article never sinks a digest. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: NewsbriefError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(error: NewsbriefError): Outcome<T> => ({ ok: false, error });

/**
 * The port between the core and the chat platforms.
 * The core never imports discord.js or @slack/bolt; adapters implement PlatformAdapter.
 */
import type { ChannelRef, CommandInput, Delivery, Platform, Reply } from './model.js';

export type { Platform };

/** What adapters call. */
export interface CoreApi {
  handle(input: CommandInput): Promise<Reply>;
}

/** One chat platform. Raw payload types stay inside the adapter. */
export interface PostOptions {
  idempotencyKey?: string;
  maybePosted?: boolean;
  /**
   * When the first attempt with this key was prepared: a platform that searches the channel for an
   * earlier post of it need look no further back.
   */
  firstAttemptAt?: Date;
}

export interface PlatformAdapter {
  readonly platform: Platform;
  /** Connect and start routing commands to `core`; resolves when ready. */
  start(core: CoreApi): Promise<void>;
  stop(): Promise<void>;
  /**
   * Post a Reply outside a command (scheduled digests). Splits to platform limits.
   * `idempotencyKey` lets platforms that support it refuse a duplicate of a retried post;
   * `maybePosted` says an earlier attempt with that key may have reached the platform (a retry, or a
   * restart after a crash), so a platform without server-side dedupe should check before posting.
   * @throws RateLimitError when the platform keeps refusing; the caller retries later.
   */
  post(channel: ChannelRef, reply: Reply, options?: PostOptions): Promise<Delivery>;
}

/** A minimal logger; adapters and core take one as an option. Never pass tokens to it. */
export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/**
 * Typed options for the Discord adapter. src/config reads DISCORD_TOKEN, DISCORD_APPLICATION_ID,
 * DISCORD_API_URL and the DISCORD_PUBLIC_KEY endpoint settings and main.ts passes them in;
 * nothing here reads process.env.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { Logger } from '../../core/platform.js';

/** Discord's REST base; discord.js appends `/v10/...`. */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

/** A 429 that asks us to wait longer than this is handed back to the caller as RateLimitError. */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;

export interface DiscordAdapterConfig {
  /** Bot token (DISCORD_TOKEN). Never logged. */
  token: string;
  /** Application id (DISCORD_APPLICATION_ID). */
  applicationId: string;
  /** REST base URL (DISCORD_API_URL), default {@link DEFAULT_DISCORD_API_URL}. */
  apiUrl?: string;
  logger?: Logger;
  /** Extra wait discord.js adds to every rate-limit sleep, default 50 ms; tests use 0. */
  restOffsetMs?: number;
  /** Longest 429 wait a post sits out before it throws RateLimitError instead. */
  maxRateLimitWaitMs?: number;
  /** Serve interactions at an HTTP endpoint instead of the gateway (set DISCORD_PUBLIC_KEY). */
  interactions?: DiscordInteractionsConfig;
}

/** Default path of the HTTP interactions endpoint. */
export const DEFAULT_INTERACTIONS_PATH = '/discord/interactions';
/** Default port of the HTTP interactions endpoint (PORT, 3000, belongs to Slack's server). */
export const DEFAULT_INTERACTIONS_PORT = 3001;

/** The HTTP interactions endpoint ("Interactions Endpoint URL" in the Developer Portal). */
export interface DiscordInteractionsConfig {
  /** The app's public key, hex (DISCORD_PUBLIC_KEY). */
  publicKey: string;
  /** Request path, default {@link DEFAULT_INTERACTIONS_PATH} (DISCORD_INTERACTIONS_PATH). */
  path?: string;
  /** Port, default {@link DEFAULT_INTERACTIONS_PORT} (DISCORD_HTTP_PORT); 0 picks a free one. */
  port?: number;
  /** Interface to listen on, default all. */
  host?: string;
}

/** Options for {@link registerCommands}. */
export interface RegisterCommandsOptions {
  token: string;
  applicationId: string;
  apiUrl?: string;
  /** Register in one guild (instant, for development); global when absent. */
  guildId?: string;
}

/** One message as sent to Discord: a REST body (embeds, components, allowed_mentions). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: { parse: [] };
}

/**
 * The Discord adapter: a discord.js gateway client (intent Guilds only) that routes `/brief`,
 * buttons, modals and autocomplete to the core, and a REST-only `post` for scheduled digests.
 */
import { Client, Events, GatewayIntentBits, type REST } from 'discord.js';
import type { ChannelRef, Delivery, Reply } from '../../core/model.js';
import type { CoreApi, Logger, PlatformAdapter } from '../../core/platform.js';
import { ConfigError } from '../../core/errors.js';
import { handleInteraction } from './handle-interaction.js';
import { postMessages } from './post-messages.js';
import { renderReply } from './render.js';
import { createRest, describeError, restOptions, toNewsbriefError } from './rest-client.js';
import type { DiscordAdapterConfig } from './types.js';

export { registerCommands } from './register-commands.js';
export { commandDefinitions } from './command-definitions.js';
export { renderReply } from './render.js';
export type { DiscordAdapterConfig, RegisterCommandsOptions } from './types.js';

/** Warnings and errors to stderr; the lead's logger replaces this. */
const CONSOLE_LOGGER: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (msg, data) => console.warn(msg, data ?? ''),
  error: (msg, data) => console.error(msg, data ?? ''),
};

export class DiscordAdapter implements PlatformAdapter {
  readonly platform = 'discord' as const;
  private readonly log: Logger;
  private readonly rest: REST;
  private client: Client | undefined;

  constructor(private readonly config: DiscordAdapterConfig) {
    if (!config.token) throw new ConfigError('DISCORD_TOKEN', 'DISCORD_TOKEN is required for Discord. Set it in .env.');
    if (!config.applicationId) {
      throw new ConfigError('DISCORD_APPLICATION_ID', 'DISCORD_APPLICATION_ID is required for Discord. Copy it from the Developer Portal into .env.');
    }
    this.log = config.logger ?? CONSOLE_LOGGER;
    this.rest = createRest(config);
  }

  /**
   * Connect to the gateway and serve interactions; resolves once READY. Does not register commands.
   * @throws NewsbriefError CONFIG_INVALID when Discord refuses the token
   */
  async start(core: CoreApi): Promise<void> {
    if (this.client) return;
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: restOptions(this.config),
      allowedMentions: { parse: [] },
    });
    client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, core, this.log));
    client.on(Events.Error, (err) => this.log.error('discord client error', { err: describeError(err) }));
    client.on(Events.ShardDisconnect, (event, shardId) => this.log.warn('discord gateway disconnected', { code: event.code, shardId }));
    client.on(Events.ShardResume, (shardId) => this.log.info('discord gateway resumed', { shardId }));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    this.client = client;
    try {
      await client.login(this.config.token);
      await ready;
    } catch (err) {
      this.client = undefined;
      await client.destroy();
      throw toNewsbriefError(err, 'log in to the gateway');
    }
    this.log.info('discord connected', { user: client.user?.tag, guilds: client.guilds.cache.size });
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.destroy();
  }

  /**
   * Post a Reply to a channel through REST (no gateway needed), split to Discord's limits.
   * @param options.idempotencyKey - makes a retried post return the first one instead of doubling it
   * @throws RateLimitError when Discord asks to wait longer than `maxRateLimitWaitMs`
   */
  async post(channel: ChannelRef, reply: Reply, options: { idempotencyKey?: string } = {}): Promise<Delivery> {
    const messages = renderReply(reply);
    const messageIds = await postMessages(this.rest, channel.channel, messages, options.idempotencyKey);
    return { messageIds };
  }
}

/** Create the Discord adapter (Chat SDK convention: `create<Platform>Adapter(config)`). */
export function createDiscordAdapter(config: DiscordAdapterConfig): DiscordAdapter {
  return new DiscordAdapter(config);
}

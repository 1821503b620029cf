/**
 * The Discord adapter: interactions (`/brief`, buttons, modals, autocomplete) arrive either over a
 * discord.js gateway client (intent Guilds only) or, when a public key is configured, at a signed
 * HTTP endpoint with no gateway connection. Both feed the raw interaction JSON to one handler;
 * only the first response differs (a REST callback vs. the HTTP response). `post` is REST-only.
 */
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Routes, type APIInteraction, type GatewayDispatchPayload, type REST } from 'discord.js';
import type { ChannelRef, Delivery, Reply } from '../../core/model.js';
import type { CoreApi, Logger, PlatformAdapter } from '../../core/platform.js';
import { ConfigError } from '../../core/errors.js';
import { handleInteraction } from './handle-interaction.js';
import { startInteractionsServer, type InteractionsServer } from './interactions-server.js';
import { createResponder, postCallback, type SendInitial } from './responder.js';
import { parsePublicKey } from './verify-signature.js';
import { postMessages } from './post-messages.js';
import { renderReply } from './render.js';
import { createRest, describeError, restOptions, toNewsbriefError } from './rest-client.js';
import { DEFAULT_INTERACTIONS_PATH, DEFAULT_INTERACTIONS_PORT, type DiscordAdapterConfig } from './types.js';

export { registerCommands } from './register-commands.js';
export { commandDefinitions } from './command-definitions.js';
export { renderReply } from './render.js';
export type { DiscordAdapterConfig, DiscordInteractionsConfig, RegisterCommandsOptions } from './types.js';
export { DEFAULT_INTERACTIONS_PATH, DEFAULT_INTERACTIONS_PORT } from './types.js';

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
  private server: InteractionsServer | undefined;

  constructor(private readonly config: DiscordAdapterConfig) {
    if (!config.token) throw new ConfigError('DISCORD_TOKEN', 'DISCORD_TOKEN is required for Discord. Set it in .env.');
    if (!config.applicationId) {
      throw new ConfigError('DISCORD_APPLICATION_ID', 'DISCORD_APPLICATION_ID is required for Discord. Copy it from the Developer Portal into .env.');
    }
    this.log = config.logger ?? CONSOLE_LOGGER;
    this.rest = createRest(config);
    // Parsed now so a bad key fails at start-up, not at Discord's first PING.
    if (config.interactions) parsePublicKey(config.interactions.publicKey);
  }

  /** The HTTP endpoint's URL on its bound address, once started in HTTP mode. */
  get interactionsUrl(): string | undefined {
    return this.server?.url;
  }

  /**
   * Serve interactions: at the HTTP endpoint when `interactions` is configured (resolves once
   * listening), else over the gateway (resolves once READY). Does not register commands.
   * @throws NewsbriefError CONFIG_INVALID when Discord refuses the token, or the endpoint's port is taken
   */
  async start(core: CoreApi): Promise<void> {
    if (this.client || this.server) return;
    if (this.config.interactions) return this.startHttp(core, this.config.interactions);
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: restOptions(this.config),
      allowedMentions: { parse: [] },
    });
    // The raw dispatch, not discord.js's Interaction object: the HTTP endpoint receives the same
    // JSON, so both transports share one reader and one handler.
    client.on(Events.Raw, (packet: GatewayDispatchPayload) => {
      if (packet.t === GatewayDispatchEvents.InteractionCreate) void this.dispatch(packet.d, postCallback(this.rest, packet.d), core);
    });
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

  private async startHttp(core: CoreApi, options: NonNullable<DiscordAdapterConfig['interactions']>): Promise<void> {
    // No gateway login to reject a bad token, so ask REST who we are before accepting interactions.
    try {
      await this.rest.get(Routes.user('@me'));
    } catch (err) {
      throw toNewsbriefError(err, 'check the bot token');
    }
    const port = options.port ?? DEFAULT_INTERACTIONS_PORT;
    try {
      this.server = await startInteractionsServer({
        publicKey: parsePublicKey(options.publicKey),
        path: options.path ?? DEFAULT_INTERACTIONS_PATH,
        port,
        ...(options.host === undefined ? {} : { host: options.host }),
        log: this.log,
        onInteraction: (raw, sendInitial) => this.dispatch(raw, sendInitial, core),
      });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      throw new ConfigError('DISCORD_HTTP_PORT', `The Discord interactions endpoint could not listen on port ${port} (${String(code ?? err)}). Set DISCORD_HTTP_PORT to a free port.`, { cause: err });
    }
    this.log.info('discord interactions endpoint listening', { url: this.server.url });
  }

  /** One interaction from either transport; resolves when it has been fully answered. */
  private dispatch(raw: APIInteraction, sendInitial: SendInitial, core: CoreApi): Promise<void> {
    return handleInteraction(raw, createResponder(this.rest, raw, sendInitial), core, this.log);
  }

  async stop(): Promise<void> {
    const { client, server } = this;
    this.client = undefined;
    this.server = undefined;
    await client?.destroy();
    await server?.close();
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

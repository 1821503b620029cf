/**
 * The Slack adapter: a Bolt app that serves /brief, follow-up buttons and the Ask modal, over
 * HTTP (`POST /slack/events`, signed requests verified by Bolt) or Socket Mode, with `/healthz`
 * on the HTTP port, and `post()` for scheduled digests. One workspace with SLACK_BOT_TOKEN, or
 * every workspace that adds the app through OAuth (oauth.ts).
 */
import type http from 'node:http';
import { App, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import { ConfigError, NewsbriefError } from '../../core/errors.js';
import type { ChannelRef, Delivery, Reply } from '../../core/model.js';
import type { CoreApi, Logger, PlatformAdapter, PostOptions } from '../../core/platform.js';
import { isNotInChannel, postMessages, slackErrorCode, type RateLimitPolicy } from './deliver.js';
import type { HandlerDeps } from './dispatch.js';
import { registerHandlers } from './handlers.js';
import { closeServer, healthRoute, portOf, startHealthServer } from './health.js';
import { createInstallationStore } from './installations.js';
import { createWorkspaceClients, oauthReceiverOptions, registerUninstallHandlers, type WorkspaceClients } from './oauth.js';
import { findPostedParts, postMetadata } from './post-marks.js';
import { consoleLogger, toBoltLogger } from './logger.js';
import { createManagerCheck } from './permissions.js';
import { renderReply } from './render.js';
import { SLACK_DEFAULTS, type SlackAdapterConfig } from './types.js';

export type { SlackAdapterConfig } from './types.js';
export { renderReply } from './render.js';

/** Remembered deliveries per idempotency key, so a retried post() neither duplicates nor loses a part. */
const IDEMPOTENCY_KEYS_KEPT = 1000;

export class SlackAdapter implements PlatformAdapter {
  readonly platform = 'slack' as const;
  private readonly app: App;
  private readonly logger: Logger;
  private readonly rateLimit: RateLimitPolicy;
  private core: CoreApi | undefined;
  private ready = false;
  private httpServer: http.Server | undefined;
  private readonly receiver: HTTPReceiver | undefined;
  private readonly deliveries = new Map<string, string[]>();
  private readonly inflight = new Map<string, Promise<Delivery>>();
  /** The workspace the bot token belongs to (auth.test), known after start(); none in OAuth mode. */
  private homeTeam: string | undefined;
  /** The Web API client for a workspace's calls outside a request: app.client, or the installation's (OAuth). */
  private readonly clientFor: WorkspaceClients;

  private readonly config: SlackAdapterConfig & { socketMode: boolean };

  constructor(options: SlackAdapterConfig) {
    const config = { ...options, socketMode: options.socketMode ?? Boolean(options.appToken) };
    validate(config);
    this.config = config;
    this.logger = config.logger ?? consoleLogger;
    this.rateLimit = {
      maxWaits: config.maxRateLimitWaits ?? SLACK_DEFAULTS.maxRateLimitWaits,
      maxRetryAfterMs: config.maxRetryAfterMs ?? SLACK_DEFAULTS.maxRetryAfterMs,
    };
    const boltLogger = toBoltLogger(this.logger);
    const clientOptions = {
      // The client appends the method name, so the base must end with a slash.
      slackApiUrl: (config.apiUrl ?? SLACK_DEFAULTS.apiUrl).replace(/\/?$/, '/'),
      // 429s come back to us (deliver.ts waits them out per call); other failures retry briefly.
      rejectRateLimitedCalls: true,
      retryConfig: { retries: config.networkRetries ?? SLACK_DEFAULTS.networkRetries, minTimeout: 200, maxTimeout: 2000 },
    };
    const knowsBot = Boolean(config.botId && config.botUserId);
    const installations = config.oauth ? createInstallationStore(config.oauth.installations) : undefined;
    const common = {
      ...(config.botToken ? { token: config.botToken } : {}),
      ...(config.botId ? { botId: config.botId } : {}),
      ...(config.botUserId ? { botUserId: config.botUserId } : {}),
      logger: boltLogger,
      logLevel: LogLevel.INFO,
      clientOptions,
      // auth.test runs in start() (app.init), where a bad token fails loudly instead of as an unhandled rejection.
      deferInitialization: true,
      tokenVerificationEnabled: !knowsBot,
      // We keep no conversation state in Bolt; skipping its store saves work on every request.
      convoStore: false as const,
    };
    this.receiver = config.socketMode
      ? undefined
      : new HTTPReceiver({
          signingSecret: config.signingSecret!,
          endpoints: '/slack/events',
          customRoutes: [healthRoute(() => this.ready)],
          logger: boltLogger,
          ...(config.oauth && installations ? oauthReceiverOptions(config.oauth, installations, clientOptions) : {}),
        });
    this.app = this.receiver
      ? new App({ ...common, receiver: this.receiver })
      : new App({ ...common, socketMode: true, appToken: config.appToken! });
    this.clientFor =
      config.oauth && this.receiver
        ? createWorkspaceClients(this.receiver, config.oauth.installations, (token) => new webApi.WebClient(token, { ...clientOptions, logger: boltLogger }))
        : async () => this.app.client;
    const deps: HandlerDeps = {
      core: () => {
        if (!this.core) throw new Error('SlackAdapter received a request before start(core)');
        return this.core;
      },
      homeTeam: () => this.homeTeam,
      logger: this.logger,
      canManage: createManagerCheck({
        managers: config.managers ?? [],
        cacheMs: SLACK_DEFAULTS.managerCacheMs,
        logger: this.logger,
      }),
      rateLimit: this.rateLimit,
    };
    registerHandlers(this.app, deps, config.command ?? SLACK_DEFAULTS.command);
    if (installations) registerUninstallHandlers(this.app, installations, this.logger);
    this.app.error(async (err) => {
      this.logger.error('slack: unhandled error in a listener', { error: err.message });
    });
  }

  /** The HTTP port actually listened on (useful with `port: 0`). */
  get port(): number | undefined {
    return portOf(this.httpServer);
  }

  /** Listen (HTTP) or connect (Socket Mode), check the bot token, then report ready on /healthz. */
  async start(core: CoreApi): Promise<void> {
    this.core = core;
    const port = this.config.port ?? SLACK_DEFAULTS.port;
    const host = this.config.host;
    if (this.receiver) {
      // Listen first so /healthz answers 503 while the token is checked (app.start would refuse before init).
      this.httpServer = await this.receiver.start(host ? { port, host } : { port });
      await this.initApp();
    } else {
      this.httpServer = await startHealthServer(() => this.ready, port, host);
      await this.initApp();
      await this.app.start();
    }
    this.ready = true;
    this.logger.info('slack: ready', { mode: this.config.socketMode ? 'socket' : 'http', port: this.port });
  }

  async stop(): Promise<void> {
    this.ready = false;
    const server = this.httpServer;
    if (!server) return; // never started
    try {
      const stopping = this.app.stop();
      server?.closeAllConnections();
      await stopping;
    } catch (err) {
      this.logger.warn('slack: stop failed', { error: err instanceof Error ? err.message : String(err) });
    }
    await closeServer(server);
    this.httpServer = undefined;
  }

  /**
   * Post a reply (a scheduled digest) to a channel: split to Slack's limits, 429s waited out.
   * With an idempotency key, a repeated call returns the first delivery, and a call after a
   * partial failure posts only the messages still missing. With `maybePosted` (a retry that may
   * follow a crash) the parts already in the channel are found through their metadata (post-marks.ts).
   * @throws RateLimitError when Slack keeps refusing; NewsbriefError FORBIDDEN when the bot is not in the channel.
   */
  async post(channel: ChannelRef, reply: Reply, options: PostOptions = {}): Promise<Delivery> {
    if (channel.platform !== 'slack') {
      throw new NewsbriefError('BAD_INPUT', `The Slack adapter cannot post to a ${channel.platform} channel (${channel.channel}).`);
    }
    const key = options.idempotencyKey;
    if (!key) return this.deliver(channel, reply, undefined);
    // A second call with the same key while the first is still posting waits for it instead of posting twice.
    const running = this.inflight.get(key);
    if (running) return running;
    const delivering = this.deliver(channel, reply, key, options.maybePosted === true, options.firstAttemptAt).finally(() => this.inflight.delete(key));
    this.inflight.set(key, delivering);
    return delivering;
  }

  private async deliver(channel: ChannelRef, reply: Reply, key: string | undefined, maybePosted = false, since?: Date): Promise<Delivery> {
    const messages = renderReply(reply);
    let done = key ? this.deliveries.get(key) : undefined;
    // A retried key this process has no record of may have been posted before a crash or restart.
    if (key && !done && maybePosted) done = await this.postedBefore(channel, key, since);
    done ??= [];
    if (key) this.remember(key, done);
    const firstPart = done.length;
    const marks = key ? (i: number) => postMetadata(key, firstPart + i) : undefined;
    try {
      const client = await this.clientFor(channel.workspace);
      await postMessages(client, { channel: channel.channel }, messages.slice(done.length), this.rateLimit, (ts) => done.push(ts), marks);
    } catch (err) {
      if (isNotInChannel(err)) {
        throw new NewsbriefError('FORBIDDEN', `The bot can’t post in Slack channel ${channel.channel}; invite it with /invite @newsbrief.`, { cause: err });
      }
      if (err instanceof NewsbriefError) throw err;
      throw new NewsbriefError('FETCH_FAILED', `Slack chat.postMessage failed (${slackErrorCode(err) ?? 'network'}) for channel ${channel.channel}.`, { cause: err });
    }
    return { messageIds: [...done] };
  }

  /** Parts of `key` already in the channel (post-marks.ts); none when the history cannot be read. */
  private async postedBefore(channel: ChannelRef, key: string, since?: Date): Promise<string[]> {
    try {
      return await findPostedParts(await this.clientFor(channel.workspace), channel.channel, key, this.rateLimit, since);
    } catch (err) {
      this.logger.warn('slack: could not read the channel history to check for an earlier post of this digest; posting it', {
        channel: channel.channel,
        error: slackErrorCode(err) ?? (err instanceof Error ? err.message : String(err)),
      });
      return [];
    }
  }

  private remember(key: string, ids: string[]): void {
    this.deliveries.delete(key);
    this.deliveries.set(key, ids);
    if (this.deliveries.size > IDEMPOTENCY_KEYS_KEPT) this.deliveries.delete(this.deliveries.keys().next().value!);
  }

  /** Bolt's init checks the token; our own auth.test learns which workspace it belongs to (OAuth mode has no one token). */
  private async initApp(): Promise<void> {
    try {
      await this.app.init();
      if (this.config.oauth) return;
      const auth = await this.app.client.auth.test();
      this.homeTeam = auth.team_id;
    } catch (err) {
      await this.stop();
      const code = slackErrorCode(err) ?? (err instanceof Error ? err.message : String(err));
      throw new ConfigError('SLACK_BOT_TOKEN', `Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page.`, { cause: err });
    }
  }
}

/** Build the Slack adapter from typed options (see SlackAdapterConfig). @throws ConfigError */
export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  return new SlackAdapter(config);
}

function validate(config: SlackAdapterConfig): void {
  if (config.oauth) return validateOAuth(config);
  if (!config.botToken) throw new ConfigError('SLACK_BOT_TOKEN', 'SLACK_BOT_TOKEN is required for Slack. Set it to the Bot User OAuth Token (xoxb-…).');
  if (config.socketMode && !config.appToken) {
    throw new ConfigError('SLACK_APP_TOKEN', 'SLACK_APP_TOKEN is required for Socket Mode. Create an app-level token with connections:write under "Basic Information".');
  }
  if (!config.socketMode && !config.signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'SLACK_SIGNING_SECRET is required in HTTP mode. Copy it from your app\'s "Basic Information" page.');
  }
}

/** OAuth mode: the three OAuth keys, HTTP mode with its signing secret, and no single bot token besides. */
function validateOAuth(config: SlackAdapterConfig & { socketMode?: boolean }): void {
  if (config.botToken) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (install in several workspaces), not both.');
  }
  const oauth = config.oauth!;
  const missing = [['SLACK_CLIENT_ID', oauth.clientId], ['SLACK_CLIENT_SECRET', oauth.clientSecret], ['SLACK_STATE_SECRET', oauth.stateSecret]].find(([, v]) => !v);
  if (missing) {
    throw new ConfigError(missing[0]!, `${missing[0]} is required to install in several workspaces. Copy Client ID and Client Secret from "Basic Information"; SLACK_STATE_SECRET is any long random string.`);
  }
  if (config.socketMode) {
    throw new ConfigError('SLACK_APP_TOKEN', 'Installing in several workspaces (SLACK_CLIENT_ID…) needs HTTP mode: unset SLACK_APP_TOKEN and give the app a public HTTPS address.');
  }
  if (!config.signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'SLACK_SIGNING_SECRET is required in HTTP mode. Copy it from your app\'s "Basic Information" page.');
  }
}

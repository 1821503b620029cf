/**
 * Composition root: picks the implementations behind every seam and wires them. No logic here.
 */
import type { Readable, Writable } from 'node:stream';
import type { Config } from './config/index.js';
import { createCore, type ArticleSource, type FollowupService } from './core/commands/index.js';
import { createLogger } from './core/logger.js';
import type { Article, FeedItem, Reply, SummarizerName } from './core/model.js';
import type { CoreApi, Logger, PlatformAdapter } from './core/platform.js';
import { ConfigError } from './core/errors.js';
import { runFollowup } from './core/followup/index.js';
import { extractFacts } from './core/nlp/facts.js';
import { chooseSummarizer, createLlmSummarizer } from './core/summarize/llm/index.js';
import type { DigestService } from './core/commands/index.js';
import { buildDigestForFeeds, createDigestService, createFeedPoller, digestToJson, digestToReply, summarizeFromFeed, type FeedPoller } from './core/digest/index.js';
import { groupStories, runGroupJsonl } from './core/digest/group/index.js';
import { createSafeHttpGet } from './core/fetch/http-get.js';
import { createScheduler } from './core/schedule/index.js';
import { createServingExtractor } from './core/extract/index.js';
import { articleFromText, loadArticleFromUrl } from './core/ingest/index.js';
import { openStore as openStoreAt, type Store } from './core/store/index.js';
import { createExtractiveSummarizer, summarizePoints, type Summarizer } from './core/summarize/index.js';

export interface DigestForFeedsResult {
  reply: Reply;
  json: { stories: { title: string; points: string[]; sources: { url?: string; title: string; feed: string }[] }[]; brokenFeeds: { url: string; error: string }[] };
}

export interface RunningApp {
  stop(): Promise<void>;
}

/** Everything the CLI and the adapters need, built once from the configuration. */
export interface App {
  config: Config;
  logger: Logger;
  articles: ArticleSource & { extractHtml(html: string, url?: string): Promise<Article> };
  /** The named summarizer, or the configured default. */
  summarizer(name?: SummarizerName): Summarizer;
  followups: FollowupService;
  /** Opened on first use. */
  store(): Store;
  core(): CoreApi;
  groupJsonl(input: Readable, output: Writable): Promise<void>;
  digestForFeeds(feedUrls: string[], options: { sinceMs: number; maxStories?: number }): Promise<DigestForFeedsResult>;
  registerDiscordCommands(guildId?: string): Promise<number>;
  start(): Promise<RunningApp>;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  logger?: Logger;
  now?: () => Date;
}

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** 1–2 points for a digest story from its lead item's feed summary, by the extractive summarizer. */
function summarizeFeedItem(item: FeedItem): string[] {
  const fromFeed = summarizeFromFeed(item);
  if (!item.summary || fromFeed.length < 2) return fromFeed;
  const { points } = summarizePoints({ title: item.title, text: item.summary }, { maxPoints: 2, minPoints: 1 });
  return points.length ? points : fromFeed;
}

/** Builds the application from the configuration. Nothing is opened until it is used. */
export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const fetchOptions = {
    allowPrivateNetworks: config.fetch.allowPrivateNetworks,
    timeoutMs: config.fetch.timeoutMs,
    idleTimeoutMs: config.fetch.idleTimeoutMs,
    maxBytes: config.fetch.maxBytes,
    maxRedirects: config.fetch.maxRedirects,
  };
  // HTML is parsed in worker threads while the app serves (start → stop), in-process otherwise.
  const extraction = createServingExtractor({ workers: config.extract.workers, timeoutMs: config.extract.timeoutMs });
  const articles: App['articles'] = {
    loadUrl: (url) => loadArticleFromUrl(url, { ...fetchOptions, extractHtml: extraction.extract }),
    fromText: (text) => articleFromText(text),
    extractHtml: (html, url) => extraction.extract(html, url ? { url } : {}),
  };
  const clock = options.now ?? (() => new Date());
  const extractive = createExtractiveSummarizer({ now: clock, extractFacts });
  let store: Store | undefined;
  // DATABASE_URL's scheme picks SQLite (default) or PostgreSQL.
  const openStore = (): Store => (store ??= openStoreAt(config.store.url, { logger }));
  const summarizers: { extractive: Summarizer; llm?: Summarizer } = { extractive };
  const { llm } = config;
  if (llm.baseUrl && llm.model) {
    summarizers.llm = createLlmSummarizer({
      baseUrl: llm.baseUrl,
      model: llm.model,
      ...(llm.apiKey ? { apiKey: llm.apiKey } : {}),
      timeoutMs: llm.timeoutMs,
      maxInputTokens: llm.maxInputTokens,
      maxOutputTokens: llm.maxOutputTokens,
      temperature: llm.temperature,
      responseFormat: llm.responseFormat,
      fallback: extractive,
      // The cache lives in the store; opened on the first LLM briefing only.
      cache: { cacheGet: (ns, key) => openStore().cacheGet(ns, key), cacheSet: (ns, key, value) => openStore().cacheSet(ns, key, value) },
      logger,
    });
  }
  const followups: FollowupService = { run: runFollowup };
  let core: CoreApi | undefined;
  const httpGet = createSafeHttpGet(fetchOptions);
  let poller: FeedPoller | undefined;
  const sharedPoller = (): FeedPoller => (poller ??= createFeedPoller(openStore(), { httpGet, concurrency: config.digest.pollConcurrency, logger }));
  const digestSeams = { group: (items: Parameters<typeof groupStories>[0]) => groupStories(items), summarizeStory: summarizeFeedItem };
  let digests: DigestService | undefined;
  const digestService = (): DigestService =>
    (digests ??= createDigestService({ store: openStore(), poller: sharedPoller(), ...digestSeams, ...(options.now ? { now: options.now } : {}) }));
  const app: App = {
    config,
    logger,
    articles,
    summarizer: (name) => chooseSummarizer(name ?? config.summarizer.default, summarizers).summarizer,
    followups,
    store: openStore,
    core: () =>
      (core ??= createCore({
        store: openStore(),
        articles,
        summarizers,
        defaultSummarizer: config.summarizer.default,
        followups,
        digests: digestService(),
        briefingTtlMs: config.briefings.ttlDays * 86_400_000,
        briefingsPerMinute: config.briefings.perChannelPerMinute,
        logger,
        ...(options.now ? { now: options.now } : {}),
      })),
    groupJsonl: (input, output) => runGroupJsonl(input, output),
    digestForFeeds: async (feedUrls, { sinceMs, maxStories }) => {
      const now = clock();
      const digest = await buildDigestForFeeds(feedUrls, {
        httpGet,
        since: new Date(now.getTime() - sinceMs),
        now: () => now,
        maxStories: maxStories ?? config.digest.maxStories,
        concurrency: config.digest.pollConcurrency,
        ...digestSeams,
      });
      return { reply: digestToReply(digest), json: digestToJson(digest) };
    },
    registerDiscordCommands: async (guildId) => {
      const { token, applicationId, apiUrl } = config.discord;
      if (!token || !applicationId) throw new ConfigError('DISCORD_TOKEN', 'DISCORD_TOKEN and DISCORD_APPLICATION_ID are required to register commands. Set them in .env.');
      const { registerCommands } = await import('./adapters/discord/index.js');
      const registered = await registerCommands({ token, applicationId, ...(apiUrl ? { apiUrl } : {}), ...(guildId ? { guildId } : {}) });
      return registered.length;
    },
    start: async () => {
      const adapters = await createAdapters(config, logger, openStore);
      if (adapters.length === 0) {
        throw new ConfigError('SLACK_BOT_TOKEN', 'No chat platform is configured: set SLACK_BOT_TOKEN (and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET, or DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env.');
      }
      // Open the store (and, for PostgreSQL, connect and migrate) before anyone can send a command:
      // an unreachable DATABASE_URL fails start-up with its message, before any adapter listens.
      await openStore().whenReady();
      const api = app.core();
      extraction.serve();
      const started: PlatformAdapter[] = [];
      // If one adapter (or the scheduler) fails, stop the ones already listening: an open Slack
      // server would keep the process alive after the error was reported.
      const stopStarted = async (): Promise<void> => {
        for (const adapter of started) await adapter.stop().catch((err: unknown) => logger.warn('adapter stop failed', { platform: adapter.platform, err }));
      };
      try {
        for (const adapter of adapters) {
          started.push(adapter);
          await adapter.start(api);
          logger.info('adapter ready', { platform: adapter.platform });
        }
      } catch (err) {
        await stopStarted();
        await extraction.close();
        throw err;
      }
      const scheduler = createScheduler({
        store: openStore(),
        poller: sharedPoller(),
        ...digestSeams,
        post: (channel, reply, postOptions) => {
          const adapter = adapters.find((a) => a.platform === channel.platform);
          if (!adapter) throw new ConfigError('platform', `No ${channel.platform} adapter is running to post this channel's digest; set its credentials.`);
          return adapter.post(channel, reply, postOptions);
        },
        graceMs: config.digest.graceMinutes * 60_000,
        logger,
      });
      try {
        await scheduler.start();
      } catch (err) {
        await scheduler.stop();
        await stopStarted();
        await extraction.close();
        throw err;
      }
      logger.info('schedules running');
      // Briefings and their article text are kept only for the configured time.
      const purge = async (): Promise<void> => {
        const removed = await openStore().purgeExpiredBriefings(clock());
        if (removed > 0) logger.info('expired briefings removed', { removed });
      };
      const purgeLogged = (): Promise<void> => purge().catch((err: unknown) => logger.warn('briefing purge failed', { err }));
      await purgeLogged();
      const purgeTimer = setInterval(() => void purgeLogged(), PURGE_INTERVAL_MS);
      purgeTimer.unref();
      return {
        async stop() {
          clearInterval(purgeTimer);
          await scheduler.stop();
          await stopStarted();
          await extraction.close();
        },
      };
    },
    async close() {
      await extraction.close();
      await store?.close();
    },
  };
  return app;
}

/** Every adapter whose credentials are set. Loaded on demand: batch commands never pay for Bolt or discord.js. */
async function createAdapters(config: Config, logger: Logger, store: () => Store): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  const { discord, slack } = config;
  // loadConfig has checked that OAuth mode comes with all its keys and without SLACK_BOT_TOKEN.
  const oauth = slack.clientId && slack.clientSecret && slack.stateSecret ? { clientId: slack.clientId, clientSecret: slack.clientSecret, stateSecret: slack.stateSecret } : undefined;
  if ((slack.botToken || oauth) && (slack.signingSecret || slack.appToken)) {
    const { createSlackAdapter } = await import('./adapters/slack/index.js');
    adapters.push(
      createSlackAdapter({
        ...(slack.botToken ? { botToken: slack.botToken } : {}),
        ...(oauth ? { oauth: { ...oauth, installations: store() } } : {}),
        ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
        ...(slack.appToken ? { appToken: slack.appToken } : {}),
        ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
        managers: [...slack.managers],
        port: config.server.port,
        logger,
      }),
    );
  }
  if (discord.token && discord.applicationId) {
    const { createDiscordAdapter } = await import('./adapters/discord/index.js');
    adapters.push(
      createDiscordAdapter({
        token: discord.token,
        applicationId: discord.applicationId,
        ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
        // A public key switches interactions from the gateway to the signed HTTP endpoint.
        ...(discord.publicKey ? { interactions: { publicKey: discord.publicKey, path: discord.interactionsPath, port: discord.httpPort } } : {}),
        logger,
      }),
    );
  }
  return adapters;
}

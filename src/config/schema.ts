/**
 * The typed, validated configuration. Defaults live in config/default.yaml; secrets come from
 * the environment (see .env.example); src/config/load.ts is the only reader of process.env.
 */
import { z } from 'zod';

export const FetchConfigSchema = z.object({
  allowPrivateNetworks: z.boolean().default(false),
  timeoutMs: z.number().int().positive().default(10_000),
  idleTimeoutMs: z.number().int().positive().default(5_000),
  maxBytes: z.number().int().positive().default(5_000_000),
  maxRedirects: z.number().int().min(0).max(20).default(5),
});

export const ConfigSchema = z.object({
  fetch: FetchConfigSchema.default(FetchConfigSchema.parse({})),
  extract: z
    .object({
      /** Worker threads that parse HTML pages while the bot serves; absent: min(2, CPUs − 1); 0: on the main thread. */
      workers: z.number().int().min(0).max(16).optional(),
      /** A page whose parsing takes longer is abandoned ("This page took too long to read"). */
      timeoutMs: z.number().int().positive().default(10_000),
    })
    .default({ timeoutMs: 10_000 }),
  briefings: z
    .object({
      ttlDays: z.number().positive().default(7),
      maxPoints: z.number().int().min(3).max(5).default(5),
      perChannelPerMinute: z.number().int().min(1).default(10),
    })
    .default({ ttlDays: 7, maxPoints: 5, perChannelPerMinute: 10 }),
  summarizer: z
    .object({ default: z.enum(['extractive', 'llm']).default('extractive') })
    .default({ default: 'extractive' }),
  llm: z
    .object({
      baseUrl: z.url().optional(),
      model: z.string().min(1).optional(),
      apiKey: z.string().optional(),
      timeoutMs: z.number().int().positive().default(20_000),
      maxInputTokens: z.number().int().positive().default(6_000),
      maxOutputTokens: z.number().int().positive().default(800),
      temperature: z.number().min(0).max(2).default(0),
      responseFormat: z.enum(['json_object', 'json_schema', 'none']).default('json_object'),
    })
    .default({ timeoutMs: 20_000, maxInputTokens: 6_000, maxOutputTokens: 800, temperature: 0, responseFormat: 'json_object' }),
  digest: z
    .object({
      maxStories: z.number().int().min(1).max(25).default(8),
      graceMinutes: z.number().int().min(0).default(120),
      postEmptyDigest: z.boolean().default(false),
      pollConcurrency: z.number().int().min(1).max(64).default(8),
    })
    .default({ maxStories: 8, graceMinutes: 120, postEmptyDigest: false, pollConcurrency: 8 }),
  server: z.object({ port: z.number().int().min(0).max(65_535).default(3000) }).default({ port: 3000 }),
  store: z.object({ url: z.string().default('sqlite://./data/newsbrief.db') }).default({ url: 'sqlite://./data/newsbrief.db' }),
  slack: z
    .object({
      botToken: z.string().optional(),
      signingSecret: z.string().optional(),
      appToken: z.string().optional(),
      /** OAuth install in several workspaces ("Add to Slack"): all three, and no botToken. */
      clientId: z.string().optional(),
      clientSecret: z.string().optional(),
      stateSecret: z.string().optional(),
      apiUrl: z.url().optional(),
      /** Comma-separated Slack user ids allowed to manage feeds and schedules besides admins. */
      managers: z.array(z.string()).default([]),
    })
    .default({ managers: [] }),
  discord: z
    .object({
      token: z.string().optional(),
      applicationId: z.string().optional(),
      apiUrl: z.url().optional(),
      /** Hex public key; when set, interactions come to the HTTP endpoint instead of the gateway. */
      publicKey: z.string().optional(),
      /** Path of the HTTP interactions endpoint. */
      interactionsPath: z.string().regex(/^\//, 'must start with /').default('/discord/interactions'),
      /** Port of the HTTP interactions endpoint (PORT belongs to Slack's HTTP server). */
      httpPort: z.number().int().min(0).max(65_535).default(3001),
    })
    .default({ interactionsPath: '/discord/interactions', httpPort: 3001 }),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;
export type FetchConfig = z.infer<typeof FetchConfigSchema>;

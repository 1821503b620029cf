/**
 * Loads config/default.yaml, an optional override file, and the environment, validated.
 * The only module that reads process.env.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import YAML from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { parseStoreUrl } from '../core/store/store-url.js';
import { ConfigSchema, type Config } from './schema.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CONFIG_FILE = path.join(PACKAGE_ROOT, 'config', 'default.yaml');

export interface LoadConfigOptions {
  /** The environment (default: `.env` in the working directory, overridden by the process environment). */
  env?: NodeJS.ProcessEnv;
  /** YAML files merged in order over each other (default: config/default.yaml, then NEWSBRIEF_CONFIG). */
  files?: string[];
}

type Json = Record<string, unknown>;

function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? deepMerge(b as Json, v as Json) : v;
  }
  return out;
}

function readYaml(file: string): Json {
  try {
    return (YAML.parse(fs.readFileSync(file, 'utf8')) ?? {}) as Json;
  } catch (cause) {
    throw new ConfigError('NEWSBRIEF_CONFIG', `Could not read config file ${file}: ${(cause as Error).message}`, { cause });
  }
}

const bool = (v: string | undefined): boolean | undefined => (v === undefined || v === '' ? undefined : /^(1|true|yes|on)$/i.test(v));
const int = (key: string, v: string | undefined): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ConfigError(key, `${key} must be a whole number, got "${v}".`);
  return n;
};
const str = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** Maps environment variables onto the config tree (only the ones that are set). */
function fromEnv(env: NodeJS.ProcessEnv): Json {
  const set = (obj: Json): Json => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
  return {
    fetch: set({ allowPrivateNetworks: bool(env.NEWSBRIEF_ALLOW_PRIVATE_NETWORKS), timeoutMs: int('FETCH_TIMEOUT_MS', env.FETCH_TIMEOUT_MS) }),
    extract: set({ workers: int('EXTRACT_WORKERS', env.EXTRACT_WORKERS), timeoutMs: int('EXTRACT_TIMEOUT_MS', env.EXTRACT_TIMEOUT_MS) }),
    briefings: set({
      ttlDays: env.BRIEFING_TTL_DAYS ? Number(env.BRIEFING_TTL_DAYS) : undefined,
      perChannelPerMinute: int('BRIEFINGS_PER_MINUTE', env.BRIEFINGS_PER_MINUTE),
    }),
    summarizer: set({ default: str(env.NEWSBRIEF_SUMMARIZER) }),
    llm: set({
      baseUrl: str(env.LLM_BASE_URL),
      model: str(env.LLM_MODEL),
      apiKey: str(env.LLM_API_KEY),
      timeoutMs: int('LLM_TIMEOUT_MS', env.LLM_TIMEOUT_MS),
      maxInputTokens: int('LLM_MAX_INPUT_TOKENS', env.LLM_MAX_INPUT_TOKENS),
      maxOutputTokens: int('LLM_MAX_OUTPUT_TOKENS', env.LLM_MAX_OUTPUT_TOKENS),
      temperature: env.LLM_TEMPERATURE ? Number(env.LLM_TEMPERATURE) : undefined,
      responseFormat: str(env.LLM_RESPONSE_FORMAT),
    }),
    server: set({ port: int('PORT', env.PORT) }),
    store: set({ url: str(env.DATABASE_URL) }),
    slack: set({
      botToken: str(env.SLACK_BOT_TOKEN),
      signingSecret: str(env.SLACK_SIGNING_SECRET),
      appToken: str(env.SLACK_APP_TOKEN),
      clientId: str(env.SLACK_CLIENT_ID),
      clientSecret: str(env.SLACK_CLIENT_SECRET),
      stateSecret: str(env.SLACK_STATE_SECRET),
      apiUrl: str(env.SLACK_API_URL),
      managers: str(env.SLACK_MANAGERS)?.split(',').map((s) => s.trim()).filter(Boolean),
    }),
    discord: set({
      token: str(env.DISCORD_TOKEN),
      applicationId: str(env.DISCORD_APPLICATION_ID),
      apiUrl: str(env.DISCORD_API_URL),
      publicKey: str(env.DISCORD_PUBLIC_KEY),
      interactionsPath: str(env.DISCORD_INTERACTIONS_PATH),
      httpPort: int('DISCORD_HTTP_PORT', env.DISCORD_HTTP_PORT),
    }),
    ...(str(env.LOG_LEVEL) ? { logLevel: str(env.LOG_LEVEL) } : {}),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.join('.');
  return `${key || 'config'}: ${issue.message}`;
}

/**
 * Loads and validates the configuration.
 * @throws ConfigError naming the key and the fix
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? { ...readDotEnv(path.resolve('.env')), ...process.env };
  const files = options.files ?? [DEFAULT_CONFIG_FILE, ...(str(env.NEWSBRIEF_CONFIG) ? [str(env.NEWSBRIEF_CONFIG)!] : [])];
  let merged: Json = {};
  for (const f of files) merged = deepMerge(merged, readYaml(f));
  merged = deepMerge(merged, fromEnv(env));
  const parsed = ConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new ConfigError(first.path.join('.') || 'config', `Invalid configuration: ${describeIssue(first)}. Fix it in config/default.yaml, NEWSBRIEF_CONFIG or .env.`);
  }
  const config = parsed.data;
  parseStoreUrl(config.store.url);
  if (config.summarizer.default === 'llm' && (!config.llm.baseUrl || !config.llm.model)) {
    throw new ConfigError('LLM_BASE_URL', 'NEWSBRIEF_SUMMARIZER=llm needs LLM_BASE_URL and LLM_MODEL. Set them in .env, or use NEWSBRIEF_SUMMARIZER=extractive.');
  }
  checkSlackOAuth(config.slack);
  if (config.slack.botToken && !config.slack.signingSecret && !config.slack.appToken) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode). Set it in .env.');
  }
  if (config.discord.token && !config.discord.applicationId) {
    throw new ConfigError('DISCORD_APPLICATION_ID', 'DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set. Set it in .env.');
  }
  if (config.discord.publicKey) {
    if (!/^[0-9a-f]{64}$/i.test(config.discord.publicKey)) {
      throw new ConfigError('DISCORD_PUBLIC_KEY', 'DISCORD_PUBLIC_KEY must be the 64 hex characters of "Public Key" on the Developer Portal\'s General Information page.');
    }
    if (!config.discord.token) {
      throw new ConfigError('DISCORD_TOKEN', 'DISCORD_TOKEN is required with DISCORD_PUBLIC_KEY (the bot posts digests and follow-ups through REST). Set it in .env.');
    }
  }
  return deepFreeze(config);
}

/** OAuth mode (SLACK_CLIENT_ID…) needs all three keys, HTTP mode, and no single-workspace SLACK_BOT_TOKEN. */
function checkSlackOAuth(slack: Config['slack']): void {
  const oauth = { SLACK_CLIENT_ID: slack.clientId, SLACK_CLIENT_SECRET: slack.clientSecret, SLACK_STATE_SECRET: slack.stateSecret };
  if (!Object.values(oauth).some(Boolean)) return;
  if (slack.botToken) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (install in several workspaces), not both. Remove one from .env.');
  }
  const missing = Object.entries(oauth).find(([, v]) => !v)?.[0];
  if (missing) {
    throw new ConfigError(missing, `${missing} is required with ${Object.keys(oauth).filter((k) => k !== missing).join(' and ')} to install in several workspaces. Set it in .env.`);
  }
  if (slack.appToken) {
    throw new ConfigError('SLACK_APP_TOKEN', 'Installing in several workspaces (SLACK_CLIENT_ID…) needs HTTP mode: remove SLACK_APP_TOKEN from .env.');
  }
  if (!slack.signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'SLACK_SIGNING_SECRET is required with SLACK_CLIENT_ID (HTTP mode). Copy it from "Basic Information" into .env.');
  }
}

/** The variables of a `.env` file, or none when there is no such file. */
export function readDotEnv(file: string): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  return parseEnv(text) as NodeJS.ProcessEnv;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

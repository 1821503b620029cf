/**
 * A small structured logger (one JSON line per event on stderr). Values under keys that look
 * like secrets are redacted, and so are strings that look like Slack/Discord/LLM tokens.
 */
import type { Writable } from 'node:stream';
import type { Logger } from './platform.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const SECRET_KEY = /token|secret|password|authorization|api[-_]?key|signature/i;
// Slack: every xox?- kind (bot, user, refresh xoxe-…) and app tokens; Discord: the id part is the
// base64 of the bot's id, so it starts with M, N or O (ids beginning 8 or 9 give O…).
const SECRET_VALUE = /\b(xox[a-z]-[\w-]+|xapp-[\w-]+|sk-[\w-]{10,}|[MNO][\w-]{23,}\.[\w-]{6}\.[\w-]{27,})\b/g;

/** Replaces secret-looking values so a log line never carries a token. */
export function redact(value: unknown, key = '', depth = 0): unknown {
  if (SECRET_KEY.test(key)) return '[redacted]';
  if (typeof value === 'string') return value.replace(SECRET_VALUE, '[redacted]');
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: redact(value.message, '', depth + 1) };
  if (Array.isArray(value)) return value.map((v) => redact(v, '', depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k, depth + 1)]));
}

export function createLogger(options: { level?: LogLevel; stream?: Writable; now?: () => Date } = {}): Logger {
  const min = LEVELS[options.level ?? 'info'];
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => new Date());
  const log = (level: LogLevel) => (msg: string, data?: Record<string, unknown>) => {
    if (LEVELS[level] < min) return;
    const line = { time: now().toISOString(), level, msg: redact(msg), ...(data ? (redact(data) as Record<string, unknown>) : {}) };
    stream.write(`${JSON.stringify(line)}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything (tests, batch CLI commands). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

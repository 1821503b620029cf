/**
 * Bridges our Logger to the logger interface Bolt and the Web API client expect, and strips
 * anything that looks like a Slack token before it reaches a log line.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/platform.js';

const TOKEN_PATTERN = /\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+/g;

/** Replace Slack tokens (`xoxb-…`, `xapp-…`) in a log text. */
export const redactTokens = (text: string): string => text.replace(TOKEN_PATTERN, '[redacted]');

const stringify = (args: unknown[]): string =>
  redactTokens(args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))).join(' '));

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A quiet default: warnings and errors on stderr, as JSON lines. */
export const consoleLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: (msg, data) => console.warn(redactTokens(JSON.stringify({ level: 'warn', msg, ...data }))),
  error: (msg, data) => console.error(redactTokens(JSON.stringify({ level: 'error', msg, ...data }))),
};

/** Bolt's logger backed by ours; Bolt's debug output (request bodies) is dropped. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'slack';
  return {
    debug: () => {},
    info: (...args: unknown[]) => logger.info(stringify(args), { component: name }),
    warn: (...args: unknown[]) => logger.warn(stringify(args), { component: name }),
    error: (...args: unknown[]) => logger.error(stringify(args), { component: name }),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}

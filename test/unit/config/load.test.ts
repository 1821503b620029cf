import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/index.js';
import { readDotEnv } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/core/errors.js';

describe('loadConfig', () => {
  it('starts from safe defaults with an empty environment', () => {
    const config = loadConfig({ env: {} });
    expect(config.fetch.allowPrivateNetworks).toBe(false);
    expect(config.fetch.maxBytes).toBe(5_000_000);
    expect(config.summarizer.default).toBe('extractive');
    expect(config.briefings.ttlDays).toBe(7);
    expect(config.store.url).toBe('sqlite://./data/newsbrief.db');
    expect(Object.isFrozen(config.fetch)).toBe(true);
  });

  it('allows private networks only when explicitly asked', () => {
    expect(loadConfig({ env: { NEWSBRIEF_ALLOW_PRIVATE_NETWORKS: 'true' } }).fetch.allowPrivateNetworks).toBe(true);
    expect(loadConfig({ env: { NEWSBRIEF_ALLOW_PRIVATE_NETWORKS: 'nope' } }).fetch.allowPrivateNetworks).toBe(false);
  });

  it('parses pages in the default worker pool unless EXTRACT_WORKERS says how many (0: on the main thread)', () => {
    expect(loadConfig({ env: {} }).extract).toEqual({ timeoutMs: 10_000 });
    expect(loadConfig({ env: { EXTRACT_WORKERS: '0', EXTRACT_TIMEOUT_MS: '5000' } }).extract).toEqual({ workers: 0, timeoutMs: 5000 });
    expect(() => loadConfig({ env: { EXTRACT_WORKERS: 'two' } })).toThrow(/EXTRACT_WORKERS/);
  });

  it('names the missing key when a Slack token comes without a signing secret', () => {
    const err = (() => {
      try {
        loadConfig({ env: { SLACK_BOT_TOKEN: 'xoxb-1' } });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).key).toBe('SLACK_SIGNING_SECRET');
    expect((err as Error).message).not.toContain('xoxb-1');
  });

  it('reads the three OAuth keys for installing in several workspaces, and refuses them beside SLACK_BOT_TOKEN', () => {
    const oauth = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'ss', SLACK_SIGNING_SECRET: 'sig' };
    expect(loadConfig({ env: oauth }).slack).toMatchObject({ clientId: '1.2', clientSecret: 'cs', stateSecret: 'ss' });
    const keyOf = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig({ env });
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as Error).message).not.toMatch(/xoxb-1|\bcs\b|\bss\b/);
        return (e as ConfigError).key;
      }
      return undefined;
    };
    expect(keyOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toBe('SLACK_BOT_TOKEN');
    expect(keyOf({ ...oauth, SLACK_STATE_SECRET: '' })).toBe('SLACK_STATE_SECRET');
    expect(keyOf({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' })).toBe('SLACK_APP_TOKEN');
    expect(keyOf({ ...oauth, SLACK_SIGNING_SECRET: '' })).toBe('SLACK_SIGNING_SECRET');
  });

  it('refuses the llm summarizer without an endpoint', () => {
    expect(() => loadConfig({ env: { NEWSBRIEF_SUMMARIZER: 'llm' } })).toThrow(/LLM_BASE_URL/);
  });

  it('says which key is wrong for a bad value', () => {
    expect(() => loadConfig({ env: { PORT: 'eighty' } })).toThrow(/PORT/);
    expect(() => loadConfig({ env: { NEWSBRIEF_SUMMARIZER: 'magic' } })).toThrow(/summarizer\.default/);
  });

  it('reads a .env file, and a missing one is no error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-env-'));
    fs.writeFileSync(path.join(dir, '.env'), '# comment\nPORT=4001\nSLACK_MANAGERS="U1, U2"\n');
    const env = readDotEnv(path.join(dir, '.env'));
    expect(loadConfig({ env }).server.port).toBe(4001);
    expect(loadConfig({ env }).slack.managers).toEqual(['U1', 'U2']);
    expect(readDotEnv(path.join(dir, 'missing.env'))).toEqual({});
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

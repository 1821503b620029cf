import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core/logger.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let buf = '';
  stream.on('data', (d) => (buf += d));
  return { stream, text: () => buf };
}

describe('logger', () => {
  it('never writes a token, whether under a secret-looking key or inside a message', () => {
    const out = capture();
    const log = createLogger({ stream: out.stream });
    log.error('auth failed for xoxb-1234-5678-abcdef', { botToken: 'xoxb-1234-5678-abcdef', nested: { authorization: 'Bot abc' }, note: 'key sk-abcdefghijklmnop' });
    expect(out.text()).not.toMatch(/xoxb-1234|Bot abc|sk-abcdefghijklmnop/);
    expect(out.text()).toContain('[redacted]');
  });

  it('redacts a Discord token of a bot whose id starts with 8 or 9 (O…) and Slack refresh tokens inside messages', () => {
    const out = capture();
    const log = createLogger({ stream: out.stream });
    const discord = 'OTk5OTk5OTk5OTk5OTk5OTk5.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
    log.error(`login failed with ${discord}`, { err: new Error(`rotate xoxe-1-abcdefghijklmnop failed`) });
    expect(out.text()).not.toMatch(/OTk5OTk5|xoxe-1-abcdef/);
  });

  it('redacts the tokens an OAuth install brings (rotating bot tokens, refresh tokens) and the OAuth secrets by key', () => {
    const out = capture();
    const log = createLogger({ stream: out.stream });
    log.error('stored xoxe.xoxb-1-MS0yLTEyMzQ1Njc4 for T1, refresh xoxe-1-My0xLTEyMzQ1', {
      installation: { bot: { token: 'xoxb-9-team-b', refreshToken: 'xoxe-1-abc' } },
      clientSecret: '0123456789abcdef0123456789abcdef',
      client_secret: 'fedcba9876543210',
      stateSecret: 'a-long-random-state-secret',
    });
    expect(out.text()).not.toMatch(/xoxb-1-MS0y|xoxe-1-My0x|xoxb-9-team-b|xoxe-1-abc|0123456789abcdef|fedcba9876543210|a-long-random-state-secret/);
  });

  it('drops lines below the level', () => {
    const out = capture();
    const log = createLogger({ stream: out.stream, level: 'warn' });
    log.info('hidden');
    log.warn('shown');
    expect(out.text()).not.toContain('hidden');
    expect(JSON.parse(out.text()).msg).toBe('shown');
  });
});

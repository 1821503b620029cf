import { describe, expect, it } from 'vitest';
import { redactTokens, toBoltLogger } from '../../../../src/adapters/slack/logger.js';
import type { Logger } from '../../../../src/core/platform.js';

describe('Slack log redaction', () => {
  it('strips every kind of token a workspace install hands out: bot, rotating bot, refresh and app tokens', () => {
    const text = redactTokens('bot xoxb-1111-2222-abc rotating xoxe.xoxb-1-MS0yLTEy refresh xoxe-1-My0xLTEy app xapp-1-A1-123-abc user xoxp-1-2-3');
    expect(text).not.toMatch(/xoxb-1111|xoxb-1-MS0y|xoxe-1-My0x|xapp-1-A1|xoxp-1/);
    expect(text.match(/\[redacted\]/g)).toHaveLength(5);
  });

  it("keeps tokens out of what Bolt's OAuth flow logs through our logger (messages, objects and errors)", () => {
    const lines: string[] = [];
    const keep: Logger = { debug: () => {}, info: (m) => void lines.push(m), warn: (m) => void lines.push(m), error: (m) => void lines.push(m) };
    const bolt = toBoltLogger(keep);
    bolt.error(new Error('oauth.v2.access gave xoxb-7-team-a'));
    bolt.warn('stored', { bot: { token: 'xoxe.xoxb-1-rotating', refreshToken: 'xoxe-1-refresh' } });
    bolt.debug('debug output is dropped: xoxb-8-team-b');
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/xoxb-7|xoxb-1-rotating|xoxe-1-refresh|xoxb-8/);
  });
});

import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../../src/adapters/slack/index.js';
import { ConfigError } from '../../../../src/core/errors.js';

describe('createSlackAdapter configuration', () => {
  it('names the missing key and where to find it', () => {
    expect(() => createSlackAdapter({ botToken: '' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => createSlackAdapter({ botToken: 'xoxb-1' })).toThrow(ConfigError);
    expect(() => createSlackAdapter({ botToken: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET.*Basic Information/);
    expect(() => createSlackAdapter({ botToken: 'xoxb-1', socketMode: true })).toThrow(/SLACK_APP_TOKEN/);
  });

  it('needs no signing secret in Socket Mode and no app token over HTTP', () => {
    expect(createSlackAdapter({ botToken: 'xoxb-1', socketMode: true, appToken: 'xapp-1', botId: 'B', botUserId: 'U' }).platform).toBe('slack');
    // An app token alone selects Socket Mode, so no signing secret is needed.
    expect(createSlackAdapter({ botToken: 'xoxb-1', appToken: 'xapp-1', botId: 'B', botUserId: 'U' }).platform).toBe('slack');
    expect(createSlackAdapter({ botToken: 'xoxb-1', signingSecret: 's', botId: 'B', botUserId: 'U' }).platform).toBe('slack');
  });
});

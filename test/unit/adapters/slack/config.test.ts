import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../../src/adapters/slack/index.js';
import { ConfigError } from '../../../../src/core/errors.js';
import { createSqliteStore } from '../../../../src/core/store/index.js';

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

  it('installs in several workspaces with the three OAuth keys over HTTP, never beside a bot token or in Socket Mode', () => {
    const installations = createSqliteStore(':memory:');
    const oauth = { clientId: '1.2', clientSecret: 'cs', stateSecret: 'ss', installations };
    expect(createSlackAdapter({ oauth, signingSecret: 's' }).platform).toBe('slack');
    expect(() => createSlackAdapter({ oauth, signingSecret: 's', botToken: 'xoxb-1' })).toThrow(/either SLACK_BOT_TOKEN .* or SLACK_CLIENT_ID/);
    expect(() => createSlackAdapter({ oauth: { ...oauth, stateSecret: '' }, signingSecret: 's' })).toThrow(/SLACK_STATE_SECRET/);
    expect(() => createSlackAdapter({ oauth, appToken: 'xapp-1' })).toThrow(/HTTP mode.*SLACK_APP_TOKEN/);
    expect(() => createSlackAdapter({ oauth })).toThrow(/SLACK_SIGNING_SECRET/);
    void installations.close();
  });
});

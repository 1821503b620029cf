import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_BOT_SCOPES } from '../../../../src/adapters/slack/limits.js';
import { SLACK_DEFAULTS } from '../../../../src/adapters/slack/types.js';

const manifest = parse(readFileSync(new URL('../../../../config/slack-app-manifest.yaml', import.meta.url), 'utf8')) as {
  features: { slash_commands: { command: string; url: string }[] };
  oauth_config: { scopes: { bot: string[] }; redirect_urls: string[] };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
    event_subscriptions: { request_url: string; bot_events: string[] };
  };
};

describe('Slack app manifest', () => {
  it('asks for exactly the scopes the adapter uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
  });

  it('registers /brief and interactivity on the events endpoint, with Socket Mode off', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: SLACK_DEFAULTS.command, url: 'https://YOUR-HOST/slack/events' })]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('sends installers back to /slack/oauth_redirect and tells the app about uninstalls and revoked tokens', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: 'https://YOUR-HOST/slack/events', bot_events: ['app_uninstalled', 'tokens_revoked'] });
  });
});

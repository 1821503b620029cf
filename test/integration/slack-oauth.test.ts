/**
 * "Add to Slack" for several workspaces, end to end: the real Bolt app with OAuth on loopback, a
 * local fake of the Web API that answers oauth.v2.access, the real core and its SQLite store (which
 * also keeps the installations), and requests built and signed as Slack builds them.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { NewsbriefError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/platform.js';
import type { App } from '../../src/main.js';
import { startFakeSlack, type FakeSlack, type SlackApiCall } from '../helpers/fake-slack.js';
import { startHttpServer, type TestHttpServer } from '../helpers/http-server.js';
import { createTestApp } from '../helpers/real-core.js';
import { eventCallbackBody, sendSigned, slashCommandBody, TEST_SIGNING_SECRET } from '../helpers/slack-sign.js';

const CLIENT_ID = '1234.5678';
const CLIENT_SECRET = 'client-secret-never-logged-0123';
const STATE_SECRET = 'state-secret-never-logged-4567';
const AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize';
const STATE_COOKIE = 'slack-app-oauth-state';
const RSS = fs.readFileSync(new URL('../fixtures/feeds/rss2.xml', import.meta.url));

/** Two workspaces that will add the app; each OAuth code yields that workspace's own bot token. */
const TEAMS = {
  TA: { code: 'code-for-a', token: 'xoxb-1111-team-a-token', botUserId: 'UBOTTA', installer: 'UINSTALLA' },
  TB: { code: 'code-for-b', token: 'xoxb-2222-team-b-token', botUserId: 'UBOTTB', installer: 'UINSTALLB' },
} as const;
type TeamId = keyof typeof TEAMS;
const teamOfToken = (authorization: string | undefined): TeamId | undefined =>
  (Object.keys(TEAMS) as TeamId[]).find((t) => authorization === `Bearer ${TEAMS[t].token}`);

function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (msg: string, data?: Record<string, unknown>) => void lines.push(`${level} ${msg} ${JSON.stringify(data ?? {})}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Answers oauth.v2.access as Slack does for a bot-only install, and auth.test/users.info per token. */
function fakeOAuthAccess(fake: FakeSlack): void {
  fake.on('oauth.v2.access', (a) => {
    if (a.client_id !== CLIENT_ID || a.client_secret !== CLIENT_SECRET) return { ok: false, error: 'invalid_client_id' };
    const team = (Object.keys(TEAMS) as TeamId[]).find((t) => TEAMS[t].code === a.code);
    if (!team) return { ok: false, error: 'invalid_code' };
    const t = TEAMS[team];
    return {
      ok: true, app_id: 'A1', authed_user: { id: t.installer }, scope: 'commands,chat:write,chat:write.public,users:read,channels:history,groups:history',
      token_type: 'bot', access_token: t.token, bot_user_id: t.botUserId, team: { id: team, name: `Team ${team}` }, enterprise: null, is_enterprise_install: false,
    };
  });
  fake.on('auth.test', (_a, call) => {
    const team = teamOfToken(call.authorization);
    return team ? { ok: true, team_id: team, user_id: TEAMS[team].botUserId, bot_id: `B${team}` } : { ok: false, error: 'invalid_auth' };
  });
  // An admin of the workspace whose token asks (users.info answers for the token's workspace).
  fake.on('users.info', (a, call) => {
    const team = teamOfToken(call.authorization);
    return team ? { ok: true, user: { id: a.user, team_id: team, is_admin: a.user === 'UADMIN' } } : { ok: false, error: 'invalid_auth' };
  });
}

describe('Slack OAuth: install in several workspaces', () => {
  let fake: FakeSlack;
  let feeds: TestHttpServer;
  let app: App;
  let adapter: SlackAdapter;
  let logger: ReturnType<typeof memoryLogger>;
  let base: string;
  let hookId = 0;

  beforeEach(async () => {
    fake = await startFakeSlack();
    fakeOAuthAccess(fake);
    feeds = await startHttpServer({ '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS) });
    app = await createTestApp();
    logger = memoryLogger();
    adapter = createSlackAdapter({
      signingSecret: TEST_SIGNING_SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, networkRetries: 0, logger,
      oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: STATE_SECRET, installations: app.store() },
    });
    await adapter.start(app.core());
    base = `http://127.0.0.1:${adapter.port}`;
  });
  afterEach(async () => {
    await adapter.stop();
    await Promise.all([fake.close(), feeds.close()]);
    await app.close();
    const logged = logger.lines.join('\n');
    for (const secret of [CLIENT_SECRET, STATE_SECRET, TEAMS.TA.token, TEAMS.TB.token]) expect(logged).not.toContain(secret);
  });

  /** GET /slack/install as a browser: the state from the cookie and the authorize URL it redirects to. */
  const startInstall = async () => {
    const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${STATE_COOKIE}=`));
    return { res, location: new URL(res.headers.get('location') ?? 'about:blank'), state: cookie?.split(';')[0]?.split('=')[1] };
  };
  const redirectBack = (query: Record<string, string>, cookieState?: string) =>
    fetch(`${base}/slack/oauth_redirect?${new URLSearchParams(query)}`, { redirect: 'manual', headers: cookieState ? { cookie: `${STATE_COOKIE}=${cookieState}` } : {} });
  const install = async (team: TeamId) => {
    const { state } = await startInstall();
    const res = await redirectBack({ code: TEAMS[team].code, state: state! }, state);
    expect(res.status).toBe(200);
    await res.text();
  };
  /** A signed /brief from a workspace; resolves with what Slack saw in answer (a channel post or a response_url reply). */
  const brief = async (team: string, text: string, f: { channel_id?: string; user_id?: string } = {}) => {
    const hook = `h${++hookId}`;
    const posts = fake.callsTo('chat.postMessage').length;
    const res = await sendSigned(`${base}/slack/events`, slashCommandBody({ text, team_id: team, response_url: fake.hookUrl(hook), ...f }));
    expect(res.status).toBe(200);
    return fake.waitFor(() => fake.hooks.find((h) => h.id === hook)?.body ?? fake.callsTo('chat.postMessage')[posts]);
  };
  const postAuth = (answer: unknown) => (answer as SlackApiCall).authorization;

  it('redirects /slack/install to Slack with the bot scopes and a state cookie, then stores the installation from oauth.v2.access', async () => {
    const { res, location, state } = await startInstall();
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(AUTHORIZE_URL);
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(location.searchParams.get('scope')?.split(',').sort()).toEqual(['channels:history', 'chat:write', 'chat:write.public', 'commands', 'groups:history', 'users:read']);
    expect(state).toBeTruthy();
    expect(location.searchParams.get('state')).toBe(state);

    const back = await redirectBack({ code: TEAMS.TA.code, state: state! }, state);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('Thank you');
    expect(fake.callsTo('oauth.v2.access')).toEqual([expect.objectContaining({ args: expect.objectContaining({ code: TEAMS.TA.code, client_id: CLIENT_ID }) })]);
    expect(await app.store().getInstallation('slack', 'TA')).toMatchObject({
      platform: 'slack', workspace: 'TA', orgWide: false, teamName: 'Team TA', appId: 'A1',
      botToken: TEAMS.TA.token, botId: 'BTA', botUserId: TEAMS.TA.botUserId, installerUserId: TEAMS.TA.installer,
    });
  });

  it("answers /brief from an installed workspace with that workspace's bot token", async () => {
    await install('TA');
    const answer = await brief('TA', `feeds add ${feeds.url}/rss`, { user_id: 'UADMIN' });
    // users.info (may this user manage feeds?) asked with team A's token, and the feed was added.
    expect(fake.callsTo('users.info').map((c) => c.authorization)).toEqual([`Bearer ${TEAMS.TA.token}`]);
    expect(JSON.stringify(answer)).toContain(`${feeds.url}/rss`);
    const listed = await brief('TA', 'feeds list');
    expect(JSON.stringify(listed)).toContain(`${feeds.url}/rss`);
    expect(postAuth(listed)).toBe(`Bearer ${TEAMS.TA.token}`);
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post.authorization).toBe(`Bearer ${TEAMS.TA.token}`);
  });

  it("gives each of two installed workspaces its own token and never shows one workspace's feeds to the other", async () => {
    await install('TA');
    await install('TB');
    expect((await app.store().getInstallation('slack', 'TB'))?.botToken).toBe(TEAMS.TB.token);
    await brief('TA', `feeds add ${feeds.url}/rss`, { user_id: 'UADMIN', channel_id: 'C1' });

    // The same channel id in workspace B is another channel: no feeds, answered with B's token.
    const fromB = await brief('TB', 'feeds list', { channel_id: 'C1' });
    expect(JSON.stringify(fromB)).toContain('follows no feeds');
    expect(JSON.stringify(fromB)).not.toContain(feeds.url);
    const fromA = await brief('TA', 'feeds list', { channel_id: 'C1' });
    expect(JSON.stringify(fromA)).toContain(`${feeds.url}/rss`);
    const tokens = fake.calls.filter((c) => ['chat.postMessage', 'users.info'].includes(c.method)).map((c) => teamOfToken(c.authorization));
    expect(new Set(tokens)).toEqual(new Set(['TA', 'TB']));
    expect(postAuth(fromB)).toBe(`Bearer ${TEAMS.TB.token}`);
    expect(postAuth(fromA)).toBe(`Bearer ${TEAMS.TA.token}`);

    // A scheduled digest (post()) goes out with the token of the channel's workspace.
    await adapter.post({ platform: 'slack', workspace: 'TB', channel: 'C7' }, { kind: 'info', text: 'Digest for B' });
    await adapter.post({ platform: 'slack', workspace: 'TA', channel: 'C7' }, { kind: 'info', text: 'Digest for A' });
    const digests = fake.callsTo('chat.postMessage').filter((c) => String(c.args.text).startsWith('Digest for'));
    expect(digests.map((c) => [c.args.text, c.authorization])).toEqual([
      ['Digest for B', `Bearer ${TEAMS.TB.token}`],
      ['Digest for A', `Bearer ${TEAMS.TA.token}`],
    ]);
  });

  it('refuses a redirect whose state is missing, not from this browser, or not signed by us, and stores nothing', async () => {
    const { state } = await startInstall();
    const missing = await redirectBack({ code: TEAMS.TA.code }, state);
    const otherBrowser = await redirectBack({ code: TEAMS.TA.code, state: state! });
    const { state: second } = await startInstall();
    const mismatched = await redirectBack({ code: TEAMS.TA.code, state: state! }, second);
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJub3ciOiIyMDI2LTAxLTAxIn0.forged-signature';
    const unsigned = await redirectBack({ code: TEAMS.TA.code, state: forged }, forged);
    expect([missing.status, otherBrowser.status, mismatched.status, unsigned.status]).toEqual([400, 400, 400, 400]);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await app.store().getInstallation('slack', 'TA')).toBeUndefined();
  });

  it('serves no command from a workspace that never installed the app', async () => {
    await install('TA');
    const res = await sendSigned(`${base}/slack/events`, slashCommandBody({ text: 'feeds list', team_id: 'TZ', response_url: fake.hookUrl('never') }));
    expect(res.status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.hooks.find((h) => h.id === 'never')).toBeUndefined();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    await expect(adapter.post({ platform: 'slack', workspace: 'TZ', channel: 'C1' }, { kind: 'info', text: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('deletes the installation when the app is uninstalled or its bot token revoked, and then stops answering there', async () => {
    await install('TA');
    await install('TB');
    const uninstall = await sendSigned(`${base}/slack/events`, eventCallbackBody('TA', { type: 'app_uninstalled' }), { contentType: 'application/json' });
    expect(uninstall.status).toBe(200);
    await waitUntil(async () => (await app.store().getInstallation('slack', 'TA')) === undefined);
    expect((await app.store().getInstallation('slack', 'TB'))?.botToken).toBe(TEAMS.TB.token);

    // A revoked user token is not ours to forget; a revoked bot token is.
    await sendSigned(`${base}/slack/events`, eventCallbackBody('TB', { type: 'tokens_revoked', tokens: { oauth: ['U1'] } }), { contentType: 'application/json' });
    await new Promise((r) => setTimeout(r, 100));
    expect(await app.store().getInstallation('slack', 'TB')).toBeDefined();
    await sendSigned(`${base}/slack/events`, eventCallbackBody('TB', { type: 'tokens_revoked', tokens: { bot: [TEAMS.TB.botUserId] } }), { contentType: 'application/json' });
    await waitUntil(async () => (await app.store().getInstallation('slack', 'TB')) === undefined);

    await sendSigned(`${base}/slack/events`, slashCommandBody({ text: 'feeds list', team_id: 'TA', response_url: fake.hookUrl('gone') }));
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.hooks.find((h) => h.id === 'gone')).toBeUndefined();
    const err = await adapter.post({ platform: 'slack', workspace: 'TA', channel: 'C1' }, { kind: 'info', text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewsbriefError);
    expect((err as NewsbriefError).message).toMatch(/not installed.*\/slack\/install/);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

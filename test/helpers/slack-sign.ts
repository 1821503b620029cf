/**
 * Build and send requests the way Slack does: form-encoded bodies signed with the app's signing
 * secret (`v0=` HMAC-SHA256 over `v0:<ts>:<raw body>`), content-type exactly
 * application/x-www-form-urlencoded (Bolt compares it with ===).
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export const signSlackRequest = (secret: string, ts: number, raw: string): string =>
  'v0=' + createHmac('sha256', secret).update(`v0:${ts}:${raw}`).digest('hex');

export interface SlashCommandFields {
  text: string;
  team_id?: string;
  channel_id?: string;
  user_id?: string;
  user_name?: string;
  response_url: string;
  trigger_id?: string;
  command?: string;
}

/** The form body of a slash command. */
export function slashCommandBody(f: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    command: f.command ?? '/brief',
    text: f.text,
    team_id: f.team_id ?? 'T1',
    team_domain: 'example',
    channel_id: f.channel_id ?? 'C1',
    channel_name: 'news',
    user_id: f.user_id ?? 'U1',
    user_name: f.user_name ?? 'ada',
    response_url: f.response_url,
    trigger_id: f.trigger_id ?? 'trig.1',
    api_app_id: 'A1',
  }).toString();
}

export interface ButtonClickFields {
  value: string;
  action_id: string;
  team_id?: string;
  channel_id?: string;
  user_id?: string;
  message_ts: string;
  thread_ts?: string;
  response_url: string;
  trigger_id?: string;
}

/** The form body of a block_actions payload for one button click on a channel message. */
export function blockActionsBody(f: ButtonClickFields): string {
  const team = f.team_id ?? 'T1';
  const channel = f.channel_id ?? 'C1';
  const payload = {
    type: 'block_actions',
    user: { id: f.user_id ?? 'U1', username: 'ada', name: 'ada', team_id: team },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: f.message_ts, channel_id: channel, is_ephemeral: false, ...(f.thread_ts ? { thread_ts: f.thread_ts } : {}) },
    trigger_id: f.trigger_id ?? 'trig.2',
    team: { id: team, domain: 'example' },
    channel: { id: channel, name: 'news' },
    message: { type: 'message', user: 'UBOT', ts: f.message_ts, text: 'briefing', ...(f.thread_ts ? { thread_ts: f.thread_ts } : {}) },
    response_url: f.response_url,
    actions: [{ type: 'button', action_id: f.action_id, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: f.value, action_ts: '1700000000.000001' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The form body of a view_submission for the Ask modal. */
export function viewSubmissionBody(f: { question: string; private_metadata: string; team_id?: string; user_id?: string }): string {
  const team = f.team_id ?? 'T1';
  const payload = {
    type: 'view_submission',
    team: { id: team, domain: 'example' },
    user: { id: f.user_id ?? 'U1', name: 'ada', username: 'ada', team_id: team },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: 'trig.3',
    view: {
      id: 'V1', team_id: team, type: 'modal', callback_id: 'newsbrief_ask', private_metadata: f.private_metadata,
      blocks: [], hash: 'h', app_id: 'A1', bot_id: 'B1', title: { type: 'plain_text', text: 'Ask' },
      close: null, submit: null, root_view_id: 'V1', previous_view_id: null, clear_on_close: false, notify_on_close: false,
      state: { values: { question: { text: { type: 'plain_text_input', value: f.question } } } },
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface SendOptions {
  secret?: string;
  /** Unix seconds; default now. */
  ts?: number;
  /** Override the signature; `null` sends none. */
  signature?: string | null;
  /** Default application/x-www-form-urlencoded; Events API callbacks are application/json. */
  contentType?: string;
}

/** POST a raw body as Slack would; resolves with the status, body and time to the response. */
export async function sendSigned(url: string, raw: string, o: SendOptions = {}): Promise<{ status: number; body: string; ms: number }> {
  const ts = o.ts ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': o.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
  };
  const signature = o.signature === undefined ? signSlackRequest(o.secret ?? TEST_SIGNING_SECRET, ts, raw) : o.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  // node:http rather than fetch: far less client-side work per request, so a burst of 50 times the
  // server and not the load generator.
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(raw) }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(raw);
  });
}

/** The JSON body of an Events API callback from workspace `teamId`, as Slack documents app_uninstalled and tokens_revoked. */
export function eventCallbackBody(teamId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    event: { event_ts: '1700000000.000200', ...event },
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: 1_700_000_000,
  });
}

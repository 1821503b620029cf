/**
 * Everything a Discord end-to-end test needs running: the fake Discord with two guilds, a page
 * server (`/slow` answers after 5 s, `/fast` at once) and the real adapter started on a core.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/index.js';
import type { CoreApi, Logger } from '../../src/core/platform.js';
import { APP_ID, startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, type Actor } from './discord-payloads.js';

export const SLOW_PAGE_MS = 5_000;
export const BOT_TOKEN = 'fake-bot-token.NzQ1.secretsecretsecret';
export const GUILD = '700000000000000001';
export const CHANNEL = '700000000000000011';
const OTHER_GUILD = '700000000000000002';
const OTHER_CHANNEL = '700000000000000022';

export const MANAGER: Actor = { guildId: GUILD, channelId: CHANNEL, permissions: MANAGER_PERMISSIONS, userName: 'Grace' };
export const MEMBER: Actor = { guildId: GUILD, channelId: CHANNEL, permissions: MEMBER_PERMISSIONS, userName: 'Ada' };
export const STRANGER: Actor = { guildId: OTHER_GUILD, channelId: OTHER_CHANNEL, permissions: MANAGER_PERMISSIONS, userId: '400000000000000009' };

/** A short news article the real core can extract and summarize (served at `/slow` and `/fast`). */
export const ARTICLE = readFileSync(new URL('../fixtures/discord/river-park.html', import.meta.url), 'utf8');

export interface DiscordHarness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  pagesUrl: string;
  stop(): Promise<void>;
}

/** The page server: `/slow` answers after {@link SLOW_PAGE_MS}, anything else at once. */
export async function startPages(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const send = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    if (req.url?.startsWith('/slow')) setTimeout(send, SLOW_PAGE_MS);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Start the fake Discord, the page server and the adapter on `core`. */
export async function startDiscordHarness(core: CoreApi, logger: Logger = QUIET_LOGGER): Promise<DiscordHarness> {
  const fake = await startFakeDiscord({ guilds: [{ id: GUILD, channels: [CHANNEL] }, { id: OTHER_GUILD, channels: [OTHER_CHANNEL] }] });
  const pages = await startPages();
  const adapter = createDiscordAdapter({ token: BOT_TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl, restOffsetMs: 0, logger });
  await adapter.start(core);
  return {
    fake,
    adapter,
    pagesUrl: `http://127.0.0.1:${(pages.address() as AddressInfo).port}`,
    async stop() {
      await adapter.stop();
      pages.closeAllConnections();
      await new Promise<void>((r) => pages.close(() => r()));
      await fake.close();
    },
  };
}

export const QUIET_LOGGER: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A logger that keeps warnings and errors, so a test can read what was logged (and that no token was). */
export function createRecordingLogger(): Logger & { records: unknown[]; text(): string } {
  const records: unknown[] = [];
  const keep = (msg: string, data?: Record<string, unknown>): void => void records.push([msg, data]);
  return { records, text: () => JSON.stringify(records), debug() {}, info() {}, warn: keep, error: keep };
}

/** Request matchers for one interaction payload. */
export const isCallback = (payload: any) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/interactions/${payload.id}/${payload.token}/callback`;
export const isEdit = (payload: any) => (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${payload.token}/messages/@original`;
export const isFollowUp = (payload: any) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${payload.token}`;
export const isDelete = (payload: any) => (r: RecordedRequest) => r.method === 'DELETE' && r.path === `/webhooks/${APP_ID}/${payload.token}/messages/@original`;

/** Every custom id on a rendered message body. */
export const customIds = (body: any): string[] => (body.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));

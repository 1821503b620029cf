/**
 * Discord's 3 s deadline at the HTTP endpoint: an interaction whose first response comes too late
 * gets a 500 at the deadline (the connection does not hang), the late handler sends nothing more
 * (Discord has invalidated the token), and the next interaction is served normally. Drives the
 * real endpoint over loopback with signed requests, the real handler and responder, and the fake
 * Discord REST; only the deadline is shortened and one interaction's first response held back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIInteraction } from 'discord.js';
import { FIRST_RESPONSE_LIMIT_MS, startInteractionsServer, type InteractionsServer } from '../../src/adapters/discord/interactions-server.js';
import { handleInteraction } from '../../src/adapters/discord/handle-interaction.js';
import { createResponder, type SendInitial } from '../../src/adapters/discord/responder.js';
import { createRest } from '../../src/adapters/discord/rest-client.js';
import { parsePublicKey } from '../../src/adapters/discord/verify-signature.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { createDiscordFakeCore, type DiscordFakeCore } from '../helpers/discord-fake-core.js';
import { slashPayload } from '../helpers/discord-payloads.js';
import { BOT_TOKEN, CHANNEL, GUILD, MEMBER, createRecordingLogger, isEdit } from '../helpers/discord-harness.js';
import { INTERACTIONS_PATH, makeKeyPair, signHeaders } from '../helpers/discord-http-harness.js';

const LIMIT_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Discord HTTP endpoint deadline for the first response', () => {
  const keys = makeKeyPair();
  const logger = createRecordingLogger();
  let fake: FakeDiscord;
  let core: DiscordFakeCore;
  let server: InteractionsServer;
  /** Interaction ids whose first response is held back past the deadline (a stalled handler). */
  const stalled = new Set<string>();
  /** Settles when each interaction's handler has finished, by interaction id. */
  const finished = new Map<string, Promise<void>>();

  beforeAll(async () => {
    fake = await startFakeDiscord({ guilds: [{ id: GUILD, channels: [CHANNEL] }] });
    core = createDiscordFakeCore();
    const rest = createRest({ token: BOT_TOKEN, apiUrl: fake.apiUrl, restOffsetMs: 0 });
    server = await startInteractionsServer({
      publicKey: parsePublicKey(keys.publicKeyHex), path: INTERACTIONS_PATH, port: 0, host: '127.0.0.1', log: logger,
      firstResponseLimitMs: LIMIT_MS,
      onInteraction(raw: APIInteraction, sendInitial: SendInitial) {
        const send: SendInitial = stalled.has(raw.id) ? async (response) => (await sleep(LIMIT_MS + 200), sendInitial(response)) : sendInitial;
        const done = handleInteraction(raw, createResponder(rest, raw, send), core, logger);
        finished.set(raw.id, done);
        return done;
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  async function send(payload: { id: string }): Promise<{ status: number; body: any; ms: number }> {
    const body = JSON.stringify(payload);
    const started = performance.now();
    const res = await fetch(server.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signHeaders(keys.privateKey, body) } });
    return { status: res.status, body: await res.json(), ms: performance.now() - started };
  }

  it('keeps Discord’s 3 s by default', () => {
    expect(FIRST_RESPONSE_LIMIT_MS).toBe(3_000);
  });

  it('answers 500 at the deadline, sends nothing for the late handler, and serves the next interaction', async () => {
    const late = slashPayload(MEMBER, ['link'], { url: 'https://example.org/story' });
    stalled.add(late.id);
    const res = await send(late);
    expect(res.status).toBe(500);
    expect(res.ms).toBeGreaterThanOrEqual(LIMIT_MS - 20);
    expect(res.ms).toBeLessThan(LIMIT_MS + 400);

    // The late handler runs to its end; it must neither ask the core nor touch the dead interaction.
    const inputsBefore = core.inputs.length;
    await finished.get(late.id);
    await sleep(100);
    expect(fake.requests.filter((r) => r.path.includes(late.token))).toEqual([]);
    expect(core.inputs.length).toBe(inputsBefore);
    expect(logger.text()).toContain('answered too late');

    const next = slashPayload(MEMBER, ['text'], { content: 'The river park opens in May.' });
    const ok = await send(next);
    expect(ok).toMatchObject({ status: 200, body: { type: 5 } });
    expect(ok.ms).toBeLessThan(LIMIT_MS);
    expect((await fake.waitForRequest(isEdit(next))).body.embeds.length).toBeGreaterThan(0);
  });

  it('leaves no deadline timer behind when closed while a handler is still stuck', async () => {
    const log = createRecordingLogger();
    let reached!: () => void;
    const arrived = new Promise<void>((r) => (reached = r));
    const stuck = await startInteractionsServer({
      publicKey: parsePublicKey(keys.publicKeyHex), path: INTERACTIONS_PATH, port: 0, host: '127.0.0.1', log,
      firstResponseLimitMs: LIMIT_MS,
      onInteraction() {
        reached();
        return new Promise<void>(() => undefined);
      },
    });
    const body = JSON.stringify(slashPayload(MEMBER, ['help']));
    const request = fetch(stuck.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signHeaders(keys.privateKey, body) } }).catch((e: unknown) => e);
    // Closing while the handler is stuck must cancel its deadline.
    await arrived;
    await stuck.close();
    await request;
    await sleep(LIMIT_MS + 100);
    expect(log.text()).not.toContain('no first response in time');
  });
});

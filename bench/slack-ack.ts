/**
 * How fast the Slack adapter acknowledges /brief while the article takes 5 s to load.
 * Fires N signed slash commands concurrently at the real Bolt app on loopback (fake Web API,
 * fake core fetching from a page that answers after 5 s) and prints ack latency percentiles.
 *
 *   npx tsx bench/slack-ack.ts [n=50]
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { createSlackAdapter } from '../src/adapters/slack/index.js';
import { createFakeCore } from '../test/helpers/fake-core.js';
import { startFakeSlack } from '../test/helpers/fake-slack.js';
import { sendSigned, slashCommandBody, TEST_SIGNING_SECRET } from '../test/helpers/slack-sign.js';

const N = Number(process.argv[2] ?? 50);
const PAGE_DELAY_MS = 5000;

const pages = http.createServer((_req, res) => {
  setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Slow page</title><p>One sentence here.</p>'), PAGE_DELAY_MS);
});
await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
const fake = await startFakeSlack();
const core = createFakeCore();
const adapter = createSlackAdapter({
  botToken: 'xoxb-bench', signingSecret: TEST_SIGNING_SECRET, port: 0, host: '127.0.0.1',
  apiUrl: fake.apiUrl, botId: 'BBOT', botUserId: 'UBOT',
});
await adapter.start(core);
const events = `http://127.0.0.1:${adapter.port}/slack/events`;

// One warm-up command so module loading and JIT do not count.
await sendSigned(events, slashCommandBody({ text: 'help', response_url: fake.hookUrl('warm') }));

const results = await Promise.all(
  Array.from({ length: N }, (_, i) => sendSigned(events, slashCommandBody({ text: `${pageUrl}/a/${i}`, user_id: `U${i}`, response_url: fake.hookUrl(`h${i}`) }))),
);
const ms = results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(ms.length * p) - 1)]!.toFixed(0);
const statuses = new Set(results.map((r) => r.status));
console.log(`acks: ${N} concurrent, statuses ${[...statuses].join(',')}; p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
const started = Date.now();
await fake.waitFor(() => fake.callsTo("chat.postMessage").length === N + 1, 30_000);
console.log(`all ${N} briefings posted ${Date.now() - started} ms after the acks (pages take ${PAGE_DELAY_MS} ms)`);

await adapter.stop();
await fake.close();
pages.closeAllConnections();
pages.close();

/**
 * How fast the Slack adapter acknowledges /brief while the articles take 5 s to load.
 *
 * The adapter (real Bolt app, HTTP receiver on loopback, fake core that fetches each article) runs
 * in this process, as in production. "Slack" runs in a child process: the fake Web API, the slow
 * page server and the load generator, which fires N signed slash commands at once and times each
 * HTTP response (the ack). So the figure is the adapter's own latency, not the load generator's.
 *
 *   npm run bench:slack-ack [-- n=50]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSlackAdapter } from '../src/adapters/slack/index.js';
import { percentile, startAckTimer } from '../test/helpers/ack-timer.js';
import { createFakeCore } from '../test/helpers/fake-core.js';
import { startFakeSlack } from '../test/helpers/fake-slack.js';
import { sendSigned, slashCommandBody, TEST_SIGNING_SECRET } from '../test/helpers/slack-sign.js';

const PAGE_DELAY_MS = 5000;

type FromSlack = { apiUrl: string } | { acked: true } | { done: true; ms: number[]; statuses: number[]; postedAfterMs: number };

const isSlackSide = process.argv[3] === 'slack';

if (!isSlackSide) {
  const n = Number(process.argv[2] ?? 50);
  const slack = fork(fileURLToPath(import.meta.url), [String(n), 'slack'], { execArgv: ['--import', 'tsx'] });
  const messages: FromSlack[] = [];
  let wake: () => void = () => {};
  slack.on('message', (m) => (messages.push(m as FromSlack), wake()));
  const next = async (): Promise<FromSlack> => {
    while (messages.length === 0) await new Promise<void>((r) => (wake = r));
    return messages.shift()!;
  };
  const hello = await next();
  if (!('apiUrl' in hello)) throw new Error('expected the fake Slack address first');
  const adapter = createSlackAdapter({
    botToken: 'xoxb-bench', signingSecret: TEST_SIGNING_SECRET, port: 0, host: '127.0.0.1',
    apiUrl: hello.apiUrl, botId: 'BBOT', botUserId: 'UBOT',
  });
  await adapter.start(createFakeCore());
  const timer = startAckTimer();
  const cpuBefore = process.cpuUsage();
  slack.send({ events: `http://127.0.0.1:${adapter.port}/slack/events` });
  const acked = await next();
  if (!('acked' in acked)) throw new Error('expected the acks');
  const cpu = process.cpuUsage(cpuBefore);
  timer.stop();
  const server = timer.samples.slice(1); // without the warm-up
  const result = await next();
  if (!('done' in result)) throw new Error('expected results');
  const fmt = (xs: number[]) => `p50 ${percentile(xs, 0.5).toFixed(0)} ms, p99 ${percentile(xs, 0.99).toFixed(0)} ms, max ${percentile(xs, 1).toFixed(0)} ms`;
  console.log(`slack ack, ${n} concurrent /brief, statuses ${[...new Set(result.statuses)].join(',')} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
  console.log(`  in the adapter (request in → ack out): ${fmt(server)}`);
  console.log(`  seen by the sender (incl. its own and the OS's queueing): ${fmt(result.ms)}`);
  console.log(`adapter CPU from the warm-up to the last ack: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms for ${n + 1} commands`);
  console.log(`all ${n} briefings posted ${result.postedAfterMs} ms after the first request (pages take ${PAGE_DELAY_MS} ms)`);
  await adapter.stop();
  slack.kill();
} else {
  const n = Number(process.argv[2] ?? 50);
  const pages = http.createServer((_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Slow page</title><p>One sentence here.</p>'), PAGE_DELAY_MS);
  });
  await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
  const pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  const fake = await startFakeSlack();
  process.send!({ apiUrl: fake.apiUrl } satisfies FromSlack);
  const { events } = await new Promise<{ events: string }>((r) => process.once('message', (m) => r(m as { events: string })));
  // One warm-up command so module loading and JIT do not count.
  await sendSigned(events, slashCommandBody({ text: 'help', response_url: fake.hookUrl('warm') }));
  await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      sendSigned(events, slashCommandBody({ text: `${pageUrl}/a/${i}`, user_id: `U${i}`, response_url: fake.hookUrl(`h${i}`) })),
    ),
  );
  process.send!({ acked: true } satisfies FromSlack);
  await fake.waitFor(() => fake.callsTo('chat.postMessage').length === n + 1, 60_000);
  process.send!({ done: true, ms: results.map((r) => r.ms), statuses: results.map((r) => r.status), postedAfterMs: Date.now() - started } satisfies FromSlack);
}

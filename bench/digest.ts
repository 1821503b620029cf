/**
 * Digest benchmark: 50 feeds × 50 items served over HTTP on 127.0.0.1, polled, parsed, stored
 * in a SQLite file, filtered, grouped, ranked and summarized into one digest and Reply.
 * Run: npx tsx bench/digest.ts [--warm]   (target: < 5 s on the dev machine; --warm runs the
 * store-less digest once first, to separate JIT/connection warm-up from the digest's own cost)
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildChannelDigest, buildDigestForFeeds, createFeedPoller, digestToReply, type HttpGet } from '../src/core/digest/index.js';
import type { ChannelRef } from '../src/core/model.js';
import { createSqliteStore } from '../src/core/store/index.js';

const FEEDS = 50;
const ITEMS = 50;
const NOW = new Date();
const CH: ChannelRef = { platform: 'cli', workspace: 'local', channel: 'bench' };

/** Every fifth item is an event other feeds report too, so grouping has work to do. */
function feedXml(f: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const shared = i % 5 === 0;
    const title = shared ? `Shared event ${i} makes headlines across outlets` : `Feed ${f} local story ${i} about the harbour and the council`;
    const date = new Date(NOW.getTime() - (i * 20 + f) * 60_000).toUTCString();
    const text = `<p>${title}. The council met on Tuesday to discuss the plan, which costs 4 million euros. Residents said they were <b>surprised</b> by the decision. A vote is expected next week.</p>`;
    return `<item><title>${title}</title><link>https://feed${f}.example/news/${i}?utm_source=rss</link><guid isPermaLink="false">f${f}-${i}</guid><pubDate>${date}</pubDate><description><![CDATA[${text}]]></description></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${f}</title><link>https://feed${f}.example/</link><description>d</description>${items}</channel></rss>`;
}

async function main(): Promise<void> {
  const bodies = Array.from({ length: FEEDS }, (_, f) => Buffer.from(feedXml(f)));
  const server = http.createServer((req, res) => {
    const f = Number(/\/feed(\d+)/.exec(req.url ?? '')?.[1]);
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(bodies[f]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const httpGet: HttpGet = async (url, init) => {
    const res = await fetch(url, { headers: init.headers });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()), finalUrl: res.url };
  };
  const urls = Array.from({ length: FEEDS }, (_, f) => `${base}/feed${f}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-bench-'));
  const store = createSqliteStore(`sqlite://${path.join(dir, 'bench.db')}`);
  for (const feedUrl of urls) await store.addSubscription({ channel: CH, feedUrl, weight: 1, createdAt: NOW.toISOString() });

  if (process.argv.includes('--warm')) await buildDigestForFeeds(urls, { httpGet, now: () => NOW });
  const t0 = performance.now();
  const poller = createFeedPoller(store, { httpGet, now: () => NOW });
  const polled = await poller.poll(urls);
  const pollMs = performance.now() - t0;
  // The digest polls again: every feed was polled moments ago, so this is the digest's own work.
  const built = await buildChannelDigest(store, CH, { exclude: ['casino'], topics: [] }, { poller, now: () => NOW });
  const reply = digestToReply(built.digest);
  const channelMs = performance.now() - t0;
  console.log(`poll (HTTP + parse + store ${polled.reduce((n, r) => n + r.newItems.length, 0)} items): ${pollMs.toFixed(0)} ms; compose + summaries + reply: ${(channelMs - pollMs).toFixed(0)} ms; load ${os.loadavg()[0]?.toFixed(1)}`);

  const t1 = performance.now();
  const cliDigest = await buildDigestForFeeds(urls, { httpGet, now: () => NOW });
  const cliMs = performance.now() - t1;

  const items = built.marks.length;
  console.log(`channel digest: ${FEEDS} feeds × ${ITEMS} items (${items} items ranked), ${built.digest.stories.length} stories, ${reply.sections?.length ?? 0} sections with points: ${channelMs.toFixed(0)} ms`);
  console.log(`  top story: "${built.digest.stories[0]?.title}" from ${built.digest.stories[0]?.items.length} sources; points: ${JSON.stringify(built.digest.stories[0]?.points)}`);
  console.log(`cli digest (no store): ${cliDigest.stories.length} stories: ${cliMs.toFixed(0)} ms`);
  console.log(channelMs < 5_000 ? 'OK: under 5 s' : 'SLOW: over 5 s');
  await store.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();

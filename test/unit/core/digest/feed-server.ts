/**
 * Test helper: feeds served from a mutable table, either over a real HTTP server on
 * 127.0.0.1 or in-process (for fake-timer tests, which must stay away from sockets).
 * Both honour If-None-Match and count requests per path.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { HttpGet } from '../../../../src/core/digest/index.js';

export interface ServedFeed {
  body: string | Buffer;
  type?: string;
  status?: number;
  etag?: string;
}

export const FEED_FIXTURES = path.join(import.meta.dirname, '../../../fixtures/feeds');
export const readFixture = (name: string): string => fs.readFileSync(path.join(FEED_FIXTURES, name), 'utf8');

export class FeedTable {
  readonly feeds = new Map<string, ServedFeed>();
  readonly hits = new Map<string, number>();

  set(p: string, feed: ServedFeed): void {
    this.feeds.set(p, feed);
  }

  respond(p: string, headers: Record<string, string | undefined>): { status: number; headers: Record<string, string>; body: Buffer } {
    this.hits.set(p, (this.hits.get(p) ?? 0) + 1);
    const feed = this.feeds.get(p);
    if (!feed) return { status: 404, headers: { 'content-type': 'text/plain' }, body: Buffer.from('not found') };
    const out: Record<string, string> = { 'content-type': feed.type ?? 'application/rss+xml' };
    if (feed.etag) out.etag = feed.etag;
    if (feed.etag && headers['if-none-match'] === feed.etag) return { status: 304, headers: out, body: Buffer.alloc(0) };
    return { status: feed.status ?? 200, headers: out, body: Buffer.isBuffer(feed.body) ? feed.body : Buffer.from(feed.body) };
  }

  /** An HttpGet with no sockets: `http://feeds.test/<path>` is answered from the table. */
  inProcess(): HttpGet {
    return async (url, init) => {
      const u = new URL(url);
      if (u.hostname === 'down.test') throw new Error('connect ECONNREFUSED');
      return { ...this.respond(u.pathname, init.headers), finalUrl: url };
    };
  }
}

export interface FeedServer {
  table: FeedTable;
  url(p: string): string;
  httpGet: HttpGet;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and an HttpGet over global fetch. */
export async function startFeedServer(table = new FeedTable()): Promise<FeedServer> {
  const server = http.createServer((req, res) => {
    const r = table.respond(new URL(req.url ?? '/', 'http://x').pathname, req.headers as Record<string, string | undefined>);
    res.writeHead(r.status, r.headers).end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const httpGet: HttpGet = async (url, init) => {
    const res = await fetch(url, { headers: init.headers });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()), finalUrl: res.url };
  };
  return {
    table,
    url: (p) => `http://127.0.0.1:${port}${p}`,
    httpGet,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An RSS document with `n` items `prefix-0…`, newest first, one hour apart before `newest`. */
export function rssWithItems(title: string, n: number, newest: Date, prefix = 'item', extra = ''): string {
  const items = Array.from({ length: n }, (_, i) => {
    const date = new Date(newest.getTime() - i * 3_600_000).toUTCString();
    return `<item><title>${title} story ${i}</title><link>https://${prefix}.example/${i}${extra}</link><pubDate>${date}</pubDate><description>${title} reports event ${i}. More details follow later today.</description></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://${prefix}.example/</link><description>d</description>${items}</channel></rss>`;
}

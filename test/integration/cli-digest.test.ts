import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type TestHttpServer } from '../helpers/http-server.js';
import { runCliForTest } from '../helpers/run-cli.js';

const FEEDS = path.join(import.meta.dirname, '..', 'fixtures', 'feeds');
const serve = (file: string, type: string) => (_req: unknown, res: import('node:http').ServerResponse) =>
  res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(path.join(FEEDS, file)));

describe('newsbrief digest and group without a chat platform', () => {
  let server: TestHttpServer;
  const env = { NEWSBRIEF_ALLOW_PRIVATE_NETWORKS: 'true' };

  beforeAll(async () => {
    server = await startHttpServer({
      '/rss': serve('rss2.xml', 'application/rss+xml'),
      '/atom': serve('atom.xml', 'application/atom+xml'),
      '/json': serve('feed.json', 'application/feed+json'),
      '/broken': (_req, res) => res.writeHead(500).end('oops'),
    });
  });
  afterAll(() => server.close());

  it('prints a JSON digest of several feeds with each story\'s sources, and names the broken feed', async () => {
    const { code, stdout, stderr } = await runCliForTest(
      ['digest', '--feed', `${server.url}/rss`, '--feed', `${server.url}/atom`, '--feed', `${server.url}/json`, '--feed', `${server.url}/broken`, '--since', '3650d', '--json'],
      { env },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const digest = JSON.parse(stdout);
    expect(digest.stories.length).toBeGreaterThan(2);
    const strike = digest.stories.find((s: { title: string }) => /Port strike/.test(s.title));
    expect(strike.sources[0].url).toMatch(/^https:\/\/harbour\.example\/news\/port-strike-ends/);
    expect(strike.sources[0].url).not.toMatch(/utm_/);
    expect(strike.points.length).toBeGreaterThanOrEqual(1);
    expect(digest.brokenFeeds.map((b: { url: string }) => b.url)).toEqual([`${server.url}/broken`]);
  });

  it('refuses a feed on a private address unless private networks are allowed', async () => {
    const { code, stdout } = await runCliForTest(['digest', '--feed', `${server.url}/rss`, '--json']);
    expect(code).toBe(0);
    const digest = JSON.parse(stdout);
    expect(digest.stories).toEqual([]);
    expect(digest.brokenFeeds[0].error).toMatch(/private|loopback|not allowed|refus/i);
  });

  it('groups items into stories with group --jsonl, one line per item in order', async () => {
    const items = [
      { id: 'a', title: 'Storm Bella floods coastal towns in Cornwall', published: '2026-11-20T00:00:00Z' },
      { id: 'b', title: 'Lottery jackpot rolls over again', published: '2026-11-20T00:00:00Z' },
      { id: 'c', title: 'Cornwall towns flooded as Storm Bella hits coast', published: '2026-11-20T00:00:00Z' },
    ];
    const { code, stdout } = await runCliForTest(['group', '--jsonl'], { stdin: items.map((i) => JSON.stringify(i)).join('\n') });
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(out[0].story).toBe(out[2].story);
    expect(out[1].story).not.toBe(out[0].story);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeHttpGet } from '../../../../src/core/fetch/http-get.js';
import { startHttpServer, type TestHttpServer } from '../../../helpers/http-server.js';

describe('the safe fetcher as the feed poller sees it', () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startHttpServer({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end('<rss version="2.0"><channel><title>T</title></channel></rss>');
      },
    });
  });
  afterAll(() => server.close());

  it('sends conditional headers and passes 304 Not Modified through as a status', async () => {
    const get = createSafeHttpGet({ allowPrivateNetworks: true });
    const first = await get(`${server.url}/feed`, { headers: {} });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"v1"');
    expect(first.headers['content-type']).toBe('application/rss+xml');
    const second = await get(`${server.url}/feed`, { headers: { 'if-none-match': '"v1"' } });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  it('keeps the address guard: a feed on a private address is refused without a request', async () => {
    const before = server.requests.length;
    await expect(createSafeHttpGet()(`${server.url}/feed`, { headers: {} })).rejects.toMatchObject({ code: 'FETCH_BLOCKED' });
    expect(server.requests.length).toBe(before);
  });
});

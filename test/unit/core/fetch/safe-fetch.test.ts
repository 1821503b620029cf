import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../../../src/core/errors.js';
import { safeFetch, USER_AGENT } from '../../../../src/core/fetch/safe-fetch.js';
import { startHttpServer, type TestHttpServer } from '../../../helpers/http-server.js';

const LOCAL = { allowPrivateNetworks: true } as const;

async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('safeFetch refuses private addresses by default', () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startHttpServer({ '/': (_req, res) => res.end('<p>secret</p>') });
  });
  afterAll(() => server.close());

  const targets = (port: number): string[] => [
    `http://127.0.0.1:${port}/`,
    `http://localhost:${port}/`,
    `http://127.1:${port}/`,
    `http://2130706433:${port}/`,
    `http://0x7f000001:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[::1]:${port}/`,
    `http://0.0.0.0:${port}/`,
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://10.0.0.1/',
    'http://192.168.0.1/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
  ];

  it('refuses every loopback, private, link-local, CGNAT, multicast and metadata spelling, sending nothing', async () => {
    for (const url of targets(server.port)) {
      const err = await fetchError(safeFetch(url));
      expect(err.code, url).toBe('FETCH_BLOCKED');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a public-looking host name that resolves to loopback, at connect time', async () => {
    const lookup = async () => [{ address: '127.0.0.1', family: 4 }];
    const err = await fetchError(safeFetch(`http://news.example.com:${server.port}/`, { lookup }));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(err.message).toContain('news.example.com');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host whose DNS answer mixes a public and a private address', async () => {
    const lookup = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const err = await fetchError(safeFetch(`http://mixed.example.com:${server.port}/`, { lookup }));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses links that are not http or https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'gopher://example.com/']) {
      expect((await fetchError(safeFetch(url))).code).toBe('FETCH_BLOCKED');
    }
    expect((await fetchError(safeFetch('not a link'))).code).toBe('BAD_INPUT');
  });
});

describe('safeFetch follows redirects itself and checks every hop', () => {
  let allowed: TestHttpServer;
  let forbidden: TestHttpServer;
  beforeAll(async () => {
    forbidden = await startHttpServer({ '/': (_req, res) => res.end('internal') });
    // A second loopback address stands in for "a public host": only it passes the policy.
    allowed = await startHttpServer({}, '127.0.0.2');
    allowed.route('/to-private', (_req, res) => res.writeHead(302, { location: `${forbidden.url}/` }).end());
    allowed.route('/to-file', (_req, res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end());
    allowed.route('/ok', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>'));
    for (let i = 0; i < 7; i++) {
      allowed.route(`/hop${i}`, (_req, res) => res.writeHead(307, { location: `/hop${i + 1}` }).end());
    }
    allowed.route('/hop7', (_req, res) => res.end('arrived'));
    allowed.route('/cookie', (_req, res) =>
      res.writeHead(302, { location: '/echo', 'set-cookie': 'session=abc; Path=/' }).end(),
    );
    allowed.route('/echo', (req, res) => res.end(JSON.stringify(req.headers)));
  });
  afterAll(async () => {
    await allowed.close();
    await forbidden.close();
  });
  const onlyAllowed = { isAllowedAddress: (a: string) => a === '127.0.0.2' };

  it('refuses a redirect from an allowed host to a private one, sending nothing there', async () => {
    const err = await fetchError(safeFetch(`${allowed.url}/to-private`, onlyAllowed));
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(allowed.requests.map((r) => r.path)).toContain('/to-private');
    expect(forbidden.requests).toHaveLength(0);
  });

  it('connects to the address it checked, so a rebinding DNS answer is never used', async () => {
    // The first answer passes the policy; any later answer would point at the forbidden server.
    const answers = ['127.0.0.2', '127.0.0.1'];
    let lookups = 0;
    const lookup = async () => [{ address: answers[Math.min(lookups++, 1)] as string, family: 4 }];
    const res = await safeFetch(`http://rebind.example.com:${allowed.port}/ok`, { ...onlyAllowed, lookup });
    expect(res.body.toString()).toBe('<p>hello</p>');
    expect(lookups).toBe(1);
    expect(forbidden.requests).toHaveLength(0);
  });

  it('refuses a redirect to a file: URL', async () => {
    expect((await fetchError(safeFetch(`${allowed.url}/to-file`, onlyAllowed))).code).toBe('FETCH_BLOCKED');
  });

  it('follows up to 5 redirects and gives up on the 6th', async () => {
    const five = await safeFetch(`${allowed.url}/hop2`, onlyAllowed);
    expect(five.body.toString()).toBe('arrived');
    expect(five.redirects).toHaveLength(5);
    const err = await fetchError(safeFetch(`${allowed.url}/hop1`, onlyAllowed));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.message).toMatch(/more than 5 times/);
  });

  it('names the bot in User-Agent and keeps no cookies across redirects', async () => {
    const res = await safeFetch(`${allowed.url}/cookie`, onlyAllowed);
    const headers = JSON.parse(res.body.toString()) as Record<string, string>;
    expect(headers['user-agent']).toBe(USER_AGENT);
    expect(headers.cookie).toBeUndefined();
  });
});

describe('safeFetch limits time and size', () => {
  let server: TestHttpServer;
  const timers = new Set<NodeJS.Timeout>();
  beforeAll(async () => {
    server = await startHttpServer({
      '/drip': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const t = setInterval(() => res.write('<p>.</p>'), 50);
        timers.add(t);
        res.on('close', () => clearInterval(t));
      },
      '/stall-headers': () => {
        // Never answers.
      },
      '/stall-body': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>start');
      },
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < 8 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
          if (sent < 8 * 1024 * 1024) res.once('drain', pump);
          else res.end();
        };
        pump();
      },
      '/declared-huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
        res.write('<p>');
      },
      '/gzip-bomb': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipBomb);
      },
      '/brotli-bomb': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliBomb);
      },
      '/gzip-page': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zlib.gzipSync('<p>zipped</p>'));
      },
      '/missing': (_req, res) => res.writeHead(404).end('gone'),
    });
  });
  afterAll(async () => {
    for (const t of timers) clearInterval(t);
    await server.close();
  });
  // 64 MB of zeros compress to ~64 KB: a page that explodes only once decompressed.
  const zeros = Buffer.alloc(64 * 1024 * 1024);
  const gzipBomb = zlib.gzipSync(zeros, { level: 9 });
  const brotliBomb = zlib.brotliCompressSync(zeros);

  it('stops a slow-drip body at the total time limit', async () => {
    const started = Date.now();
    const err = await fetchError(safeFetch(`${server.url}/drip`, { ...LOCAL, timeoutMs: 600 }));
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops waiting for headers, or for the next chunk, at the idle limit', async () => {
    for (const path of ['/stall-headers', '/stall-body']) {
      const started = Date.now();
      const err = await fetchError(safeFetch(`${server.url}${path}`, { ...LOCAL, idleTimeoutMs: 300 }));
      expect(err.code, path).toBe('FETCH_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('stops reading a body larger than the limit', async () => {
    const err = await fetchError(safeFetch(`${server.url}/huge`, { ...LOCAL, maxBytes: 1024 * 1024 }));
    expect(err.code).toBe('FETCH_TOO_LARGE');
    expect((await fetchError(safeFetch(`${server.url}/declared-huge`, LOCAL))).code).toBe('FETCH_TOO_LARGE');
  });

  it.each(['/gzip-bomb', '/brotli-bomb'])('stops a compression bomb (%s) early, counting decompressed bytes', async (path) => {
    const before = process.memoryUsage().rss;
    const err = await fetchError(safeFetch(`${server.url}${path}`, { ...LOCAL, maxBytes: 1024 * 1024 }));
    expect(err.code).toBe('FETCH_TOO_LARGE');
    // It never held the 64 MB it would have expanded to.
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('decompresses a gzip page and reports a 404 as a failed fetch', async () => {
    expect((await safeFetch(`${server.url}/gzip-page`, LOCAL)).body.toString()).toBe('<p>zipped</p>');
    const err = await fetchError(safeFetch(`${server.url}/missing`, LOCAL));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.status).toBe(404);
  });
});

describe('safeFetch over https', () => {
  it('refuses a certificate no public authority signed', async () => {
    const tls = path.resolve(__dirname, '../../../fixtures/pages');
    const server = https.createServer(
      { key: fs.readFileSync(path.join(tls, 'self-signed.key')), cert: fs.readFileSync(path.join(tls, 'self-signed.crt')) },
      (_req, res) => res.end('<p>hello</p>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const err = await fetchError(safeFetch(`https://127.0.0.1:${port}/`, LOCAL));
      expect(err.code).toBe('FETCH_FAILED');
      expect(err.message).toMatch(/SELF_SIGNED|certificate/i);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsbriefError } from '../../src/core/errors.js';
import { formatExtractJson, loadArticleFromUrl } from '../../src/core/ingest/index.js';
import { startHttpServer, type TestHttpServer } from '../helpers/http-server.js';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const fixture = (p: string): Buffer => fs.readFileSync(path.join(FIXTURES, p));
const LOCAL = { allowPrivateNetworks: true, timeoutMs: 3000 } as const;

function serve(file: string, contentType: string, encoding?: 'gzip' | 'br') {
  return (_req: unknown, res: import('node:http').ServerResponse): void => {
    const body = fixture(file);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (encoding) headers['content-encoding'] = encoding;
    res.writeHead(200, headers).end(encoding === 'gzip' ? zlib.gzipSync(body) : encoding === 'br' ? zlib.brotliCompressSync(body) : body);
  };
}

async function failure(url: string, options: Parameters<typeof loadArticleFromUrl>[1] = LOCAL): Promise<NewsbriefError> {
  const err = await loadArticleFromUrl(url, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NewsbriefError);
  return err as NewsbriefError;
}

describe('loadArticleFromUrl', () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startHttpServer({
      '/space': serve('articles/thespacereview.html', 'text/html; charset=utf-8', 'gzip'),
      '/korean': serve('articles/entermedia-ko.html', 'text/html', 'br'),
      '/moved': (_req, res) => res.writeHead(301, { location: '/space' }).end(),
      '/ru': serve('pages/windows-1251.html', 'text/html; charset=windows-1251'),
      '/ja': serve('pages/shift_jis.html', 'text/html'),
      '/fr': serve('pages/latin1.html', 'text/html; charset=iso-8859-1'),
      '/story.txt': serve('pages/plain-article.txt', 'text/plain; charset=utf-8'),
      '/feed': serve('pages/rss.xml', 'application/rss+xml'),
      '/sneaky-feed': serve('pages/atom.xml', 'text/html'),
      '/paper.pdf': serve('pages/document.pdf', 'application/pdf'),
      '/home': serve('pages/home-page.html', 'text/html'),
      '/login': serve('pages/login-wall.html', 'text/html'),
      '/paywalled': serve('pages/paywall-stub.html', 'text/html'),
    });
  });
  afterAll(() => server.close());

  it('briefs a real article page, compressed, after a redirect', async () => {
    const article = await loadArticleFromUrl(`${server.url}/moved`, LOCAL);
    expect(article.url).toBe(`${server.url}/space`);
    expect(article.title.length).toBeGreaterThan(5);
    expect(article.text.split('\n\n').length).toBeGreaterThan(5);
  });

  it('briefs a Korean page served with brotli', async () => {
    const article = await loadArticleFromUrl(`${server.url}/korean`, LOCAL);
    expect(article.text).toMatch(/[\uAC00-\uD7AF]{2,}/);
  });

  it.each([
    ['/ru', 'Новая линия метро соединит север с центром', 'ru'],
    ['/ja', '湾岸に新しい公園、二年後に完成へ', 'ja'],
    ['/fr', 'Les écoles de la ville seront rénovées cet été', 'fr'],
  ])('decodes %s in its own charset', async (route, title, language) => {
    const article = await loadArticleFromUrl(`${server.url}${route}`, LOCAL);
    expect(article.title).toBe(title);
    expect(article.language).toBe(language);
    expect(article.text).not.toContain('\uFFFD');
  });

  it('uses a text/plain page as it is', async () => {
    const article = await loadArticleFromUrl(`${server.url}/story.txt`, LOCAL);
    expect(article.siteName).toBe('Report Wire');
    expect(article.title).toMatch(/^No concessions/);
  });

  it.each([
    ['/feed', 'IS_FEED', 'this link is a feed — follow it with /brief feeds add <url>'],
    ['/sneaky-feed', 'IS_FEED', 'this link is a feed — follow it with /brief feeds add <url>'],
    ['/paper.pdf', 'UNSUPPORTED_CONTENT', 'this link is a PDF document; newsbrief can only brief web pages and plain text'],
    ['/home', 'EXTRACT_EMPTY', 'no article found on this page'],
    ['/login', 'EXTRACT_EMPTY', 'no article found on this page'],
    ['/paywalled', 'PAYWALLED', 'this page looks paywalled'],
    ['/nowhere', 'FETCH_FAILED', /HTTP 404/],
  ])('answers %s with %s and a message for the user', async (route, code, message) => {
    const err = await failure(`${server.url}${route}`);
    expect(err.code).toBe(code);
    if (typeof message === 'string') expect(err.message).toBe(message);
    else expect(err.message).toMatch(message);
  });

  it('refuses the local server under the default guard without sending it anything, then keeps serving', async () => {
    const before = server.requests.length;
    const err = await failure(`${server.url}/space`, {});
    expect(err.code).toBe('FETCH_BLOCKED');
    expect(server.requests.length).toBe(before);
    const article = await loadArticleFromUrl(`${server.url}/space`, LOCAL);
    expect(article.text.length).toBeGreaterThan(1000);
  });

  it('formats an article as JSON for `newsbrief extract --json`', async () => {
    const article = await loadArticleFromUrl(`${server.url}/ru`, LOCAL);
    const json = JSON.parse(formatExtractJson(article)) as Record<string, unknown>;
    expect(json).toMatchObject({ title: article.title, language: 'ru', text: article.text });
    expect(json.words).toBeGreaterThan(50);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsbriefError } from '../../src/core/errors.js';
import { createExtractionPool, createServingExtractor, type ExtractionPool } from '../../src/core/extract/index.js';
import { loadArticleFromUrl } from '../../src/core/ingest/index.js';
import { bigArticleHtml } from '../helpers/big-article.js';
import { startHttpServer, type TestHttpServer } from '../helpers/http-server.js';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const STORY = fs.readFileSync(path.join(FIXTURES, 'articles/aljazeera.html'), 'utf8');
const STORY_TITLE = 'NASA’s commercial moon shot: Musk\'s and Bezos\'s firms to bid';
const BIG = bigArticleHtml();
const LOCAL = { allowPrivateNetworks: true, timeoutMs: 5000 } as const;

const html = (body: string) => (_req: unknown, res: ServerResponse): void => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const page = (file: string) => html(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
const caught = (p: Promise<unknown>): Promise<NewsbriefError> => p.then(() => expect.fail('expected a NewsbriefError'), (e: NewsbriefError) => e);

/** Runs `work` while a 10 ms interval ticks on this thread; returns the longest gap between ticks. */
async function longestTickGap<T>(work: () => Promise<T>): Promise<{ result: T; maxGapMs: number }> {
  let last = performance.now();
  let maxGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    return { result, maxGapMs: Math.max(maxGapMs, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

describe('extraction pool', () => {
  let server: TestHttpServer;
  let pool: ExtractionPool;
  beforeAll(async () => {
    server = await startHttpServer({ '/big': html(BIG), '/home': page('pages/home-page.html'), '/paywalled': page('pages/paywall-stub.html'), '/login': page('pages/login-wall.html') });
    pool = createExtractionPool({ size: 1, maxQueue: 1 });
    // Start the worker up front: the test below measures a page, not a worker's start-up.
    await pool.extract(STORY);
  });
  afterAll(async () => {
    await pool.close();
    await server.close();
  });

  it('reads a 20,000-element page while this thread keeps ticking every 10 ms (gaps under 200 ms)', async () => {
    const { result: article, maxGapMs } = await longestTickGap(() => loadArticleFromUrl(`${server.url}/big`, { ...LOCAL, extractHtml: pool.extract }));
    expect(article.title).toBe('Live: the long day at the city council');
    expect(article.text).toContain('report 2849');
    expect(maxGapMs).toBeLessThan(200);
  });

  it.each(['/home', '/paywalled', '/login'])('refuses %s with the same error class, code and message as in-process', async (route) => {
    const url = `${server.url}${route}`;
    const inProcess = await caught(loadArticleFromUrl(url, LOCAL));
    const pooled = await caught(loadArticleFromUrl(url, { ...LOCAL, extractHtml: pool.extract }));
    expect(pooled).toBeInstanceOf(NewsbriefError);
    expect(pooled.constructor).toBe(inProcess.constructor);
    expect({ code: pooled.code, message: pooled.message }).toEqual({ code: inProcess.code, message: inProcess.message });
  });

  it('fails a page that runs past its time with "took too long", then reads the next page', async () => {
    const err = await caught(pool.extract(STORY, { timeoutMs: 1 }));
    expect(err.code).toBe('EXTRACT_EMPTY');
    expect(err.message).toMatch(/^This page took too long to read/);
    expect((await pool.extract(STORY, { url: 'https://example.com/moon' })).title).toBe(STORY_TITLE);
  });

  it('refuses pages beyond its queue as busy instead of queueing without bound', async () => {
    // One page in the worker, one waiting (maxQueue 1): the third is refused at once.
    const accepted = [pool.extract(STORY), pool.extract(STORY)];
    const err = await caught(pool.extract(STORY));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toMatch(/busy.*try again in a minute/);
    expect((await Promise.all(accepted)).map((a) => a.title)).toEqual([STORY_TITLE, STORY_TITLE]);
  });

  it('fails only the page whose worker runs out of memory, and replaces the worker', async () => {
    const tight = createExtractionPool({ size: 1, maxHeapMb: 32 });
    try {
      const err = await caught(tight.extract(BIG));
      expect(err.code).toBe('EXTRACT_EMPTY');
      expect(err.message).toMatch(/too much memory/);
      expect((await tight.extract(STORY)).title).toBe(STORY_TITLE);
    } finally {
      await tight.close();
    }
  });

  it('close() ends a busy worker: its page is refused and no thread handle stays open', async () => {
    const closing = createExtractionPool({ size: 1 });
    const pending = caught(closing.extract(STORY));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(process.getActiveResourcesInfo()).toContain('MessagePort');
    await closing.close();
    expect((await pending).message).toMatch(/shutting down/);
    expect(process.getActiveResourcesInfo()).not.toContain('MessagePort');
    expect((await caught(closing.extract(STORY))).message).toMatch(/shutting down/);
  });
});

describe('the app extractor', () => {
  it('parses in-process for one-shot commands and in the pool only while serving', async () => {
    // A 1 ms limit only the pool enforces shows where each page went.
    const extraction = createServingExtractor({ workers: 1, timeoutMs: 1 });
    try {
      expect((await extraction.extract(STORY)).title).toBe(STORY_TITLE);
      extraction.serve();
      expect((await caught(extraction.extract(STORY))).message).toMatch(/took too long/);
      await extraction.close();
      expect((await extraction.extract(STORY)).title).toBe(STORY_TITLE);
    } finally {
      await extraction.close();
    }
  });
});

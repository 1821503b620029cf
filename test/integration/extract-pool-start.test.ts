/**
 * The extraction pool when a worker cannot start: the page fails within the start-up allowance
 * plus the page timeout with a clear error, a broken entry is retried with backoff (not in a
 * tight loop), and pages are read again once the entry works. Real worker_threads on a test entry
 * whose behaviour a file switches (test/fixtures/extract-pool/switchable-entry.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsbriefError } from '../../src/core/errors.js';
import { createExtractionPool } from '../../src/core/extract/pool.js';

const STORY = fs.readFileSync(path.resolve(__dirname, '../fixtures/articles/aljazeera.html'), 'utf8');
const STORY_TITLE = 'NASA’s commercial moon shot: Musk\'s and Bezos\'s firms to bid';
const ENTRY = new URL('../fixtures/extract-pool/switchable-entry.ts', import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const caught = (p: Promise<unknown>): Promise<NewsbriefError> => p.then(() => expect.fail('expected a NewsbriefError'), (e: NewsbriefError) => e);

describe('extraction pool worker start-up', () => {
  let dir: string;
  const setMode = (mode: 'throw' | 'hang' | 'ok') => fs.writeFileSync(path.join(dir, 'mode'), mode);
  const starts = () => (fs.existsSync(path.join(dir, 'starts.log')) ? fs.readFileSync(path.join(dir, 'starts.log'), 'utf8').split('\n').length - 1 : 0);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-pool-'));
    process.env.NEWSBRIEF_TEST_POOL_DIR = dir;
  });
  afterAll(() => {
    delete process.env.NEWSBRIEF_TEST_POOL_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails a page whose worker never becomes ready within start-up allowance + timeout, with a clear error', async () => {
    setMode('hang');
    const pool = createExtractionPool({ size: 1, workerEntry: ENTRY, startTimeoutMs: 600, timeoutMs: 400 });
    try {
      const t0 = performance.now();
      const err = await caught(pool.extract(STORY));
      const ms = performance.now() - t0;
      expect(err).toBeInstanceOf(NewsbriefError);
      expect(err.code).toBe('EXTRACT_EMPTY');
      expect(err.message).toMatch(/could not start.*paste the article text/);
      expect(ms).toBeGreaterThanOrEqual(550);
      expect(ms).toBeLessThan(600 + 400 + 500);
    } finally {
      await pool.close();
    }
  });

  it('retries an entry that throws at load with backoff, not in a loop, and reads pages once it works', async () => {
    setMode('throw');
    fs.rmSync(path.join(dir, 'starts.log'), { force: true });
    const pool = createExtractionPool({ size: 1, workerEntry: ENTRY });
    try {
      // Callers keep asking for ~1.5 s: every page fails with the same clear error, and the pool
      // starts a worker only when its backoff allows (500 ms, then 1 s …), not once per page.
      const t0 = performance.now();
      const errors: NewsbriefError[] = [];
      while (performance.now() - t0 < 1500) {
        errors.push(await caught(pool.extract(STORY)));
        await sleep(25);
      }
      expect(errors.length).toBeGreaterThan(10);
      expect(new Set(errors.map((e) => `${e.code}: ${e.message}`))).toEqual(new Set(['EXTRACT_EMPTY: The article reader could not start; try again in a minute, or paste the article text.']));
      expect(starts()).toBeGreaterThanOrEqual(1);
      expect(starts()).toBeLessThanOrEqual(2);

      setMode('ok');
      await expect.poll(() => pool.extract(STORY).then((a) => a.title, (e: Error) => e.message), { timeout: 10_000, interval: 250 }).toBe(STORY_TITLE);
      expect((await pool.extract(STORY)).title).toBe(STORY_TITLE);
    } finally {
      await pool.close();
    }
  }, 20_000);
});

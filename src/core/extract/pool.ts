/**
 * A small pool of worker threads for HTML extraction. Parsing a big page takes up to a second of
 * CPU; on the main thread that would hold up every other user's Slack ack and Discord defer.
 * Workers start on first use and are reused; a worker that runs too long or crashes is replaced,
 * and only its own call fails; a worker that cannot start fails its pages with a clear error and is
 * retried with backoff. Hand-written on node:worker_threads (≈150 lines) because we need
 * per-call timeouts that terminate the worker, a bounded queue, and a tsx loader for .ts entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { NewsbriefError } from '../errors.js';
import type { Article } from '../model.js';
import type { ExtractOptions } from './article.js';
import { fromWireError, type ExtractRequest, type WorkerMessage } from './pool-wire.js';

export interface ExtractionPoolOptions {
  /** Worker threads; default min(2, CPUs − 1), at least 1. */
  size?: number;
  /** Pages waiting for a free worker before new ones are refused as busy; default 32. */
  maxQueue?: number;
  /**
   * A page taking longer is abandoned and its worker replaced; default 10 s. Counted from when a
   * worker takes the page, so it never includes a worker's start-up (see `startTimeoutMs`).
   */
  timeoutMs?: number;
  /**
   * Start-up allowance: a worker not ready within this fails the pages waiting for it; default
   * {@link DEFAULT_START_TIMEOUT_MS}. A page that waits for a starting worker therefore waits at most
   * `startTimeoutMs + timeoutMs` (plus the time of pages queued ahead of it).
   */
  startTimeoutMs?: number;
  /** The module each worker runs (tests); default pool-worker beside this file. */
  workerEntry?: URL;
  /** Heap limit of each worker (MB); a page that needs more fails alone. Default 256. */
  maxHeapMb?: number;
}

export interface PoolExtractOptions extends ExtractOptions {
  /** Overrides the pool's timeout for this page. */
  timeoutMs?: number;
}

export interface ExtractionPool {
  /**
   * Extracts the article in a worker thread.
   * @throws NewsbriefError as extractArticle does (same codes and messages); EXTRACT_EMPTY when the page
   * took too long or too much memory; RATE_LIMITED when too many pages are waiting.
   */
  extract(html: string, options?: PoolExtractOptions): Promise<Article>;
  /** Refuses waiting pages and ends every worker. */
  close(): Promise<void>;
}

export const DEFAULT_POOL_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_QUEUE = 32;
const DEFAULT_MAX_HEAP_MB = 256;
/**
 * Start-up allowance of a worker (≈1 s through tsx, less from dist/, more on a loaded machine).
 * Kept apart from the page timeout on purpose: "this page took too long" should be about the page,
 * and a cold start must not eat a short page budget; a start-up that overruns is a set-up problem
 * and gets its own message.
 */
export const DEFAULT_START_TIMEOUT_MS = 10_000;
/** After a worker fails to start, the next start waits this long, doubling per failure up to the cap. */
const RESTART_BACKOFF_MS = 500;
const MAX_RESTART_BACKOFF_MS = 30_000;

/** min(2, CPUs − 1), at least 1: leaves a core for the event loop. */
export const defaultPoolSize = (): number => Math.max(1, Math.min(2, availableParallelism() - 1));

interface Job {
  request: ExtractRequest;
  timeoutMs: number;
  resolve(article: Article): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * How to start a worker: the built pool-worker.js beside this module, or (under tsx or vitest, where
 * only .ts exists) a bootstrap that registers tsx inside the worker first. Node 20 ignores loader
 * flags in a Worker's execArgv (nodejs/node#47747), but module.register() inside the worker works.
 */
function workerStart(workerEntry?: URL): { script: URL | string; options: WorkerOptions } {
  const js = new URL('./pool-worker.js', import.meta.url);
  if (!workerEntry && existsSync(fileURLToPath(js))) return { script: js, options: {} };
  // Resolved from here, not from the working directory, so a worker finds tsx wherever the process started.
  const tsx = tsxEsmApi();
  const entry = (workerEntry ?? new URL('./pool-worker.ts', import.meta.url)).href;
  return { script: TSX_BOOTSTRAP, options: { eval: true, workerData: { tsx, entry } } };
}

/** tsx's ESM API file, found through its package.json exports (require.resolve would give the CJS one). */
function tsxEsmApi(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(pkgPath)).href;
}

const TSX_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

const tooSlow = (ms: number): NewsbriefError =>
  new NewsbriefError('EXTRACT_EMPTY', `This page took too long to read (over ${ms < 1000 ? `${ms} ms` : `${ms / 1000} s`}); try again later, or paste the article text.`);

const notStarted = (err: unknown): NewsbriefError =>
  new NewsbriefError('EXTRACT_EMPTY', 'The article reader could not start; try again in a minute, or paste the article text.', { cause: err });

function crashed(err: unknown): NewsbriefError {
  const oom = (err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  const why = oom ? 'This page needs too much memory to read' : 'Reading this page failed unexpectedly';
  return new NewsbriefError('EXTRACT_EMPTY', `${why}; paste the article text instead.`, { cause: err });
}

/** Creates a lazy pool; nothing starts until the first extract(). */
export function createExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const maxQueue = Math.max(0, options.maxQueue ?? DEFAULT_MAX_QUEUE);
  const timeoutMs = options.timeoutMs ?? DEFAULT_POOL_TIMEOUT_MS;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const resourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB };
  const start = workerStart(options.workerEntry);
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  /** Start failures in a row, the last one's error, and when the next start may begin. */
  let startFailures = 0;
  let lastStartError: NewsbriefError | undefined;
  let retryAt = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const finish = (slot: Slot): Job | undefined => {
    const { job } = slot;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    return job;
  };

  /** Ends a worker that hung or crashed; its job fails, the others go on, a new worker starts if pages wait. */
  const retire = (slot: Slot, err: Error): void => {
    if (!slots.delete(slot)) return;
    finish(slot)?.reject(err);
    void slot.worker.terminate();
    if (!slot.ready) {
      // A worker that fails to start says something is wrong with the set-up, not the page: the
      // pages waiting fail now (unless another worker can take them) and the next start backs off,
      // so a broken entry cannot make the pool spin starting threads.
      startFailures++;
      lastStartError = notStarted(err);
      retryAt = Date.now() + Math.min(MAX_RESTART_BACKOFF_MS, RESTART_BACKOFF_MS * 2 ** (startFailures - 1));
      if (![...slots].some((s) => s.ready)) for (const job of queue.splice(0)) job.reject(lastStartError);
    }
    // A replacement starts now, so the next page does not wait for a worker's start-up.
    else if (!closed) spawn();
    dispatch();
  };

  const spawn = (): void => {
    const wait = retryAt - Date.now();
    if (wait > 0) {
      // Backing off after a failed start: try again once the wait is over, if pages still wait.
      retryTimer ??= setTimeout(() => {
        retryTimer = undefined;
        dispatch();
      }, wait).unref();
      return;
    }
    const worker = new Worker(start.script, { ...start.options, resourceLimits });
    const slot: Slot = { worker, ready: false };
    slots.add(slot);
    // A worker that never finishes loading would leave its pages waiting for ever.
    slot.timer = setTimeout(() => retire(slot, new Error(`extraction worker did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        startFailures = 0;
        retryAt = 0;
        clearTimeout(slot.timer);
      }
      else if (slot.job?.request.id === message.id) {
        const job = finish(slot)!;
        if (message.type === 'done') job.resolve(message.article);
        else job.reject(fromWireError(message.error));
      }
      dispatch();
    });
    worker.on('error', (err) => retire(slot, slot.ready ? crashed(err) : err));
    worker.on('exit', (code) => retire(slot, crashed(new Error(`extraction worker exited with code ${code}`))));
  };

  function dispatch(): void {
    if (closed) return;
    let starting = 0;
    for (const slot of slots) {
      if (!slot.ready) starting++;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift();
      // A starting or busy worker keeps the process alive (someone awaits it); an idle one must not.
      if (!job) {
        slot.worker.unref();
        continue;
      }
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => retire(slot, tooSlow(job.timeoutMs)), job.timeoutMs);
      slot.worker.postMessage(job.request);
    }
    for (let waiting = queue.length - starting; waiting > 0 && slots.size < size; waiting--) spawn();
  }

  return {
    extract(html, { timeoutMs: callTimeoutMs, ...extractOptions } = {}) {
      if (closed) return Promise.reject(new NewsbriefError('RATE_LIMITED', 'The bot is shutting down; try again in a minute.'));
      // No worker and still backing off after a failed start: say so now rather than keep the user waiting.
      if (slots.size === 0 && lastStartError && Date.now() < retryAt) return Promise.reject(lastStartError);
      const busy = [...slots].filter((s) => s.job).length;
      if (queue.length >= maxQueue + size - busy) {
        return Promise.reject(new NewsbriefError('RATE_LIMITED', 'The bot is busy reading other pages; try again in a minute.'));
      }
      return new Promise<Article>((resolve, reject) => {
        queue.push({ request: { id: nextId++, html, options: extractOptions }, timeoutMs: callTimeoutMs ?? timeoutMs, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const shuttingDown = new NewsbriefError('RATE_LIMITED', 'The bot is shutting down; try again in a minute.');
      for (const job of queue.splice(0)) job.reject(shuttingDown);
      const ending = [...slots].map((slot) => {
        slots.delete(slot);
        finish(slot)?.reject(shuttingDown);
        return slot.worker.terminate();
      });
      await Promise.all(ending);
    },
  };
}

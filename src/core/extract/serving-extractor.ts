/**
 * Where the app parses HTML: on the main thread for one-shot commands (no worker start-up to pay,
 * nobody else to keep waiting), in an extraction pool while the bot serves many users.
 */
import type { Article } from '../model.js';
import { extractArticle, type ExtractOptions } from './article.js';
import { createExtractionPool, type ExtractionPool } from './pool.js';

export interface ServingExtractorOptions {
  /** Pool size; undefined: the pool's default; 0: always on the main thread. */
  workers?: number;
  timeoutMs?: number;
}

export interface ServingExtractor {
  /** Extracts in the pool while serving, else in-process (same errors either way). */
  extract(html: string, options?: ExtractOptions): Promise<Article>;
  /** From now on, pages go to the pool (started on its first page). */
  serve(): void;
  /** Ends the pool's workers; later pages are parsed in-process until serve() again. */
  close(): Promise<void>;
}

/** Creates the app's HTML extractor; no worker starts before serve() and a page. */
export function createServingExtractor(options: ServingExtractorOptions = {}): ServingExtractor {
  let serving = false;
  let pool: ExtractionPool | undefined;
  return {
    async extract(html, extractOptions = {}) {
      if (!serving || options.workers === 0) return extractArticle(html, extractOptions);
      pool ??= createExtractionPool({
        ...(options.workers !== undefined ? { size: options.workers } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      });
      return pool.extract(html, extractOptions);
    },
    serve() {
      serving = true;
    },
    async close() {
      serving = false;
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
  };
}

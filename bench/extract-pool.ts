/**
 * `tsx bench/extract-pool.ts [data-dir]`: what the extraction pool costs and what it buys.
 * - worker start-up: a fresh pool's first page minus a warm pool's time for the same page
 *   (through tsx, and from dist/ when built);
 * - per-page overhead: median in-process vs pool time over the extraction pages (both warmed);
 * - the longest event-loop gap (10 ms interval) while a ~20,000-element page is extracted.
 * Prints one line per measurement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../src/core/extract/article.js';
import { createExtractionPool, type ExtractionPool } from '../src/core/extract/pool.js';
import { bigArticleHtml } from '../test/helpers/big-article.js';
import { loadExtractionPages } from './extraction-pages.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(process.argv[2] ?? path.join(ROOT, '..', 'shared', 'data'));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const f = (x: number): string => `${x.toFixed(1)} ms`;

async function timed(work: () => unknown): Promise<number> {
  const t0 = performance.now();
  try {
    await work();
  } catch {
    // Refused pages count too.
  }
  return performance.now() - t0;
}

async function maxTickGap(work: () => unknown): Promise<number> {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 10);
  await timed(work);
  clearInterval(timer);
  return Math.max(max, performance.now() - last);
}

async function startUp(create: () => ExtractionPool, html: string, label: string): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const pool = create();
    const cold = await timed(() => pool.extract(html));
    const warm = await timed(() => pool.extract(html));
    await pool.close();
    runs.push(cold - warm);
  }
  console.log(`worker start-up (${label}): median ${f(median(runs))} of ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
}

const all = loadExtractionPages(DATA);
const sample = all[0]!;
await startUp(() => createExtractionPool({ size: 1 }), sample, 'tsx, .ts worker');
const dist = path.join(ROOT, 'dist', 'core', 'extract', 'pool.js');
if (fs.existsSync(dist)) {
  const built = (await import(pathToFileURL(dist).href)) as typeof import('../src/core/extract/pool.js');
  await startUp(() => built.createExtractionPool({ size: 1 }), sample, 'dist, .js worker');
}

const pool = createExtractionPool({ size: 1, timeoutMs: 60_000 });
for (const html of all.slice(0, 20)) await timed(() => pool.extract(html)); // warm both JITs
for (const html of all.slice(0, 20)) await timed(() => extractArticle(html));
const inProcess: number[] = [];
const pooled: number[] = [];
for (const html of all) {
  inProcess.push(await timed(() => extractArticle(html)));
  pooled.push(await timed(() => pool.extract(html)));
}
const overhead = pooled.map((p, i) => p - inProcess[i]!);
console.log(`per page (${all.length} pages): in-process median ${f(median(inProcess))}, pool median ${f(median(pooled))}, overhead median ${f(median(overhead))}`);

const big = bigArticleHtml();
const gapIn = await maxTickGap(() => extractArticle(big));
const gapPool = await maxTickGap(() => pool.extract(big));
console.log(`longest event-loop gap while extracting a 20,000-element page: in-process ${f(gapIn)}, pool ${f(gapPool)}`);
await pool.close();

/**
 * `node --expose-gc --import tsx bench/extract-heap.ts [<data-dir>] [--passes 8] [--measure-at 1,2,4,8]
 * [--summarize-first] [--snapshot-after 0,2,6]`: heap after a forced GC following passes over the
 * extraction pages. Heap that keeps rising with passes is a leak; heap that stops rising is warm-up
 * or a high-water mark.
 *
 * --measure-at: GC and measure only after those passes (default: every pass). Fewer forced GCs let more
 *   garbage pile up between collections, as in a busy process; `npm run bench` used to measure that way.
 * --summarize-first: summarize the dev articles in-process first, as `npm run bench` does.
 * --snapshot-after: write extract-pass-N.heapsnapshot after those passes (0: before any extraction);
 *   compare two with `node --import tsx bench/heap-diff.ts A B`.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { extractArticle } from '../src/core/ingest/index.js';
import { summarizePoints } from '../src/core/summarize/index.js';
import { extractEach, loadExtractionPages } from './extraction-pages.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const numbers = (list: string | undefined): Set<number> => new Set((list ?? '').split(',').filter(Boolean).map(Number));
const DATA = path.resolve(args[0] !== undefined && !args[0].startsWith('--') ? args[0] : path.join(ROOT, '..', 'shared', 'data'));
const passes = Number(flag('--passes') ?? 8);
const measureAt = flag('--measure-at') === undefined ? null : numbers(flag('--measure-at'));
const snapshotAfter = numbers(flag('--snapshot-after'));

const gc = global.gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function report(pass: number): void {
  gc!();
  const { heapUsed, rss } = process.memoryUsage();
  console.log(`pass ${pass}: heap ${mb(heapUsed)} MB, RSS ${mb(rss)} MB`);
  if (snapshotAfter.has(pass)) console.log(`  snapshot ${v8.writeHeapSnapshot(path.join(ROOT, `extract-pass-${pass}.heapsnapshot`))}`);
}

const pages = loadExtractionPages(DATA);
if (args.includes('--summarize-first')) {
  const file = path.join(DATA, 'summarization', 'cnndm-dev.jsonl');
  for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) summarizePoints({ title: '', text: (JSON.parse(line) as { article: string }).article });
}
console.log(`${pages.length} pages; pass 0 = loaded, nothing extracted`);
report(0);
for (let pass = 1; pass <= passes; pass++) {
  extractEach(pages, extractArticle);
  if (measureAt === null || measureAt.has(pass)) report(pass);
}

/**
 * `npm run bench [-- <shared-data-dir>]`: speed and memory of every hot path, in one run, with the
 * machine it ran on. A benchmark, not a test: it prints numbers and never fails on them.
 *
 * In-process: summarize (per article), extraction (per page, and memory over repeated pages),
 * ask (per question). As child processes (their own start-up and event loops): `summarize --jsonl`
 * wall time including start-up, the extraction pool (worker start-up, per-page overhead, event-loop gap), story grouping of 10,000 items, a 50 feeds × 50 items digest, and
 * the Slack ack latency under 50 concurrent slow commands.
 *
 * Data: the shared data folder when present (default ../shared/data), else the test fixtures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractArticle } from '../src/core/ingest/index.js';
import { summarizePoints } from '../src/core/summarize/index.js';
import { evaluateAsk } from '../scripts/eval-ask.js';
import { extractEach, loadExtractionPages } from './extraction-pages.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(process.argv[2] ?? path.join(ROOT, '..', 'shared', 'data'));
const hasData = fs.existsSync(DATA);

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(2)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rows: [string, string][] = [];
const row = (what: string, value: string): void => {
  rows.push([what, value]);
  console.error(`${what}: ${value}`);
};

function summarizationRecords(): { id: string; text: string }[] {
  const file = path.join(DATA, 'summarization', 'cnndm-dev.jsonl');
  if (hasData && fs.existsSync(file)) {
    return fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => {
      const r = JSON.parse(l) as { id: string; article: string };
      return { id: r.id, text: r.article };
    });
  }
  const seed = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed-article.txt'), 'utf8');
  return Array.from({ length: 20 }, (_, i) => ({ id: `seed-${i}`, text: seed }));
}

function benchSummarize(): void {
  const records = summarizationRecords();
  summarizePoints({ title: '', text: records[0]!.text }); // load the NLP model once
  const times = records.map((r) => {
    const t0 = performance.now();
    summarizePoints({ title: '', text: r.text });
    return performance.now() - t0;
  });
  row(`summarize, per article (${records.length} articles)`, `median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}`);
  const input = records.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n');
  const t0 = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'adapters', 'cli', 'main.ts'), 'summarize', '--jsonl'], { input, cwd: ROOT, maxBuffer: 64 << 20 });
  row(`summarize --jsonl, ${records.length} articles, wall incl. start-up (tsx)`, `${(performance.now() - t0).toFixed(0)} ms`);
}

function benchExtract(): void {
  const pages = loadExtractionPages(DATA);
  const times: number[] = [];
  for (const html of pages) {
    const t0 = performance.now();
    try {
      extractArticle(html);
    } catch {
      // Non-articles are refused; their time still counts.
    }
    times.push(performance.now() - t0);
  }
  row(`extract, per page (${pages.length} pages)`, `median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}`);
  // Heap after a full GC after each pass (npm run bench passes --expose-gc); pass 1 includes warm-up, equal
  // figures after it mean nothing is retained per page. Without a GC per pass the figure wanders by up to
  // ~30 MB: linkedom gives every DOM node an entry in a module-level WeakMap, whose table keeps its peak
  // size after the nodes are collected (bounded; bench/extract-heap.ts --measure-at shows the plateau).
  const heaps: number[] = [];
  for (let pass = 1; pass <= 4; pass++) {
    if (pass > 1) extractEach(pages, extractArticle);
    global.gc?.();
    heaps.push(process.memoryUsage().heapUsed);
  }
  row(`extract, heap after GC after passes 1–4 over the ${pages.length} pages`, `${heaps.map(mb).join(' → ')} (RSS ${mb(process.memoryUsage().rss)})`);
}

function benchAsk(): void {
  const result = evaluateAsk();
  row(`ask, per question (${result.answerable + result.unanswerable} questions)`, `median ${ms(result.medianMs)}`);
}

function runChild(label: string, script: string, args: string[] = []): void {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = out.trim().split('\n').filter(Boolean);
    row(label, lines.map((l) => l.trim()).join(' · '));
  } catch (err) {
    row(label, `failed: ${(err as Error).message.split('\n')[0]}`);
  }
}

const cpus = os.cpus();
console.log(`newsbrief bench — ${new Date().toISOString()}`);
console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${mb(os.totalmem())} RAM, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`data: ${hasData ? DATA : 'test fixtures (no shared data folder found)'}\n`);
benchSummarize();
benchExtract();
benchAsk();
runChild('extraction pool (start-up, per-page overhead, event-loop gap)', 'bench/extract-pool.ts', [DATA]);
runChild('story grouping, 10,000 items', 'bench/group-scale.ts', ['--runs', '2']);
runChild('digest, 50 feeds × 50 items (HTTP, SQLite, grouping, summaries)', 'bench/digest.ts');
runChild('Slack ack under 50 concurrent commands whose pages take 5 s', 'bench/slack-ack.ts', ['50']);
console.log('\n| what | measured |\n| --- | --- |');
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);

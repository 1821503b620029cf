/**
 * Scores article extraction on the Zyte article-extraction benchmark
 * (../shared/data/extraction), with the metric its README defines: 4-token shingles,
 * precision averaged over pages with output, recall over pages with truth, F1 of the means,
 * accuracy = exact token-sequence match.
 *
 * Usage:
 *   npm run eval:extract -- [folder] [--score-reference] [--baseline] [--compare] [--repeat N] [--out predictions.json] [--worst N]
 *
 * --score-reference scores the benchmark's published Readability.js output (checks this metric);
 * --baseline runs plain Readability on linkedom instead of ours, timed the same way;
 * --compare also times that baseline on each page, interleaved, and prints the ratio (robust
 *   on a busy machine, where absolute milliseconds are not);
 * --repeat N extracts the corpus N times (scores from the first pass) to show memory stays flat.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle, htmlToText } from '../src/core/extract/index.js';
import type { TextNodeLike } from '../src/core/extract/html-to-text.js';

const DEFAULT_FOLDER = fileURLToPath(new URL('../../shared/data/extraction', import.meta.url));
const SHINGLE_SIZE = 4;

/** Python's `\w+` with re.UNICODE: letters, digits/numerics and underscore. */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

function shingles(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length < SHINGLE_SIZE) {
    add(tokens.join('\u0000'));
    return counts;
  }
  for (let i = 0; i + SHINGLE_SIZE <= tokens.length; i++) add(tokens.slice(i, i + SHINGLE_SIZE).join('\u0000'));
  return counts;
}

export interface PageScore {
  id: string;
  precision?: number;
  recall?: number;
  exact: boolean;
}

/** Scores one page: undefined precision when the output is empty, undefined recall when the truth is. */
export function scorePage(id: string, truth: string, predicted: string): PageScore {
  const truthTokens = tokenize(truth);
  const predTokens = tokenize(predicted);
  const exact = truthTokens.length === predTokens.length && truthTokens.every((t, i) => t === predTokens[i]);
  const t = shingles(truthTokens);
  const p = shingles(predTokens);
  let tp = 0;
  let predTotal = 0;
  let truthTotal = 0;
  for (const [k, n] of p) {
    predTotal += n;
    tp += Math.min(n, t.get(k) ?? 0);
  }
  for (const n of t.values()) truthTotal += n;
  return {
    id,
    precision: predicted.trim() === '' ? undefined : predTotal === 0 ? 0 : tp / predTotal,
    recall: truth.trim() === '' ? undefined : truthTotal === 0 ? 0 : tp / truthTotal,
    exact,
  };
}

export interface Totals {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: number;
}

export function summarize(scores: PageScore[]): Totals {
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const precision = mean(scores.flatMap((s) => (s.precision === undefined ? [] : [s.precision])));
  const recall = mean(scores.flatMap((s) => (s.recall === undefined ? [] : [s.recall])));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: mean(scores.map((s) => (s.exact ? 1 : 0))), pages: scores.length };
}

/** Plain Readability on linkedom, its content turned into text block by block. */
function extractBaseline(html: string): string {
  const { document } = parseHTML(html);
  const parsed = new Readability<TextNodeLike>(document as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (node) => node as unknown as TextNodeLike,
  }).parse();
  return parsed?.content ? htmlToText(parsed.content) : '';
}

type BodyMap = Record<string, { articleBody?: string; url?: string }>;

function readPredictions(file: string): BodyMap {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { output?: BodyMap } & BodyMap;
  return (raw.output ?? raw) as BodyMap;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** RSS, and live heap after a full GC when run with NODE_OPTIONS=--expose-gc (a truer leak check). */
function memory(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return gc ? `RSS ${mb(rss)}, live heap ${mb(heapUsed)}` : `RSS ${mb(rss)}`;
}
const fmt = (x: number): string => x.toFixed(3);

function printTotals(label: string, t: Totals): void {
  console.log(`${label}: F1 ${fmt(t.f1)}  precision ${fmt(t.precision)}  recall ${fmt(t.recall)}  accuracy ${fmt(t.accuracy)}  (${t.pages} pages)`);
}

interface Timing {
  wallMs: number[];
  cpuMs: number[];
}

/** Runs `extract` on a page, timing wall clock and this process's CPU; failures are empty output. */
function timed(timing: Timing, extract: () => string): string {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let text = '';
  try {
    text = extract();
  } catch {
    // A page judged "no article" scores as empty output.
  }
  timing.wallMs.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStarted);
  timing.cpuMs.push((cpu.user + cpu.system) / 1000);
  return text;
}

function printTiming(label: string, timing: Timing): void {
  const wall = [...timing.wallMs].sort((a, b) => a - b);
  const cpu = [...timing.cpuMs].sort((a, b) => a - b);
  console.log(`${label} per page: median ${percentile(wall, 0.5).toFixed(1)} ms  p95 ${percentile(wall, 0.95).toFixed(1)} ms wall clock; CPU median ${percentile(cpu, 0.5).toFixed(1)} ms  p95 ${percentile(cpu, 0.95).toFixed(1)} ms`);
}

const median = (xs: number[]): number => percentile([...xs].sort((a, b) => a - b), 0.5);

function printWorst(scores: PageScore[], truth: BodyMap, count: number): void {
  const f1 = (s: PageScore): number => {
    const p = s.precision ?? 0;
    const r = s.recall ?? 0;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  };
  for (const s of [...scores].sort((a, b) => f1(a) - f1(b)).slice(0, count)) {
    console.log(`  ${s.id.slice(0, 12)}  P ${fmt(s.precision ?? 0)}  R ${fmt(s.recall ?? 0)}  ${truth[s.id]?.url ?? ''}`);
  }
}

function main(argv: string[]): void {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const valueOf = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positional = argv.filter((a, i) => !a.startsWith('--') && !['--out', '--worst', '--repeat'].includes(argv[i - 1] ?? ''));
  const folder = positional[0] ?? DEFAULT_FOLDER;
  const truth = JSON.parse(fs.readFileSync(path.join(folder, 'ground-truth.json'), 'utf8')) as BodyMap;
  const ids = Object.keys(truth).sort();
  const readPage = (id: string): string => zlib.gunzipSync(fs.readFileSync(path.join(folder, 'html', `${id}.html.gz`))).toString('utf8');

  if (flags.has('--score-reference')) {
    const ref = readPredictions(path.join(folder, 'reference-output', 'readability_js.json'));
    const scores = ids.map((id) => scorePage(id, truth[id]?.articleBody ?? '', ref[id]?.articleBody ?? ''));
    printTotals('reference readability_js.json', summarize(scores));
    return;
  }

  const baseline = flags.has('--baseline');
  const compare = flags.has('--compare');
  const ours = (html: string, url: string | undefined): string =>
    baseline ? extractBaseline(html) : extractArticle(html, url ? { url } : {}).text;
  const memoryStart = memory();
  const timing: Timing = { wallMs: [], cpuMs: [] };
  const baselineTiming: Timing = { wallMs: [], cpuMs: [] };
  const scores: PageScore[] = [];
  const output: BodyMap = {};
  for (const id of ids) {
    const html = readPage(id);
    const url = truth[id]?.url;
    // Interleaved, so both see the same machine load.
    if (compare) timed(baselineTiming, () => extractBaseline(html));
    const text = timed(timing, () => ours(html, url));
    output[id] = { articleBody: text };
    scores.push(scorePage(id, truth[id]?.articleBody ?? '', text));
  }
  const repeat = Number(valueOf('--repeat') ?? 1);
  for (let pass = 2; pass <= repeat; pass++) {
    for (const id of ids) timed({ wallMs: [], cpuMs: [] }, () => ours(readPage(id), truth[id]?.url));
    console.log(`after pass ${pass}: ${memory()}`);
  }
  const memoryEnd = memory();

  const label = baseline ? 'baseline Readability on linkedom' : 'newsbrief extractArticle';
  printTotals(label, summarize(scores));
  printTiming('time', timing);
  if (compare) {
    printTiming('baseline', baselineTiming);
    const ratio = median(timing.wallMs) / median(baselineTiming.wallMs);
    const cpuRatio = median(timing.cpuMs) / median(baselineTiming.cpuMs);
    console.log(`ours / baseline median: ${ratio.toFixed(2)} wall clock, ${cpuRatio.toFixed(2)} CPU`);
  }
  console.log(`memory: start ${memoryStart}; end ${memoryEnd}`);
  printWorst(scores, truth, Number(valueOf('--worst') ?? 0));
  const out = valueOf('--out');
  if (out) fs.writeFileSync(out, JSON.stringify(output, null, 1));
}

// Run only as a script, so tests can import the metric.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));

/**
 * Scores the summarizer against reference summaries:
 *
 *   npm run eval -- [folder]      (default ../shared/data/summarization)
 *
 * For each *.jsonl file: ROUGE-1/2/Lsum F1 (×100, rouge_score conventions, src/core/eval/rouge.ts) of
 * v2 (as shipped), v2-3pt (v2 without the key-figure and what-next points), v1 and Lead-3 side by side, overall and per outlet (id prefix), mean words per point, the share of
 * points that are verbatim or trimmed source text, median wall and CPU ms per article through the full
 * Summarizer (Lead-3: sentence splitting only),
 * the margin of v2 over Lead-3 (issue 4) with a paired-bootstrap interval for ROUGE-1, and the integrity checks' false alarms (spin warnings, non-English verdicts) on these normal articles.
 */
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scoreRouge } from '../src/core/eval/rouge.js';
import type { Briefing } from '../src/core/model.js';
import { splitSentences } from '../src/core/nlp/sentences.js';
import { createExtractiveSummarizer } from '../src/core/summarize/extractive/extractive-summarizer.js';
import { SPIN_WARNING } from '../src/core/integrity/spin.js';
import { outletOf, readRecords, type SummarizationRecord } from './summarization-data.js';

const DEFAULT_FOLDER = fileURLToPath(new URL('../../shared/data/summarization', import.meta.url));

interface Run {
  name: string;
  summarize: (record: SummarizationRecord) => Promise<{ points: string[]; briefing?: Briefing }>;
}

interface Row {
  outlet: string;
  r1: number;
  r2: number;
  rl: number;
  words: number[];
  kinds: ('verbatim' | 'trimmed' | 'other')[];
  ms: number;
  /** CPU time: on a shared machine wall time mostly measures the neighbours. */
  cpuMs: number;
  warnings: string[];
  language?: string;
}

/**
 * 95 % interval of the mean of per-article differences, by resampling the articles 2,000 times with a
 * fixed-seed generator (so the printed interval is reproducible).
 */
function pairedBootstrap(differences: number[]): [number, number] {
  let seed = 20261127;
  const random = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const means: number[] = [];
  for (let b = 0; b < 2000; b += 1) {
    let sum = 0;
    for (let i = 0; i < differences.length; i += 1) sum += differences[Math.floor(random() * differences.length)]!;
    means.push(sum / Math.max(differences.length, 1));
  }
  means.sort((a, b) => a - b);
  return [means[49]!, means[1949]!];
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether `point`'s words appear in order within `source`'s words. */
function isSubsequence(point: string[], source: string[]): boolean {
  let j = 0;
  for (const w of source) if (w === point[j]) j += 1;
  return j === point.length;
}

function kindOf(point: string, sources: string[]): 'verbatim' | 'trimmed' | 'other' {
  const text = point.replace(/…$/, '').trim();
  if (sources.some((s) => s.trim() === text)) return 'verbatim';
  const words = wordsOf(text);
  return sources.some((s) => isSubsequence(words, wordsOf(s))) ? 'trimmed' : 'other';
}

const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};
const pct = (v: number): string => (100 * v).toFixed(2).padStart(6);

async function evaluate(run: Run, records: SummarizationRecord[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const record of records) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const { points, briefing } = await run.summarize(record);
    const cpu = process.cpuUsage(cpuStarted);
    const ms = performance.now() - started;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const scores = scoreRouge(record.reference, points);
    const sentences = splitSentences(record.article).map((s) => s.text);
    const evidence = briefing?.evidence;
    rows.push({
      outlet: outletOf(record.id),
      r1: scores.rouge1.f1,
      r2: scores.rouge2.f1,
      rl: scores.rougeLsum.f1,
      words: points.map((p) => wordsOf(p).length),
      kinds: points.map((p, i) => kindOf(p, evidence?.[i] ? evidence[i].sentences.map((k) => sentences[k] ?? '') : sentences)),
      ms,
      cpuMs,
      warnings: briefing?.warnings ?? [],
      ...(briefing?.language ? { language: briefing.language } : {}),
    });
  }
  return rows;
}

function line(name: string, rows: Row[]): string {
  const words = rows.flatMap((r) => r.words);
  const kinds = rows.flatMap((r) => r.kinds);
  const share = (k: string): string => pct(kinds.filter((x) => x === k).length / Math.max(kinds.length, 1));
  return `${name.padEnd(8)} ${pct(mean(rows.map((r) => r.r1)))} ${pct(mean(rows.map((r) => r.r2)))} ${pct(mean(rows.map((r) => r.rl)))}   ${mean(words).toFixed(1).padStart(5)} ${(words.length / rows.length).toFixed(2).padStart(5)}  ${share('verbatim')} ${share('trimmed')}  ${median(rows.map((r) => r.ms)).toFixed(2).padStart(6)} ${median(rows.map((r) => r.cpuMs)).toFixed(2).padStart(6)}`;
}

async function main(): Promise<void> {
  const folder = process.argv[2] ?? DEFAULT_FOLDER;
  const files = readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort();
  const v2 = createExtractiveSummarizer({ version: 2 });
  const v2Lead = createExtractiveSummarizer({ version: 2, factPoints: false });
  const v1 = createExtractiveSummarizer({ version: 1 });
  const asArticle = (r: SummarizationRecord) => ({ title: r.title ?? '', text: r.article });
  const runs: Run[] = [
    { name: 'v2', summarize: async (r) => { const b = await v2.summarize(asArticle(r)); return { points: b.points, briefing: b }; } },
    { name: 'v2-3pt', summarize: async (r) => { const b = await v2Lead.summarize(asArticle(r)); return { points: b.points, briefing: b }; } },
    { name: 'v1', summarize: async (r) => { const b = await v1.summarize(asArticle(r)); return { points: b.points, briefing: b }; } },
    { name: 'lead-3', summarize: async (r) => ({ points: splitSentences(r.article).slice(0, 3).map((s) => s.text) }) },
  ];
  // Warm up wink and the JIT on real articles so the first file's timings are not start-up.
  const warmUp = files.length > 0 ? readRecords(join(folder, files[0]!)).slice(0, 20) : [];
  for (const run of runs) for (const record of warmUp) await run.summarize(record);
  for (const file of files) {
    const records = readRecords(join(folder, file));
    const results = new Map<string, Row[]>();
    for (const run of runs) results.set(run.name, await evaluate(run, records));
    console.log(`\n${file} (${records.length} articles)`);
    console.log(`${'summary'.padEnd(8)}     R1     R2  RLsum   words/pt pts/art verbatim trimmed  median ms (wall, cpu)`);
    const outlets = [...new Set(records.map((r) => outletOf(r.id)))].sort();
    for (const outlet of ['all', ...(outlets.length > 1 ? outlets : [])]) {
      if (outlet !== 'all') console.log(`  ${outlet} (${records.filter((r) => outletOf(r.id) === outlet).length})`);
      for (const run of runs) {
        const rows = results.get(run.name)!.filter((r) => outlet === 'all' || r.outlet === outlet);
        console.log(line(run.name, rows));
      }
    }
    const v2Rows = results.get('v2')!;
    const leadRows = results.get('lead-3')!;
    const margin = (key: 'r1' | 'r2' | 'rl'): string => {
      const d = 100 * (mean(v2Rows.map((r) => r[key])) - mean(leadRows.map((r) => r[key])));
      return `${d >= 0 ? '+' : ''}${d.toFixed(2)}`;
    };
    const [low, high] = pairedBootstrap(v2Rows.map((r, i) => 100 * (r.r1 - leadRows[i]!.r1)));
    console.log(`v2 minus Lead-3: R1 ${margin('r1')} (95 % paired-bootstrap interval ${low.toFixed(2)} to ${high.toFixed(2)}), R2 ${margin('r2')}, RLsum ${margin('rl')}`);
    const spun = v2Rows.filter((r) => r.warnings.includes(SPIN_WARNING)).length;
    const foreign = v2Rows.filter((r) => r.language !== undefined && r.language !== 'en').length;
    console.log(`integrity on these normal articles: ${spun} flagged as machine-paraphrased, ${foreign} detected as not English`);
  }
}

await main();

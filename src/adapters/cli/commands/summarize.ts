/**
 * `newsbrief summarize --jsonl`: batch summaries, one output line per input line, in order,
 * in one process (for evaluation and batch use).
 */
import readline from 'node:readline';
import type { CliCommand } from '../command.js';
import { UsageError } from '../args.js';
import { parseSummarizerFlag } from './brief.js';
import type { Article } from '../../../core/model.js';
import { summarizePoints } from '../../../core/summarize/index.js';

type Line = { id: unknown; error: string } | { id: unknown; points: string[] };

/**
 * "summarized 100 lines: median 3.9 ms, p95 12.1 ms per line (CPU: median 3.8 ms, p95 11.0 ms)"; lines
 * that failed are not timed. CPU time is what the work cost when other processes share the machine.
 */
function describeTimings(times: number[], cpuTimes: number[]): string {
  if (times.length === 0) return 'summarized 0 lines';
  const at = (values: number[], q: number): string => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  };
  return `summarized ${times.length} lines: median ${at(times, 0.5)} ms, p95 ${at(times, 0.95)} ms per line (CPU: median ${at(cpuTimes, 0.5)} ms, p95 ${at(cpuTimes, 0.95)} ms)`;
}

export const summarizeCommand: CliCommand = {
  name: 'summarize',
  summary: 'summarize JSON lines {"id","title"?,"text"} from standard input',
  usage: `Usage: newsbrief summarize --jsonl [--summarizer extractive|llm] [--timings]

Reads lines {"id", "title"?, "text"} on standard input and writes exactly one line per input line, in order:
{"id", "points": [...]} or {"id", "error"} for a bad or empty line (the run goes on).
--timings: at the end, print to standard error how many lines were summarized and the median and 95th
percentile milliseconds per line, wall clock and CPU.`,
  options: { jsonl: { type: 'boolean' }, summarizer: { type: 'string' }, timings: { type: 'boolean' } },
  async run({ values, positionals }, ctx) {
    if (!values.jsonl) throw new UsageError('summarize: --jsonl is required (the only input format)');
    if (positionals.length) throw new UsageError(`summarize: unexpected argument "${positionals[0]}"`);
    const name = parseSummarizerFlag(values.summarizer, 'summarize');
    // The default path needs only the extractive points: no configuration, store or network
    // modules are loaded, so a batch starts fast.
    const summarizer = name ? (await ctx.app()).summarizer(name) : undefined;
    const lines = readline.createInterface({ input: ctx.stdin, crlfDelay: Infinity });
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for await (const raw of lines) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const line = await summarizeLine(raw);
      if ('points' in line) {
        times.push(performance.now() - start);
        const cpu = process.cpuUsage(cpuStart);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
      ctx.stdout.write(`${JSON.stringify(line)}\n`);
    }
    if (values.timings) ctx.stderr.write(`${describeTimings(times, cpuTimes)}\n`);
    return 0;

    async function summarizeLine(raw: string): Promise<Line> {
      if (raw.trim() === '') return { id: null, error: 'empty line' };
      let record: { id?: unknown; title?: unknown; text?: unknown; article?: unknown };
      try {
        record = JSON.parse(raw);
      } catch {
        return { id: null, error: 'not valid JSON' };
      }
      const id = record?.id ?? null;
      const text = typeof record?.text === 'string' ? record.text : typeof record?.article === 'string' ? record.article : '';
      if (!text.trim()) return { id, error: 'missing or empty "text"' };
      const article: Article = { title: typeof record.title === 'string' ? record.title : '', text };
      try {
        const points = summarizer ? (await summarizer.summarize(article)).points : summarizePoints(article).points;
        return { id, points };
      } catch (err) {
        return { id, error: (err as Error).message };
      }
    }
  },
};

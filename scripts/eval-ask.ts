/**
 * Measures `answerQuestion` on the question set in test/fixtures/questions/: the hit rate on
 * answerable questions (an expected sentence among those returned), the rate of correct
 * "the article does not say", and the median time per question.
 *
 * The threshold was calibrated on questions.jsonl; heldout-questions.jsonl (over cnndm-train
 * articles, written before the system was run on them) shows how that carries over.
 *
 * Usage: npm run eval:ask [-- --verbose] [-- --min-coverage 0.4] [-- --set heldout]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerQuestion, type AnswerOptions } from '../src/core/followup/answer.js';
import { splitSentences, type Sentence } from '../src/core/nlp/index.js';

export interface QuestionCase {
  article: string;
  question: string;
  /** Sentences that answer it, verbatim; null when the article does not say. */
  expected: string[] | null;
}

export interface AskEvaluation {
  answerable: number;
  hits: number;
  unanswerable: number;
  correctNotAnswered: number;
  medianMs: number;
  /** Median time to split an article into sentences (paid once per stored briefing). */
  medianSplitMs: number;
  misses: { question: string; article: string; got: string[] }[];
}

const FIXTURES = new URL('../test/fixtures/questions/', import.meta.url);

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

function readJsonl<T>(name: string): T[] {
  return readFileSync(new URL(name, FIXTURES), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
};

/** `questions`: the calibration set; `heldout`: questions over other articles, for an honest estimate. */
export type QuestionSet = 'questions' | 'heldout';

/** Runs every question of a set through `answerQuestion`. */
export function evaluateAsk(options: AnswerOptions = {}, set: QuestionSet = 'questions'): AskEvaluation {
  const prefix = set === 'heldout' ? 'heldout-' : '';
  const articles = new Map(readJsonl<{ id: string; text: string }>(`${prefix}articles.jsonl`).map((a) => [a.id, a.text]));
  const sentencesOf = new Map<string, Sentence[]>();
  const splitTimes: number[] = [];
  for (const [id, text] of articles) {
    const start = performance.now();
    sentencesOf.set(id, splitSentences(text));
    splitTimes.push(performance.now() - start);
  }
  const result: AskEvaluation = { answerable: 0, hits: 0, unanswerable: 0, correctNotAnswered: 0, medianMs: 0, medianSplitMs: median(splitTimes), misses: [] };
  const times: number[] = [];
  for (const c of readJsonl<QuestionCase>(`${prefix}questions.jsonl`)) {
    const sentences = sentencesOf.get(c.article);
    if (sentences === undefined) throw new Error(`questions.jsonl names an unknown article: ${c.article}`);
    const start = performance.now();
    const answer = answerQuestion(sentences, c.question, options);
    times.push(performance.now() - start);
    const got = 'answers' in answer ? answer.answers.map((a) => a.sentence) : [];
    if (c.expected === null) {
      result.unanswerable++;
      if (got.length === 0) result.correctNotAnswered++;
      else result.misses.push({ question: c.question, article: c.article, got });
      continue;
    }
    result.answerable++;
    const expected = c.expected.map(normalise);
    const hit = got.some((g) => expected.some((e) => normalise(g).includes(e) || e.includes(normalise(g))));
    if (hit) result.hits++;
    else result.misses.push({ question: c.question, article: c.article, got });
  }
  result.medianMs = median(times);
  return result;
}

function main(argv: string[]): void {
  const at = argv.indexOf('--min-coverage');
  const options: AnswerOptions = at === -1 ? {} : { minCoverage: Number(argv[at + 1]) };
  // Warm up wink and the caches so the timing is per question, not per process start.
  answerQuestion(splitSentences('Warm up. The model loads once.'), 'what loads?');
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(b, 1)).toFixed(1)} %`;
  const sets: QuestionSet[] = argv.includes('--set') ? [argv[argv.indexOf('--set') + 1] as QuestionSet] : ['questions', 'heldout'];
  for (const set of sets) report(set, evaluateAsk(options, set), pct, argv.includes('--verbose'));
}

function report(set: QuestionSet, r: AskEvaluation, pct: (a: number, b: number) => string, verbose: boolean): void {
  console.log(set === 'heldout' ? '\nheld-out set (heldout-questions.jsonl):' : 'question set (questions.jsonl, used for calibration):');
  console.log(`answerable questions:   ${r.hits}/${r.answerable} hits (${pct(r.hits, r.answerable)})`);
  console.log(`unanswerable questions: ${r.correctNotAnswered}/${r.unanswerable} "does not say" (${pct(r.correctNotAnswered, r.unanswerable)})`);
  console.log(`median time per question: ${r.medianMs.toFixed(2)} ms (median sentence split per article: ${r.medianSplitMs.toFixed(1)} ms)`);
  if (verbose) {
    for (const m of r.misses) console.log(`MISS [${m.article}] ${m.question}\n   → ${m.got.length === 0 ? '(does not say)' : m.got.map((g) => g.slice(0, 110)).join('\n   → ')}`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));

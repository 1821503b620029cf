/**
 * Candidate points: source sentences, tightened, that fit the Briefing contract (one sentence of 5 to
 * 40 words), offered best-scored first.
 */
import type { Sentence } from '../../nlp/sentences.js';
import { contentTerms } from './features.js';
import { isBoilerplate, stripLeadIn, tightenSentence } from './tighten.js';

/** Longest point, in words (the Briefing contract). */
export const MAX_POINT_WORDS = 40;
/** Shorter sentences rarely carry a fact on their own. */
const MIN_POINT_WORDS = 5;

export interface Candidate {
  /** Index of the source sentence (the point's evidence). */
  index: number;
  /** The point as it would be shown. */
  text: string;
  score: number;
  /** Content terms, for redundancy checks. */
  terms: Set<string>;
}

/** Counts words (runs of letters or digits). */
export function words(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Share of the smaller term set found in the other: 1 means one point repeats the other. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

function isEligible(text: string): boolean {
  const n = words(text);
  return n >= MIN_POINT_WORDS && n <= MAX_POINT_WORDS && !/:\s*$/.test(text);
}

/** A sentence that is mostly a direct quotation: the briefing has a quote slot for those. */
function isDirectQuote(text: string): boolean {
  return /^\s*["“‘']/.test(text) || /\bquoted as saying\b/.test(text);
}

/**
 * Candidates best-scored first. Each sentence is tightened only when reached, which keeps the
 * summarize path inside its time budget.
 * @param version - 1 only strips datelines and keeps quotations; 2 tightens and leaves quotations out
 * @param only - a cheap test on the raw sentence text, applied before tightening
 * @param cutWords - v2 cuts a longer point at a clause break within this many words, where it can
 */
export function* rankedCandidates(
  sentences: Sentence[],
  scores: number[],
  version: 1 | 2,
  only: (text: string) => boolean = () => true,
  cutWords = MAX_POINT_WORDS,
): Generator<Candidate> {
  const order = sentences.map((_s, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  for (const i of order) {
    const sentence = sentences[i]!;
    if (!only(sentence.text) || isBoilerplate(sentence.text) || (version === 2 && isDirectQuote(sentence.text))) continue;
    let text = version === 2 ? tightenSentence(sentence.text) : stripLeadIn(sentence.text);
    if (version === 2 && words(text) > cutWords) text = cutAtClause(text, cutWords) ?? text;
    if (version === 2 && words(text) > MAX_POINT_WORDS) text = cutAtClause(text) ?? text;
    if (!isEligible(text)) continue;
    yield { index: i, text, score: scores[i] ?? 0, terms: new Set(contentTerms(sentence)) };
  }
}

/** A clause that cannot end a point: it leaves its subject waiting for a verb ("The chase, which took…"). */
const DANGLING_CLAUSE = /^(?:which|who|whom|whose|where|when|while|although|though|because|if|as|after|before|including|such as)\b/i;

/**
 * Cuts an over-long sentence at its last clause break within the limit, marking the cut with "…".
 * Never inside a quotation, and never right after a relative or subordinate clause.
 */
export function cutAtClause(text: string, limit = MAX_POINT_WORDS): string | undefined {
  const parts = text.split(/(?<=[,;:—–])\s+/);
  let best: string | undefined;
  let out = '';
  for (const part of parts) {
    out = out === '' ? part : `${out} ${part}`;
    if (words(out) > limit) break;
    const quotes = (out.match(/["“”]/g) ?? []).length;
    if (words(out) >= 8 && quotes % 2 === 0 && !DANGLING_CLAUSE.test(part) && out !== text) best = out;
  }
  return best === undefined ? undefined : `${best.replace(/[,;:—–]\s*$/, '')}…`;
}

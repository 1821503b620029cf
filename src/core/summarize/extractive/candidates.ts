/**
 * Candidate points: source sentences, tightened, that fit the Briefing contract (one sentence of 5 to
 * 40 words), offered best-scored first.
 */
import type { Sentence } from '../../nlp/sentences.js';
import { isFiniteVerb, wordTags, wordsOf, type WordTags } from '../../nlp/word-tags.js';
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
  return n >= MIN_POINT_WORDS && n <= MAX_POINT_WORDS && !/:\s*\.?\s*$/.test(text);
}

/** A question ("Is America a nation divided?") states no fact; an op-ed's rhetorical ones read badly as points. */
function isQuestion(text: string): boolean {
  return /\?["”’']?\s*$/.test(text);
}

/** A sentence that is mostly a direct quotation: the briefing has a quote slot for those. */
function isDirectQuote(text: string): boolean {
  return /^\s*["“‘']/.test(text) || /\bquoted as saying\b/.test(text);
}

/**
 * Candidates best-scored first. Each sentence is tightened only when reached, which keeps the
 * summarize path inside its time budget.
 * @param version - 1 only strips datelines and keeps quotations; 2 tightens and leaves quotations and questions out
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
    if (!only(sentence.text) || isBoilerplate(sentence.text) || (version === 2 && (isDirectQuote(sentence.text) || isQuestion(sentence.text)))) continue;
    const text = version === 2 ? tightenedPoint(sentence, cutWords) : stripLeadIn(sentence.text);
    if (!isEligible(text)) continue;
    yield { index: i, text, score: scores[i] ?? 0, terms: new Set(contentTerms(sentence)) };
  }
}

/** Tightened points by sentence and cut limit: points and fact points read the same sentences. */
const tightenedCache = new WeakMap<Sentence, Map<number, string>>();

/** A sentence as a v2 point: tightened, and cut at a clause break when longer than `cutWords`. */
function tightenedPoint(sentence: Sentence, cutWords: number): string {
  let byLimit = tightenedCache.get(sentence);
  if (byLimit === undefined) {
    byLimit = new Map();
    tightenedCache.set(sentence, byLimit);
  }
  let text = byLimit.get(cutWords);
  if (text === undefined) {
    text = tightenSentence(sentence.text);
    if (words(text) > cutWords) text = cutAtClause(text, cutWords, wordTags(sentence)) ?? text;
    if (words(text) > MAX_POINT_WORDS) text = cutAtClause(text, MAX_POINT_WORDS, wordTags(sentence)) ?? text;
    byLimit.set(cutWords, text);
  }
  return text;
}

/** A clause that cannot end a point: it leaves its subject waiting for a verb ("The chase, which took…"). */
const DANGLING_CLAUSE = /^(?:which|who|whom|whose|where|when|while|although|though|because|if|as|after|before|including|such as)\b/i;


/** An opening phrase before the subject ("In 2014,", "On Monday,", "However,"). */
const INTRODUCTORY = new Set(['ADP', 'ADV', 'SCONJ']);
/** A point must not end waiting for its object or noun ("have enjoyed…", "the…", "of…"). */
const CANNOT_END = new Set(['VERB', 'AUX', 'ADP', 'DET', 'CCONJ', 'SCONJ', 'PART']);

/**
 * Whether the first `kept` parts hold a main clause with a finite verb and do not end mid-phrase: the
 * first part after any opening phrases has a verb that is not an -ing form, or (the subject carries an
 * aside: "The plane, the first to …, has landed") a later kept part starts with an auxiliary.
 * Conservative on purpose: a sentence left whole is only longer, a bad cut reads wrong.
 */
function keepsMainVerb(parts: string[], kept: number, tags: WordTags): boolean {
  const isFinite = (w: string): boolean => isFiniteVerb(w, tags);
  const last = wordsOf(parts[kept - 1]!).at(-1) ?? '';
  if (CANNOT_END.has(tags.get(last) ?? '')) return false;
  let main = 0;
  while (main < kept && INTRODUCTORY.has(tags.get(wordsOf(parts[main]!)[0] ?? '') ?? '')) main += 1;
  if (main >= kept) return false;
  if (wordsOf(parts[main]!).some(isFinite)) return true;
  return parts.slice(main + 1, kept).some((part) => tags.get(wordsOf(part)[0] ?? '') === 'AUX');
}

/** Words that open a clause needing its own verb ("… when Leishman", "… because the club"). */
const SUBORDINATORS = new Set(['when', 'because', 'after', 'before', 'if', 'while', 'although', 'though', 'since', 'until', 'unless', 'whether', 'where', 'as', 'that', 'who', 'which']);
/** Conjunctions that, opening a part after a comma, start a clause that needs its own verb. */
const COORDINATORS = new Set(['and', 'but', 'or', 'yet']);
/** Words that open a list running over commas ("players like Aguero, Silva, …"). */
const LIST_OPENERS = new Set(['like', 'including', 'include', 'includes', 'such']);

/**
 * Whether cutting after the first `kept` parts leaves a clause or a list unfinished: the last kept part
 * opens a subordinate clause that has no finite verb yet ("… on a sombre note when Australian Marc
 * Leishman…") or a list that the next part continues ("… star players like Sergio Aguero, David Silva…").
 * Such a cut drops what the sentence says about its subject, so it would change the meaning.
 */
function leavesUnfinished(parts: string[], kept: number, tags: WordTags): boolean {
  const isFinite = (w: string): boolean => isFiniteVerb(w, tags);
  const isName = (w: string | undefined): boolean => w !== undefined && tags.get(w) === 'PROPN';
  const keptWords = parts.slice(0, kept).flatMap(wordsOf);
  // A part opening with "and"/"but" after a comma starts a new clause too ("…, and suspect David Gaver, 28").
  const clauseStarts = new Set<number>();
  let at = 0;
  for (const part of parts.slice(0, kept)) {
    const w = wordsOf(part);
    if (at > 0 && COORDINATORS.has(w[0] ?? '')) clauseStarts.add(at);
    at += w.length;
  }
  const opener = keptWords.findLastIndex((w, i) => SUBORDINATORS.has(w) || LIST_OPENERS.has(w) || clauseStarts.has(i));
  if (opener >= 0 && !keptWords.slice(opener + 1).some(isFinite)) return true;
  // A list or aside opened by a colon or a dash and cut before its end ("… tear us apart: immigration,
  // poverty…", "… in the past -- social services…").
  if (parts.slice(0, kept - 1).some((part) => /:\s*$/.test(part))) return true;
  const dashed = parts.slice(0, kept).join(' ').split(/\s(?:--|—|–)\s/);
  if (dashed.length % 2 === 0 && !wordsOf(dashed.at(-1)!).some(isFinite)) return true;
  // A run of names over commas ("… the likes of Drake, Justin Bieber, Kendall Jenner and …").
  const next = wordsOf(parts[kept] ?? '');
  return isName(keptWords.at(-1)) && isName(next[0]) && !next.some(isFinite);
}

/**
 * Cuts an over-long sentence at its last clause break within the limit, marking the cut with "…".
 * Never inside a quotation, never right after a relative or subordinate clause, and, given the
 * sentence's word tags, never before the main clause has its verb.
 */
export function cutAtClause(text: string, limit = MAX_POINT_WORDS, tags?: WordTags): string | undefined {
  const parts = text.split(/(?<=[,;:—–])\s+/);
  let best: string | undefined;
  let out = '';
  for (const [k, part] of parts.entries()) {
    out = out === '' ? part : `${out} ${part}`;
    if (words(out) > limit) break;
    const quotes = (out.match(/["“”]/g) ?? []).length;
    if (words(out) < 8 || quotes % 2 !== 0 || DANGLING_CLAUSE.test(part) || out === text) continue;
    if (!tags || (keepsMainVerb(parts, k + 1, tags) && !leavesUnfinished(parts, k + 1, tags))) best = out;
  }
  return best === undefined ? undefined : `${best.replace(/\s*[,;:—–]\s*$/, '')}…`;
}

/**
 * Applies the grounding check to a whole answer: keeps the points that pass, puts the
 * extractive point covering the same sentence in place of each one that fails (or drops
 * it), and removes a quote that is not word for word in the article.
 */
import type { Briefing, PointEvidence, Quote, WhatNext } from '../../model.js';
import { splitSentences, type Sentence } from '../../nlp/index.js';
import { checkPoint, checkStatement, isVerbatimQuote, type ArticleFacts } from './grounding.js';
import type { LlmAnswer } from './prompt.js';
import { normaliseText } from './text.js';

export interface GroundingContext {
  facts: ArticleFacts;
  /** The article's sentences, indexed as the extractive briefing's evidence is. */
  sentences: Sentence[];
  /** The extractive briefing of the same article: replacements and a quote come from it. */
  extractive?: Briefing;
  minPoints: number;
  maxPoints: number;
}

export type Replacement = NonNullable<Briefing['replaced']>[number];

export interface GroundedAnswer {
  points: string[];
  evidence: PointEvidence[];
  /** Model points that failed: `index` is the point's position in the model's answer. */
  replaced: Replacement[];
  /** How many of the model's points failed, out of `total`. */
  failed: number;
  total: number;
  /** Undefined when the model's title failed the check. */
  title?: string;
  quote?: Quote;
  /** The model's quote was not in the article. */
  quoteRemoved: boolean;
  whatNext: WhatNext[];
}

/** Content words (no stop words, no punctuation) as wink normalises them. */
function contentWords(sentence: Sentence): Set<string> {
  return new Set(sentence.tokens.filter((t) => !t.stop && /[\p{L}\p{N}]/u.test(t.normal)).map((t) => t.normal));
}

/** The article sentence sharing most content words with `text` (a share of text's words). */
function bestSentence(words: Set<string>, sentences: Sentence[], sentenceWords: Set<string>[]): { index: number; score: number } {
  let best = { index: -1, score: 0 };
  sentenceWords.forEach((candidate, i) => {
    let shared = 0;
    for (const w of words) if (candidate.has(w)) shared++;
    const score = words.size === 0 ? 0 : shared / words.size;
    if (score > best.score) best = { index: sentences[i]!.index, score };
  });
  return best;
}

function wordsOf(text: string): Set<string> {
  const all = new Set<string>();
  for (const s of splitSentences(text)) for (const w of contentWords(s)) all.add(w);
  return all;
}

interface Chosen {
  text: string;
  evidence: PointEvidence;
}

/** Grounds a parsed answer; the caller falls back when most points failed. */
export function groundAnswer(answer: LlmAnswer, context: GroundingContext): GroundedAnswer {
  const { facts, sentences, extractive } = context;
  const sentenceWords = sentences.map(contentWords);
  const extractivePoints = extractive?.points ?? [];
  const extractiveEvidence = extractive?.evidence ?? [];
  const usedExtractive = new Set<number>();
  const chosen: Chosen[] = [];
  const replaced: Replacement[] = [];
  const modelPoints = answer.points.slice(0, context.maxPoints);
  let failed = 0;

  modelPoints.forEach((point, index) => {
    const best = bestSentence(wordsOf(point), sentences, sentenceWords);
    const issues = checkPoint(point, facts);
    if (issues.length === 0) {
      chosen.push({ text: point, evidence: { sentences: best.index >= 0 ? [best.index] : [] } });
      return;
    }
    failed++;
    const reason = issues.map((i) => i.detail).join('; ');
    // The extractive point built on the same source sentence says what the model meant to say.
    const k = extractiveEvidence.findIndex((e, i) => !usedExtractive.has(i) && e.sentences.includes(best.index));
    if (k >= 0 && extractivePoints[k] !== undefined) {
      usedExtractive.add(k);
      chosen.push({ text: extractivePoints[k]!, evidence: extractiveEvidence[k]! });
      replaced.push({ index, reason: `replaced: ${reason}`, original: point });
    } else {
      replaced.push({ index, reason: `dropped: ${reason}`, original: point });
    }
  });

  // Too few points left: top up with extractive points on sentences not yet covered.
  const covered = new Set(chosen.flatMap((c) => c.evidence.sentences));
  for (let k = 0; k < extractivePoints.length && chosen.length < context.minPoints; k++) {
    const evidence = extractiveEvidence[k] ?? { sentences: [] };
    if (usedExtractive.has(k) || evidence.sentences.some((s) => covered.has(s))) continue;
    usedExtractive.add(k);
    chosen.push({ text: extractivePoints[k]!, evidence });
  }

  const quote = groundQuote(answer.quote, context);
  const grounded: GroundedAnswer = {
    points: chosen.map((c) => c.text),
    evidence: chosen.map((c) => c.evidence),
    replaced,
    failed,
    total: modelPoints.length,
    quoteRemoved: Boolean(answer.quote) && quote === undefined,
    whatNext: groundWhatNext(answer.whatNext, context, sentenceWords),
  };
  if (checkStatement(answer.title, facts).length === 0) grounded.title = answer.title;
  const shownQuote = quote ?? extractive?.quote;
  if (shownQuote) grounded.quote = shownQuote;
  return grounded;
}

function groundQuote(quote: LlmAnswer['quote'], { facts, sentences }: GroundingContext): Quote | undefined {
  if (!quote || !isVerbatimQuote(quote.text, facts)) return undefined;
  const speaker = quote.speaker?.trim();
  // A real quote pinned on an invented speaker is still a false claim: drop it whole.
  if (speaker && checkStatement(speaker, facts).length > 0) return undefined;
  const text = normaliseText(quote.text).replace(/^["']+|["']+$/g, '').trim();
  const sentence = sentences.find((s) => normaliseText(s.text).includes(text.replace(/[.,;:]+$/, '')));
  return {
    text,
    ...(speaker ? { speaker } : {}),
    ...(sentence ? { sentence: sentence.index } : {}),
  };
}

function groundWhatNext(
  items: { when: string; what: string }[],
  { facts, sentences, extractive }: GroundingContext,
  sentenceWords: Set<string>[],
): WhatNext[] {
  const kept = items
    .filter((item) => checkStatement(item.when, facts).length === 0 && checkStatement(item.what, facts).length === 0)
    .map((item) => {
      const best = bestSentence(wordsOf(`${item.when} ${item.what}`), sentences, sentenceWords);
      if (best.index < 0) return { ...item };
      // The extractive summarizer resolves dates ("Monday" → 2026-01-12); reuse its answer for the same sentence.
      const date = extractive?.whatNext.find((w) => w.sentence === best.index && w.date)?.date;
      return { ...item, sentence: best.index, ...(date ? { date } : {}) };
    });
  return kept.length > 0 ? kept : (extractive?.whatNext ?? []);
}

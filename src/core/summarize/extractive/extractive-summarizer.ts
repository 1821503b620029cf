/**
 * The default Summarizer: extractive and in-process (wink-nlp sentences, learned sentence scores).
 * Adds what a reader needs around the points: reading time, language and integrity warnings.
 */
import { randomUUID } from 'node:crypto';
import { NewsbriefError } from '../../errors.js';
import type { Article, Briefing, Entities, PointEvidence, Quote, WhatNext } from '../../model.js';
import { countWords, splitSentences, type Sentence } from '../../nlp/sentences.js';
import { detectLanguage } from '../../integrity/language.js';
import { detectSpin, restoreStandardTerms, SPIN_WARNING } from '../../integrity/spin.js';
import type { SummarizeOptions, Summarizer } from '../summarizer.js';
import { leadPoints } from './fallback.js';
import type { ExtractiveWeights } from './model.js';
import { summarizePoints, type FactPointsOptions } from './points.js';

/** Reading speed for `readingTime`, in words per minute. */
export const READING_WORDS_PER_MINUTE = 230;

/** What the facts extractor (entities, quotes, dates; built elsewhere) adds to a briefing. */
export interface BriefingFacts {
  quote?: Quote;
  entities: Entities;
  whatNext: WhatNext[];
}

/**
 * SEAM for the lead to wire: extracts the quote, entities and what-next from the article and the
 * sentences the points were chosen from (indexes match `evidence`).
 */
export type FactsExtractor = (article: Article, sentences: Sentence[]) => BriefingFacts;

export interface ExtractiveSummarizerOptions {
  /** 2 (default) or 1, the foundation version kept for comparison. */
  version?: 1 | 2;
  /** Scorer weights (default: the shipped weights.json). */
  weights?: ExtractiveWeights;
  /** v2's extra points for a key figure and what happens next (default on; `false` for 3-point briefings). */
  factPoints?: FactPointsOptions | false;
  /** Fills quote, entities and whatNext; without it they stay empty. */
  extractFacts?: FactsExtractor;
  /** Clock for createdAt (default: the system clock). */
  now?: () => Date;
}

const EMPTY_FACTS: BriefingFacts = { entities: { people: [], organisations: [], places: [] }, whatNext: [] };

/**
 * Standard terms in the facts we write (what-next lines, roles); quotations stay verbatim,
 * because a quote is the speaker's words, not the paraphraser's.
 */
function restoreFactTerms(facts: BriefingFacts): BriefingFacts {
  const roles = (list: Entities['people']): Entities['people'] => list.map((e) => (e.role ? { ...e, role: restoreStandardTerms(e.role) } : e));
  return {
    ...facts,
    entities: { people: roles(facts.entities.people), organisations: roles(facts.entities.organisations), places: roles(facts.entities.places) },
    whatNext: facts.whatNext.map((w) => ({ ...w, what: restoreStandardTerms(w.what) })),
  };
}

/** Minutes to read a text at {@link READING_WORDS_PER_MINUTE}, at least 1. */
export function readingTimeMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / READING_WORDS_PER_MINUTE));
}

/**
 * Creates the extractive summarizer.
 * @example
 * const summarizer = createExtractiveSummarizer();
 * const briefing = await summarizer.summarize(article);
 */
export function createExtractiveSummarizer(options: ExtractiveSummarizerOptions = {}): Summarizer {
  const clock = options.now ?? (() => new Date());
  return {
    name: 'extractive',
    async summarize(article: Article, summarizeOptions: SummarizeOptions = {}): Promise<Briefing> {
      if (countWords(article.text) === 0) {
        throw new NewsbriefError('EXTRACT_EMPTY', 'The article has no text to summarize. Check the link, or paste the article text.');
      }
      const language = detectLanguage(article.text, article.language);
      const warnings: string[] = [];
      let points: string[];
      let evidence: PointEvidence[] | undefined;
      let facts = EMPTY_FACTS;
      let title = article.title;
      if (!language.isEnglish) {
        // No sentence model for this language: the lead sentences, unscored, and a plain warning.
        warnings.push(`This article is in ${language.name}; newsbrief's summaries are tuned for English.`);
        points = leadPoints(article.text, summarizeOptions.minPoints ?? 3);
      } else {
        const sentences = splitSentences(article.text);
        const chosen = summarizePoints(article, {
          version: options.version ?? 2,
          sentences,
          ...(options.weights ? { weights: options.weights } : {}),
          ...(options.factPoints !== undefined ? { factPoints: options.factPoints } : {}),
          ...(summarizeOptions.maxPoints !== undefined ? { maxPoints: summarizeOptions.maxPoints } : {}),
          ...(summarizeOptions.minPoints !== undefined ? { minPoints: summarizeOptions.minPoints } : {}),
        });
        points = chosen.points;
        evidence = chosen.evidence;
        const spin = detectSpin(article.text);
        if (spin.spun) {
          warnings.push(SPIN_WARNING);
          // Standard terms in what we write (points, title); the source text and evidence stay as published.
          points = points.map(restoreStandardTerms);
          title = restoreStandardTerms(title);
        }
        facts = options.extractFacts?.(article, sentences) ?? EMPTY_FACTS;
        if (spin.spun) facts = restoreFactTerms(facts);
      }
      if (points.length === 0) {
        throw new NewsbriefError('SUMMARIZE_FAILED', 'Could not find a sentence to summarize in this article. Try pasting the article text.');
      }
      return {
        id: summarizeOptions.id ?? randomUUID(),
        title,
        points,
        ...(evidence ? { evidence } : {}),
        ...(facts.quote ? { quote: facts.quote } : {}),
        entities: facts.entities,
        whatNext: facts.whatNext,
        source: { url: article.url, siteName: article.siteName, byline: article.byline, publishedAt: article.publishedAt },
        warnings,
        readingTime: readingTimeMinutes(article.text),
        language: language.code,
        summarizer: 'extractive',
        createdAt: (summarizeOptions.now ?? clock()).toISOString(),
      };
    },
  };
}

/**
 * The facts of a briefing, all taken from the article itself: its quotations and who said them,
 * the people, organisations and places it names, and what it says happens next.
 */
import type { Article, Entities, Quote, WhatNext } from '../model.js';
import { extractWhatNext } from './dates.js';
import { extractEntities } from './entities.js';
import { extractQuotes, pickQuote } from './quotes.js';
import type { Sentence } from './sentences.js';

export interface Facts {
  /** The most newsworthy quotation. */
  quote?: Quote;
  /** Every direct quotation, in reading order. */
  quotes: Quote[];
  entities: Entities;
  /** Scheduled events, in date order. */
  whatNext: WhatNext[];
}

export interface FactsOptions {
  /** Resolves weekdays when the article has no publication date (e.g. when it was fetched). */
  now?: Date;
}

/**
 * Extracts quotes, entities and scheduled events from an article.
 * @param article - the article (its `publishedAt` anchors relative dates)
 * @param sentences - `splitSentences(article.text)`
 * @param options - `now` stands in for a missing publication date
 * @example
 * const facts = extractFacts(article, splitSentences(article.text));
 * facts.entities.people[0]; // { name: 'Sergei Ryabkov', role: 'Deputy Foreign Minister, …', mentions: 4 }
 */
export function extractFacts(article: Article, sentences: Sentence[], options: FactsOptions = {}): Facts {
  const { entities, mentions } = extractEntities(sentences);
  const quotes = extractQuotes(sentences, mentions);
  const quote = pickQuote(quotes, sentences.length);
  const reference = article.publishedAt ?? options.now?.toISOString();
  const whatNext = extractWhatNext(sentences, reference);
  return quote === undefined ? { quotes, entities, whatNext } : { quote, quotes, entities, whatNext };
}

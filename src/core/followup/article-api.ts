/**
 * One-call entry points for callers holding an Article rather than a stored briefing
 * (the CLI's `newsbrief ask <url|file> "<question>"`, `quotes`, `who`).
 */
import type { Article } from '../model.js';
import { extractFacts, type Facts } from '../nlp/facts.js';
import { splitSentences } from '../nlp/sentences.js';
import { answerQuestion, type AnswerOptions, type AnswerResult } from './answer.js';

/**
 * Answers a question from an article's own sentences.
 * @example answerFromArticle(article, 'where will the talks be held?')
 */
export function answerFromArticle(article: Article, question: string, options?: AnswerOptions): AnswerResult {
  return answerQuestion(splitSentences(article.text), question, options);
}

/** Quotes, entities and scheduled events of an article; `now` stands in for a missing publication date. */
export function factsOfArticle(article: Article, now?: Date): Facts {
  return extractFacts(article, splitSentences(article.text), now === undefined ? {} : { now });
}

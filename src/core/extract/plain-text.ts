/**
 * Pasted text or a .txt file → Article. Short lines at the top are a header: the headline
 * (the longest of them) becomes the title, a first line above it the site name, a "By …" line
 * the byline; reading-time and tagline lines are dropped. Paragraphs are kept: one per line
 * when lines end sentences, hard-wrapped lines are joined.
 */
import { NewsbriefError } from '../errors.js';
import type { Article } from '../model.js';
import { collapseSpace } from './html-to-text.js';
import { detectLanguage } from './language.js';
import { countWords } from './words.js';

export interface TextArticleOptions {
  url?: string;
  /** Use this title instead of reading one from the text. */
  title?: string;
}

/** A header line is short; a body line is a sentence or more. */
const MAX_HEADER_WORDS = 20;
const MAX_HEADER_LINES = 6;
const MIN_TEXT_WORDS = 15;
const MAX_DERIVED_TITLE_CHARS = 100;
const READING_TIME_RE = /^(?:\d+\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|reading(?: time)?)|reading time:?\s*\d+\s*min(?:ute)?s?)$/i;
const BYLINE_RE = /^by\s+(.{2,80})$/i;
const SENTENCE_END_RE = /[.!?…:"”’»)\]]$/;


/** "U.S." or "Inc." at the end of a headline is not the end of a sentence. */
const ABBREVIATION_END_RE = /(?:\b(?:\p{Lu}\.){2,}|\b\p{Lu}\p{Ll}{0,3}\.)$/u;

function isHeaderLine(line: string): boolean {
  return countWords(line) <= MAX_HEADER_WORDS && (!/[.!?]["”’]?$/.test(line) || ABBREVIATION_END_RE.test(line));
}

/** Splits body text into paragraphs (see file comment). */
function paragraphsOf(body: string): string[] {
  const paragraphs: string[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => collapseSpace(l)).filter(Boolean);
    if (lines.length === 0) continue;
    const ending = lines.filter((l) => SENTENCE_END_RE.test(l)).length;
    // Lines that mostly end sentences are paragraphs; otherwise the text was hard-wrapped.
    if (lines.length > 1 && ending >= lines.length * 0.6) paragraphs.push(...lines);
    else paragraphs.push(lines.join(' '));
  }
  return paragraphs;
}

/** A wire dateline opening the text: "(CNN)", "LONDON (Reuters) -", "WASHINGTON, D.C. (AP) —". */
const OPENING_DATELINE = /^\s*(?:[A-Z][A-Za-z.'’-]*(?:,? [A-Z][A-Za-z.'’-]*){0,3}\s*)?\([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,3}\)\s*(?:--|—|–|-|:)?\s*/;

function deriveTitle(text: string): string {
  const first = /^.*?[.!?](?=\s|$)/.exec(text.replace(OPENING_DATELINE, ''))?.[0] ?? text;
  if (first.length <= MAX_DERIVED_TITLE_CHARS) return first;
  const cut = first.slice(0, MAX_DERIVED_TITLE_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/**
 * Turns plain text into an Article.
 * @throws NewsbriefError EXTRACT_EMPTY when there are too few words to brief.
 */
export function articleFromText(input: string, options: TextArticleOptions = {}): Article {
  const lines = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const header: string[] = [];
  let bodyStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = collapseSpace(lines[i] ?? '');
    if (line === '') continue;
    if (header.length >= MAX_HEADER_LINES || !isHeaderLine(line)) break;
    const next = collapseSpace(lines[i + 1] ?? '');
    if (next !== '') {
      // A title may sit directly above the body; short lines running on are hard-wrapped body text.
      if (header.length > 0 || isHeaderLine(next)) break;
      header.push(line);
      bodyStart = i + 1;
      break;
    }
    header.push(line);
    bodyStart = i + 1;
  }

  let byline: string | undefined;
  const titleCandidates: string[] = [];
  for (const line of header) {
    const by = BYLINE_RE.exec(line);
    if (by) byline = by[1];
    else if (!READING_TIME_RE.test(line)) titleCandidates.push(line);
  }
  const body = lines.slice(bodyStart).join('\n');
  const paragraphs = paragraphsOf(body);
  const text = paragraphs.join('\n\n');
  if (countWords(text) < MIN_TEXT_WORDS) {
    throw new NewsbriefError('EXTRACT_EMPTY', 'no article found in this text; paste the whole article');
  }

  // The headline is the longest header line; a line above it is the outlet's name.
  const headline = titleCandidates.reduce<string | undefined>((best, l) => (!best || l.length > best.length ? l : best), undefined);
  const headlineIndex = headline ? titleCandidates.indexOf(headline) : -1;
  const siteName = headlineIndex > 0 ? titleCandidates[0] : undefined;

  const article: Article = { title: options.title ?? headline ?? deriveTitle(paragraphs[0] ?? ''), text };
  if (options.url) article.url = options.url;
  if (siteName) article.siteName = siteName;
  if (byline) article.byline = byline;
  const language = detectLanguage(text);
  if (language) article.language = language;
  return article;
}

/**
 * Is what Readability found an article? Prose makes one; so does a long list or table that is
 * not mostly links. A home page's headline list, a login form or a cookie wall is not, and a
 * page with paywall markup or wording and no article is a paywall stub.
 */
import { NewsbriefError } from '../errors.js';
import { detectPaywall } from './paywall.js';
import { countWords } from './words.js';

/** Fewer prose words than this is not an article (the benchmark's shortest body has 66). */
export const MIN_ARTICLE_WORDS = 50;
/** A prose paragraph is a sentence or more. */
const MIN_PROSE_BLOCK_WORDS = 8;
const SENTENCE_END_RE = /[.!?。！？…"”’»)]$/;
const MIN_LIST_ARTICLE_WORDS = 150;
const MAX_LINK_DENSITY = 0.5;

/** The content root, enough to measure its links. */
export interface LinkRoot {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

/** Share of the text that is link text. */
function linkDensity(root: LinkRoot, text: string): number {
  const links = root.querySelectorAll('a');
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += links[i]?.textContent?.replace(/\s+/g, ' ').length ?? 0;
  return text.length === 0 ? 1 : linked / text.length;
}

/** Words in paragraphs that read as prose. */
function proseWords(blocks: string[]): number {
  let total = 0;
  for (const b of blocks) {
    const n = countWords(b);
    if (n >= MIN_PROSE_BLOCK_WORDS && SENTENCE_END_RE.test(b)) total += n;
  }
  return total;
}

export interface ArticleCandidate {
  blocks: string[];
  /** Readability's content element, if it found one. */
  content: LinkRoot | null;
  /** The page says so in JSON-LD (`isAccessibleForFree: false`). */
  markedPaywalled: boolean;
  /** The stripped page source, searched for paywall markup and wording only when needed. */
  source: string;
}

/**
 * Throws unless the candidate is an article.
 * @throws NewsbriefError PAYWALLED for a paywall stub, EXTRACT_EMPTY for anything else.
 */
export function assertArticle(candidate: ArticleCandidate): void {
  const text = candidate.blocks.join('\n\n');
  const words = countWords(text);
  const isArticle =
    proseWords(candidate.blocks) >= MIN_ARTICLE_WORDS ||
    (words >= MIN_LIST_ARTICLE_WORDS && candidate.content !== null && linkDensity(candidate.content, text) < MAX_LINK_DENSITY);
  if (isArticle) return;
  // Paywall signals only explain a missing article: publishers mark free-to-read-in-full pages
  // `isAccessibleForFree: false` too, and paywall wording sits in templates on free pages.
  if (candidate.markedPaywalled || detectPaywall(candidate.source)) {
    throw new NewsbriefError('PAYWALLED', 'this page looks paywalled');
  }
  throw new NewsbriefError('EXTRACT_EMPTY', 'no article found on this page');
}

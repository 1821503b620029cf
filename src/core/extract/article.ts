/**
 * HTML page → Article: Mozilla Readability on linkedom finds the main content, with our
 * furniture rules around it, block-by-block text, and metadata from JSON-LD/Open Graph/meta.
 * Pages without an article (home pages, login and cookie walls, paywall stubs) are refused.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { NewsbriefError } from '../errors.js';
import type { Article } from '../model.js';
import { dropFurnitureBlocks, removeFurniture } from './boilerplate.js';
import { htmlToBlocks, type TextNodeLike } from './html-to-text.js';
import { detectLanguage } from './language.js';
import { readMetadata, tidyByline, tidySiteName, tidyTitle } from './metadata.js';
import { detectPaywall } from './paywall.js';
import { isTooComplex, stripHtml } from './strip-html.js';
import { countWords } from './words.js';

/** Fewer words than this is not an article (the benchmark's shortest body has 66). */
export const MIN_ARTICLE_WORDS = 50;

export interface ExtractOptions {
  /** The page's URL: resolves relative links and becomes `Article.url`. */
  url?: string;
}


/** A prose paragraph is a sentence or more; headline lists and menus have none. */
const MIN_PROSE_BLOCK_WORDS = 8;
const SENTENCE_END_RE = /[.!?。！？…"”’»)]$/;

const MIN_LIST_ARTICLE_WORDS = 150;
const MAX_LINK_DENSITY = 0.5;

interface LinkRoot {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

/** Share of the text that is link text. */
function linkDensity(root: LinkRoot, text: string): number {
  const links = root.querySelectorAll('a');
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += links[i]?.textContent?.replace(/\s+/g, ' ').length ?? 0;
  return text.length === 0 ? 1 : linked / text.length;
}

/** Words in paragraphs that read as prose (a home page's headline list has none). */
function proseWords(blocks: string[]): number {
  let total = 0;
  for (const b of blocks) {
    const n = countWords(b);
    if (n >= MIN_PROSE_BLOCK_WORDS && SENTENCE_END_RE.test(b)) total += n;
  }
  return total;
}

/**
 * Extracts the article from an HTML page.
 * @throws NewsbriefError EXTRACT_EMPTY when the page has no article, PAYWALLED for a paywall stub.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): Article {
  const { html: stripped, jsonLd } = stripHtml(html);
  if (isTooComplex(stripped)) {
    throw new NewsbriefError('EXTRACT_EMPTY', 'this page is too large or too deeply nested to read');
  }
  // linkedom builds no <body> for a fragment or an empty string; Readability needs one.
  const { document } = parseHTML(/<html[\s>]/i.test(stripped) ? stripped : `<!DOCTYPE html><html><body>${stripped}</body></html>`);
  const meta = readMetadata(document as unknown as Parameters<typeof readMetadata>[0], jsonLd, options.url);
  removeFurniture(document as unknown as Parameters<typeof removeFurniture>[0]);

  const parsed = new Readability<TextNodeLike>(document as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (node) => node as unknown as TextNodeLike,
    disableJSONLD: true,
    charThreshold: 250,
  }).parse();
  const title = meta.title ?? parsed?.title ?? '';
  const blocks = parsed?.content ? dropFurnitureBlocks(htmlToBlocks(parsed.content), title) : [];
  const text = blocks.join('\n\n');
  // Prose makes an article; so does a long list or table that is not a list of links (a home page).
  const isArticle =
    proseWords(blocks) >= MIN_ARTICLE_WORDS ||
    (countWords(text) >= MIN_LIST_ARTICLE_WORDS && parsed?.content !== undefined && parsed.content !== null && linkDensity(parsed.content as unknown as LinkRoot, text) < MAX_LINK_DENSITY);
  if (!isArticle) {
    if (meta.paywalled === true || detectPaywall(stripped)) throw new NewsbriefError('PAYWALLED', 'this page looks paywalled');
    throw new NewsbriefError('EXTRACT_EMPTY', 'no article found on this page');
  }

  const article: Article = { title: title || blocks[0]?.slice(0, 120) || 'Untitled', text };
  if (options.url) article.url = options.url;
  if (meta.canonicalUrl && meta.canonicalUrl !== options.url) article.canonicalUrl = meta.canonicalUrl;
  const byline = meta.byline ?? tidyByline(parsed?.byline ?? undefined);
  if (byline) article.byline = byline;
  const siteName = meta.siteName ?? tidySiteName(parsed?.siteName ?? undefined);
  if (siteName) article.siteName = siteName;
  article.title = tidyTitle(article.title, siteName);
  if (meta.publishedAt) article.publishedAt = meta.publishedAt;
  const language = meta.language ?? detectLanguage(text);
  if (language) article.language = language;
  return article;
}

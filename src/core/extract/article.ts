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
import { htmlToText, type TextNodeLike } from './html-to-text.js';
import { detectLanguage } from './language.js';
import { readMetadata } from './metadata.js';
import { detectPaywall } from './paywall.js';
import { stripHtml } from './strip-html.js';

/** Fewer words than this is not an article (the benchmark's shortest body has 66). */
export const MIN_ARTICLE_WORDS = 50;

export interface ExtractOptions {
  /** The page's URL: resolves relative links and becomes `Article.url`. */
  url?: string;
}

const countWords = (s: string): number => s.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;

/**
 * Extracts the article from an HTML page.
 * @throws NewsbriefError EXTRACT_EMPTY when the page has no article, PAYWALLED for a paywall stub.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): Article {
  const { html: stripped, jsonLd } = stripHtml(html);
  const { document } = parseHTML(stripped);
  const meta = readMetadata(document as unknown as Parameters<typeof readMetadata>[0], jsonLd, options.url);
  removeFurniture(document as unknown as Parameters<typeof removeFurniture>[0]);

  const parsed = new Readability<TextNodeLike>(document as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (node) => node as unknown as TextNodeLike,
    disableJSONLD: true,
  }).parse();
  const title = meta.title ?? parsed?.title ?? '';
  const blocks = parsed?.content ? dropFurnitureBlocks(htmlToText(parsed.content).split('\n\n'), title) : [];
  const text = blocks.join('\n\n');
  const words = countWords(text);

  if (words < MIN_ARTICLE_WORDS) {
    if (meta.paywalled === true || detectPaywall(stripped)) throw new NewsbriefError('PAYWALLED', 'this page looks paywalled');
    throw new NewsbriefError('EXTRACT_EMPTY', 'no article found on this page');
  }

  const article: Article = { title: title || blocks[0]?.slice(0, 120) || 'Untitled', text };
  if (options.url) article.url = options.url;
  if (meta.canonicalUrl && meta.canonicalUrl !== options.url) article.canonicalUrl = meta.canonicalUrl;
  const byline = meta.byline ?? parsed?.byline ?? undefined;
  if (byline) article.byline = byline;
  const siteName = meta.siteName ?? parsed?.siteName ?? undefined;
  if (siteName) article.siteName = siteName;
  if (meta.publishedAt) article.publishedAt = meta.publishedAt;
  const language = meta.language ?? detectLanguage(text);
  if (language) article.language = language;
  return article;
}

/**
 * HTML page → Article: Mozilla Readability on linkedom finds the main content, with our
 * furniture rules around it, block-by-block text, and metadata from JSON-LD/Open Graph/meta.
 * Pages without an article (home pages, login and cookie walls, paywall stubs) are refused.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { NewsbriefError } from '../errors.js';
import type { Article } from '../model.js';
import { assertArticle, type LinkRoot } from './article-check.js';
import { focusOnMarkedArticle } from './focus.js';
import { removeFurniture } from './furniture-dom.js';
import { dropFurnitureBlocks } from './furniture-text.js';
import { htmlToBlocks, type TextNodeLike } from './html-to-text.js';
import { detectLanguage } from './language.js';
import { readMetadata, tidyByline, tidySiteName, tidyTitle } from './metadata.js';
import { isTooComplex, stripHtml } from './strip-html.js';

export { MIN_ARTICLE_WORDS } from './article-check.js';

export interface ExtractOptions {
  /** The page's URL: resolves relative links and becomes `Article.url`. */
  url?: string;
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
  focusOnMarkedArticle(document as unknown as Parameters<typeof focusOnMarkedArticle>[0]);
  removeFurniture(document as unknown as Parameters<typeof removeFurniture>[0]);

  const parsed = new Readability<TextNodeLike>(document as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (node) => node as unknown as TextNodeLike,
    disableJSONLD: true,
    charThreshold: 250,
  }).parse();
  const title = meta.title ?? parsed?.title ?? '';
  const byline = meta.byline ?? tidyByline(parsed?.byline ?? undefined);
  const facts = { title, byline, url: options.url };
  const blocks = parsed?.content ? dropFurnitureBlocks(htmlToBlocks(parsed.content), facts) : [];
  assertArticle({
    blocks,
    content: (parsed?.content ?? null) as LinkRoot | null,
    markedPaywalled: meta.paywalled === true,
    source: stripped,
  });
  const text = blocks.join('\n\n');

  const article: Article = { title: title || blocks[0]?.slice(0, 120) || 'Untitled', text };
  if (options.url) article.url = options.url;
  if (meta.canonicalUrl && meta.canonicalUrl !== options.url) article.canonicalUrl = meta.canonicalUrl;
  if (byline) article.byline = byline;
  const siteName = meta.siteName ?? tidySiteName(parsed?.siteName ?? undefined);
  if (siteName) article.siteName = siteName;
  article.title = tidyTitle(article.title, siteName);
  if (meta.publishedAt) article.publishedAt = meta.publishedAt;
  const language = meta.language ?? detectLanguage(text);
  if (language) article.language = language;
  return article;
}

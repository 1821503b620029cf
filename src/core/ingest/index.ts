/**
 * The one entry point for turning a link, a page or a text into an Article:
 * safe fetch → content kind → charset → extraction.
 */
import type { Article } from '../model.js';
import { classifyContent } from '../fetch/content-kind.js';
import { decodeText } from '../fetch/decode-text.js';
import { safeFetch, type SafeFetchOptions } from '../fetch/safe-fetch.js';
import { articleFromText } from '../extract/plain-text.js';
import { extractArticle, type ExtractOptions } from '../extract/article.js';
import { countWords } from '../extract/words.js';

export { extractArticle, type ExtractOptions } from '../extract/article.js';
export { articleFromText, type TextArticleOptions } from '../extract/plain-text.js';

/** Turns an HTML page into an Article: extractArticle in-process, or an ExtractionPool's extract. */
export type HtmlExtractor = (html: string, options: ExtractOptions) => Article | Promise<Article>;

/**
 * Options for loading a link. `allowPrivateNetworks` is config `fetch.allowPrivateNetworks`
 * (env NEWSBRIEF_ALLOW_PRIVATE_NETWORKS); leave it off for links from users. `extractHtml`
 * (default: in-process extractArticle) lets a serving bot parse pages off the main thread.
 */
export type IngestOptions = SafeFetchOptions & { extractHtml?: HtmlExtractor };

/**
 * Fetches `url` safely and extracts its article.
 * @throws FetchError FETCH_BLOCKED, FETCH_FAILED, FETCH_TIMEOUT, FETCH_TOO_LARGE, BAD_INPUT
 * @throws NewsbriefError IS_FEED, UNSUPPORTED_CONTENT, EXTRACT_EMPTY, PAYWALLED
 */
export async function loadArticleFromUrl(url: string, options: IngestOptions = {}): Promise<Article> {
  const { extractHtml = extractArticle, ...fetchOptions } = options;
  const resource = await safeFetch(url, fetchOptions);
  const kind = classifyContent(resource.contentType, resource.body);
  const text = decodeText(resource.body, resource.contentType);
  // Plain text is cheap: it stays on this thread.
  return kind === 'html' ? extractHtml(text, { url: resource.url }) : articleFromText(text, { url: resource.url });
}

/** The `newsbrief extract --json` shape: the Article's fields in a stable order, plus a word count. */
export function formatExtractJson(article: Article): string {
  const { title, url, canonicalUrl, siteName, byline, publishedAt, language, text } = article;
  const words = countWords(text);
  return JSON.stringify({ title, url, canonicalUrl, siteName, byline, publishedAt, language, words, text }, null, 2);
}

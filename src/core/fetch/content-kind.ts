/**
 * Decides what a fetched resource is, from its Content-Type AND a sniff of the body:
 * an HTML page, plain text, a feed (RSS/Atom/RDF/JSON Feed), or something we cannot brief.
 */
import { NewsbriefError } from '../errors.js';

export type ContentKind = 'html' | 'text' | 'feed';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/x-rss+xml',
]);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const XML_TYPES = new Set(['text/xml', 'application/xml']);
const SNIFFABLE_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'text/plain', 'application/json', 'text/json']);
const SNIFF_BYTES = 2048;

/** The MIME type of a Content-Type header, lower-cased, without parameters. */
export function mimeTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function head(body: Buffer): string {
  return body
    .subarray(0, SNIFF_BYTES)
    .toString('latin1')
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF|^\u00FE\u00FF|^\u00FF\u00FE/, '')
    .replace(/\u0000/g, '')
    .trimStart();
}

/** True when the body starts like an RSS, Atom or RDF document, or a JSON Feed. */
export function looksLikeFeed(body: Buffer): boolean {
  const h = head(body);
  if (h.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version/i.test(h);
  // Skip the XML declaration, comments, processing instructions and doctype to reach the root.
  const root = h.replace(/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<(?:rss|feed|rdf:RDF)[\s>]/i.test(root);
}

function looksLikeHtml(body: Buffer): boolean {
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body)[\s>]/i.test(head(body));
}

function describe(mime: string, body: Buffer): string | undefined {
  if (mime === 'application/pdf' || body.subarray(0, 5).toString('latin1') === '%PDF-') return 'a PDF document';
  if (mime.startsWith('image/')) return `an image (${mime})`;
  if (mime.startsWith('audio/')) return `an audio file (${mime})`;
  if (mime.startsWith('video/')) return `a video (${mime})`;
  return undefined;
}

/**
 * Classifies a fetched resource.
 * @throws NewsbriefError IS_FEED for feeds, UNSUPPORTED_CONTENT for PDFs, media and other types.
 */
export function classifyContent(contentType: string | undefined, body: Buffer): ContentKind {
  const mime = mimeTypeOf(contentType);
  const media = describe(mime, body);
  if (media) {
    throw new NewsbriefError('UNSUPPORTED_CONTENT', `this link is ${media}; newsbrief can only brief web pages and plain text`);
  }
  if (FEED_TYPES.has(mime) || looksLikeFeed(body)) {
    throw new NewsbriefError('IS_FEED', 'this link is a feed — follow it with /brief feeds add <url>');
  }
  if (HTML_TYPES.has(mime)) return 'html';
  if (mime === 'text/plain') return looksLikeHtml(body) ? 'html' : 'text';
  if ((XML_TYPES.has(mime) || SNIFFABLE_TYPES.has(mime)) && looksLikeHtml(body)) return 'html';
  throw new NewsbriefError(
    'UNSUPPORTED_CONTENT',
    `this link serves ${mime || 'content of no declared type'}; newsbrief can only brief web pages and plain text`,
  );
}

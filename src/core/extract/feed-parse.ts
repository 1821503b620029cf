/**
 * Feed bytes → FeedItem[] for RSS 0.9x/2.0, RSS 1.0 (RDF), Atom and JSON Feed, through
 * feedsmith. Links are resolved against the feed's base, text is stripped of HTML, and every
 * item gets a stable identity (see feed-identity.ts).
 */
import iconv from 'iconv-lite';
import { parseFeed as parseAnyFeed } from 'feedsmith';
import type { FeedItem } from '../model.js';
import { NewsbriefError } from '../errors.js';
import { itemIdentity, resolveLink } from './feed-identity.js';
import { htmlToText } from './feed-text.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  /** The site the feed belongs to, when it says. */
  siteUrl?: string;
  items: FeedItem[];
}

/** Items read per feed document; feeds that carry their whole archive are cut here. */
export const MAX_ITEMS_PER_FEED = 300;
/** Longest summary kept per item; digests show 1–2 sentences of it. */
const SUMMARY_MAX_CHARS = 1_000;

/** Decodes feed bytes: the XML declaration's encoding when it names one iconv knows, else UTF-8. */
export function decodeFeedBody(body: Buffer | string): string {
  if (typeof body === 'string') return body;
  const head = body.subarray(0, 200).toString('latin1');
  const declared = /<\?xml[^>]*encoding=["']([\w.-]+)["']/i.exec(head)?.[1];
  const text = declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared) ? iconv.decode(body, declared) : body.toString('utf8');
  return text.replace(/^\uFEFF/, '');
}

const isoDate = (raw: unknown): string | undefined => {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const t = Date.parse(raw.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};

const clip = (text: string): string | undefined => {
  if (!text) return undefined;
  return text.length > SUMMARY_MAX_CHARS ? `${text.slice(0, SUMMARY_MAX_CHARS - 1)}…` : text;
};

interface RawItem {
  guid?: string;
  link?: string;
  title?: string;
  summaryHtml?: string;
  date?: unknown;
  author?: string;
}

function toFeedItem(raw: RawItem, feedUrl: string, feedTitle: string | undefined, base: string): FeedItem | undefined {
  const url = resolveLink(raw.link, base);
  const summary = clip(htmlToText(raw.summaryHtml));
  const title = htmlToText(raw.title) || (summary ? summary.slice(0, 120) : '');
  if (!title && !url) return undefined;
  const item: FeedItem = { id: itemIdentity(raw.guid, url, title, summary), feedUrl, title: title || url || '' };
  if (feedTitle) item.feedTitle = feedTitle;
  if (url) item.url = url;
  if (summary) item.summary = summary;
  const publishedAt = isoDate(raw.date);
  if (publishedAt) item.publishedAt = publishedAt;
  if (raw.author) item.author = raw.author;
  return item;
}

const resolveBase = (candidate: string | undefined, feedUrl: string): string => {
  try {
    return candidate ? new URL(candidate, feedUrl).toString() : feedUrl;
  } catch {
    return feedUrl;
  }
};

/**
 * Parses a feed document.
 * @param body - the response body (bytes or text)
 * @param feedUrl - the URL the feed was fetched from (after redirects); relative links resolve against it
 * @throws NewsbriefError `FEED_INVALID` when the document is not a feed we can read
 */
export function parseFeedDocument(body: Buffer | string, feedUrl: string): ParsedFeed {
  const text = decodeFeedBody(body);
  let parsed: ReturnType<typeof parseAnyFeed>;
  try {
    parsed = parseAnyFeed(text, { maxItems: MAX_ITEMS_PER_FEED });
  } catch (err) {
    const looksHtml = /<html[\s>]/i.test(text.slice(0, 2000));
    throw new NewsbriefError(
      'FEED_INVALID',
      looksHtml
        ? `${feedUrl} is a web page, not a feed. Look for its RSS or Atom link and add that.`
        : `${feedUrl} is not a feed newsbrief can read (RSS, Atom, RDF or JSON Feed).`,
      { cause: err },
    );
  }
  const raws: RawItem[] = [];
  let title: string | undefined;
  let siteUrl: string | undefined;
  let base = feedUrl;
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      title = f.title;
      siteUrl = f.link;
      // RSS has no xml:base; relative links are relative to the site (the channel link), as most readers assume.
      base = /^https?:\/\//i.test(f.link ?? '') ? resolveBase(f.link, feedUrl) : feedUrl;
      for (const i of f.items ?? []) {
        raws.push({
          guid: i.guid?.value,
          link: i.link ?? (i.guid?.isPermaLink !== false ? i.guid?.value : undefined),
          title: i.title,
          summaryHtml: i.description ?? i.content?.encoded,
          date: i.pubDate ?? i.dc?.dates?.[0],
          author: i.dc?.creators?.[0],
        });
      }
      break;
    }
    case 'atom': {
      const f = parsed.feed;
      title = f.title?.value;
      base = resolveBase(f.xml?.base, feedUrl);
      siteUrl = f.links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
      for (const e of f.entries ?? []) {
        const link = e.links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? e.links?.[0]?.href;
        raws.push({
          guid: e.id,
          link,
          title: e.title?.value,
          summaryHtml: e.summary?.value ?? e.content?.value,
          date: e.published ?? e.updated,
          author: e.authors?.[0]?.name,
        });
      }
      break;
    }
    case 'rdf': {
      const f = parsed.feed;
      title = f.title;
      siteUrl = f.link;
      for (const i of f.items ?? []) {
        raws.push({ link: i.link ?? i.rdf?.about, title: i.title, summaryHtml: i.description ?? i.content?.encoded, date: i.dc?.dates?.[0], author: i.dc?.creators?.[0] });
      }
      break;
    }
    case 'json': {
      const f = parsed.feed;
      title = f.title;
      siteUrl = f.home_page_url;
      for (const i of f.items ?? []) {
        raws.push({
          guid: i.id === undefined ? undefined : String(i.id),
          link: i.url ?? i.external_url,
          title: i.title,
          summaryHtml: i.summary ?? i.content_text ?? i.content_html,
          date: i.date_published ?? i.date_modified,
          author: i.authors?.[0]?.name,
        });
      }
      break;
    }
  }
  const feedTitle = htmlToText(title) || undefined;
  const items: FeedItem[] = [];
  const ids = new Set<string>();
  for (const raw of raws) {
    const item = toFeedItem(raw, feedUrl, feedTitle, base);
    // A feed that repeats an item keeps its first occurrence (ids are the store's key).
    if (item && !ids.has(item.id)) {
      ids.add(item.id);
      items.push(item);
    }
  }
  return { format: parsed.format, ...(feedTitle ? { title: feedTitle } : {}), ...(siteUrl ? { siteUrl: resolveBase(siteUrl, feedUrl) } : {}), items };
}

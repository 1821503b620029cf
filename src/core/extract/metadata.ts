/**
 * Article metadata from a parsed page: JSON-LD (NewsArticle and kin) first, then Open Graph /
 * meta tags, then the document itself. Each field falls back independently.
 */
import { collapseSpace } from './html-to-text.js';

export interface PageMetadata {
  title?: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
  canonicalUrl?: string;
  language?: string;
  /** schema.org `isAccessibleForFree: false`: the publisher marks the article as paywalled. */
  paywalled?: boolean;
  /** schema.org `articleBody`, when the page gives one. */
  articleBody?: string;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Review|Background|Blog|Scholarly|Tech)?Article$|^BlogPosting$|^Report$|^LiveBlogPosting$/;

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function flattenJsonLd(nodes: unknown[], out: Json[] = []): Json[] {
  for (const n of nodes) {
    if (Array.isArray(n)) flattenJsonLd(n, out);
    else if (n && typeof n === 'object') {
      out.push(n as Json);
      if ('@graph' in n) flattenJsonLd(asArray((n as Json)['@graph']), out);
    }
  }
  return out;
}

/** The first JSON-LD object typed as an article, if any. */
export function findJsonLdArticle(blocks: string[]): Json | undefined {
  const parsed: unknown[] = [];
  for (const b of blocks) {
    try {
      parsed.push(JSON.parse(b.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '')));
    } catch {
      // Broken JSON-LD is common; ignore that block.
    }
  }
  return flattenJsonLd(parsed).find((n) => asArray(n['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)));
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return collapseSpace(v) || undefined;
  if (v && typeof v === 'object' && !Array.isArray(v)) return text((v as Json).name);
  if (Array.isArray(v)) {
    const names = v.map(text).filter((s): s is string => !!s);
    return names.length ? names.join(', ') : undefined;
  }
  return undefined;
}

/** ISO 8601 when parseable; undefined otherwise. */
export function toIsoDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const d = new Date(v.trim());
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Minimal document surface needed here. */
interface ElementsRoot {
  getElementsByTagName(tag: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}
interface DocLike extends ElementsRoot {
  head: ElementsRoot | null;
  documentElement: { getAttribute(name: string): string | null } | null;
}

function metaMap(doc: ElementsRoot): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const content = m?.getAttribute('content');
    if (!m || !content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content.trim());
    }
  }
  return map;
}

/** A language tag's primary subtag ("pt-BR" → "pt"), if it looks like one. */
export function primaryLanguage(tag: string | undefined | null): string | undefined {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(tag?.trim() ?? '');
  return m?.[1]?.toLowerCase();
}

const MAX_BYLINE_CHARS = 100;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Headline - Site" → "Headline" when the suffix is the site's name. */
export function tidyTitle(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const tidy = title.replace(new RegExp(`\\s+[-|–—:·]\\s+${escapeRe(siteName)}$`, 'i'), '');
  return tidy || title;
}

/** "By JANE DOE\n\t\tNov 19" → "JANE DOE": no "By", no trailing dateline, one line. */
export function tidyByline(byline: string | undefined): string | undefined {
  if (!byline) return undefined;
  const tidy = collapseSpace(byline)
    .replace(/^by\s+/i, '')
    .replace(/\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}).*$/i, '');
  return tidy && tidy.length <= MAX_BYLINE_CHARS && !/^https?:\/\//.test(tidy) ? tidy : undefined;
}

/** A site name, not a URL or a menu ("Autoracing | F1 | Indy" → "Autoracing"). */
export function tidySiteName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (/^https?:\/\//i.test(name)) {
    try {
      return new URL(name).hostname.replace(/^www\./, '');
    } catch {
      return undefined;
    }
  }
  return name.split(' | ')[0]?.trim() || undefined;
}

/** Reads metadata from the page. `url` resolves relative canonical links. */
export function readMetadata(doc: DocLike, jsonLdBlocks: string[], url?: string): PageMetadata {
  const ld = findJsonLdArticle(jsonLdBlocks);
  // Meta, link and title live in <head>; searching only there saves a walk of the whole page.
  const head = doc.head ?? doc;
  const meta = metaMap(head);
  const first = (...vals: (string | undefined | null)[]): string | undefined => vals.map((v) => (v ? collapseSpace(v) : '')).find((v) => v !== '');
  const links = Array.from(head.getElementsByTagName('link'));
  const canonicalHref = links.find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''))?.getAttribute('href');
  const authorMeta = first(meta.get('author'), meta.get('article:author'), meta.get('dc.creator'), meta.get('parsely-author'));
  const firstTime = (): string | undefined =>
    Array.from(doc.getElementsByTagName('time')).find((t) => t.getAttribute('datetime'))?.getAttribute('datetime') ?? undefined;
  const articleBody = typeof ld?.articleBody === 'string' ? ld.articleBody : undefined;

  const result: PageMetadata = {
    // Not <title>: it usually carries the site name; Readability's title trims that.
    title: first(text(ld?.headline), meta.get('og:title'), meta.get('twitter:title')),
    byline: tidyByline(first(text(ld?.author), authorMeta)),
    siteName: tidySiteName(first(meta.get('og:site_name'), text(ld?.publisher), meta.get('application-name'))),
    publishedAt: toIsoDate(
      first(
        text(ld?.datePublished),
        meta.get('article:published_time'),
        meta.get('og:article:published_time'),
        meta.get('datepublished'),
        meta.get('pubdate'),
        meta.get('publishdate'),
        meta.get('date'),
        meta.get('dc.date'),
        meta.get('dc.date.issued'),
        meta.get('sailthru.date'),
      ) ?? firstTime(),
    ),
    canonicalUrl: resolveUrl(first(canonicalHref, meta.get('og:url')), url),
    language: primaryLanguage(
      first(doc.documentElement?.getAttribute('lang'), meta.get('content-language'), text(ld?.inLanguage), meta.get('og:locale')),
    ),
    paywalled: ld?.isAccessibleForFree === false || ld?.isAccessibleForFree === 'False' || ld?.isAccessibleForFree === 'false',
    ...(articleBody ? { articleBody } : {}),
  };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined && v !== '')) as PageMetadata;
}

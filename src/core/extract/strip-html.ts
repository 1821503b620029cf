/**
 * Cheap textual pre-pass before parsing: pulls out JSON-LD blocks and drops scripts, styles,
 * comments, SVG and other non-content elements. Parsing is the bulk of extraction time and
 * scripts are often half a news page's bytes.
 */

const JSON_LD_RE = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
/** Attributes nothing downstream reads; dropping them makes parsing cheaper. */
const UNUSED_ATTRIBUTE_RE =
  /\s(?:data-[\w.:-]+|srcset|sizes|aria-[\w-]+|on[a-z]+|tabindex|target|width|height|loading|decoding|alt)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
/** Page regions that never hold the article body (they do hold menus, mastheads and link lists). */
const PAGE_FURNITURE_RE = /<(nav|footer|aside)(?=[\s>/])[^>]*>[\s\S]*?<\/\1\s*>/gi;
const NON_CONTENT_RE =
  /<(script|style|noscript|template|svg|iframe|object|canvas|select|textarea)(?=[\s>/])[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<(?:input|source|track|wbr)\b[^>]*>/gi;

export interface StrippedHtml {
  html: string;
  /** Raw JSON text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
}

/** Splits JSON-LD out of `html` and removes non-content elements. */
export function stripHtml(html: string): StrippedHtml {
  const jsonLd: string[] = [];
  for (const m of html.matchAll(JSON_LD_RE)) if (m[1]) jsonLd.push(m[1]);
  const cleaned = html.replace(NON_CONTENT_RE, ' ').replace(UNUSED_ATTRIBUTE_RE, '').replace(PAGE_FURNITURE_RE, ' ');
  return { html: cleaned, jsonLd };
}

/**
 * Cheap textual pre-pass before parsing: pulls out JSON-LD blocks and drops scripts, styles,
 * comments, SVG, page navigation/footers/asides and unused attributes. Parsing is the bulk of
 * extraction time and scripts are often half a news page's bytes.
 *
 * Every scan here is linear in the page size, whatever the page: a hostile page full of
 * unclosed `<script` or `"` must not make a regex backtrack over megabytes again and again.
 */

/** Elements whose content is never article text; an unclosed one runs to the end, as in a browser. */
const RAW_OPEN_RE = /<(script|style|noscript|template|svg|iframe|object|canvas|select|textarea)(?=[\s>/])|<!--/gi;
const MAX_TAG_CHARS = 4000;
/** Page regions that never hold the article body (they do hold menus and link lists). */
const REGION_OPEN_RE = /<(nav|footer|aside)(?=[\s>/])/gi;
const JSON_LD_TYPE_RE = /type\s*=\s*["']?application\/ld\+json/i;
/** Attributes nothing downstream reads; dropping them makes parsing cheaper. */
const UNUSED_ATTRIBUTE_RE =
  /\s(?:data-[\w.:-]{1,100}|srcset|sizes|aria-[\w-]{1,50}|on[a-z]{1,30}|tabindex|target|width|height|loading|decoding|alt)\s*=\s*(?:"[^"]{0,20000}"|'[^']{0,20000}'|[^\s>"']+)/gi;
const VOID_NON_CONTENT_RE = /<(?:input|source|track|wbr)\b[^>]{0,4000}>/gi;

/** Well above real article pages (the benchmark's largest has under 2,000 tags, nesting under 200). */
export const MAX_ELEMENTS = 25_000;
export const MAX_NESTING = 1_000;
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9-]{0,40})/g;
/** Elements that never nest (void) or close themselves implicitly: they add no depth. */
const FLAT_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body',
]);

/**
 * True when parsing and scoring `html` would take unreasonably long: DOM work grows faster
 * than linearly with element count and nesting, and a hostile page can have a lot of both.
 */
export function isTooComplex(html: string): boolean {
  let elements = 0;
  let depth = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const closing = m[1] === '/';
    if (!closing && ++elements > MAX_ELEMENTS) return true;
    if (FLAT_TAGS.has((m[2] ?? '').toLowerCase())) continue;
    depth += closing ? -1 : 1;
    if (depth > MAX_NESTING) return true;
  }
  return false;
}

export interface StrippedHtml {
  html: string;
  /** Raw JSON text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
}

function closingTagRe(tag: string): RegExp {
  return tag === '!--' ? /-->/g : new RegExp(`</${tag}\\s*>`, 'gi');
}

/** Removes raw-text elements and comments, collecting JSON-LD on the way. */
function removeRawElements(html: string, jsonLd: string[]): string {
  const out: string[] = [];
  let pos = 0;
  // Where the next '>' is; reused while candidates stay before it, so the search stays linear.
  let nextGt = -1;
  RAW_OPEN_RE.lastIndex = 0;
  for (let open = RAW_OPEN_RE.exec(html); open; open = RAW_OPEN_RE.exec(html)) {
    const tag = open[1]?.toLowerCase() ?? '!--';
    let contentStart = RAW_OPEN_RE.lastIndex;
    if (tag !== '!--') {
      if (nextGt < contentStart) nextGt = html.indexOf('>', contentStart);
      if (nextGt < 0) break;
      if (nextGt - contentStart > MAX_TAG_CHARS) continue;
      contentStart = nextGt + 1;
    }
    const close = closingTagRe(tag);
    close.lastIndex = contentStart;
    const end = close.exec(html);
    out.push(html.slice(pos, open.index), ' ');
    if (!end) {
      pos = html.length;
      break;
    }
    if (tag === 'script' && JSON_LD_TYPE_RE.test(html.slice(open.index, contentStart))) jsonLd.push(html.slice(contentStart, end.index));
    pos = close.lastIndex;
    RAW_OPEN_RE.lastIndex = pos;
  }
  out.push(html.slice(pos));
  return out.join('');
}

/** Removes closed <nav>, <footer> and <aside> regions (an unclosed one is left alone). */
function removeRegions(html: string): string {
  const out: string[] = [];
  let pos = 0;
  // A tag with no closing tag after some point has none after any later point either.
  const unclosed = new Set<string>();
  REGION_OPEN_RE.lastIndex = 0;
  for (let open = REGION_OPEN_RE.exec(html); open; open = REGION_OPEN_RE.exec(html)) {
    const tag = open[1]?.toLowerCase() ?? '';
    if (unclosed.has(tag)) continue;
    const close = closingTagRe(tag);
    close.lastIndex = REGION_OPEN_RE.lastIndex;
    const end = close.exec(html);
    if (!end) {
      unclosed.add(tag);
      continue;
    }
    out.push(html.slice(pos, open.index), ' ');
    pos = close.lastIndex;
    REGION_OPEN_RE.lastIndex = pos;
  }
  out.push(html.slice(pos));
  return out.join('');
}

/** Splits JSON-LD out of `html` and removes non-content elements. */
export function stripHtml(html: string): StrippedHtml {
  const jsonLd: string[] = [];
  const withoutRaw = removeRawElements(html, jsonLd);
  const cleaned = removeRegions(withoutRaw.replace(VOID_NON_CONTENT_RE, ' ').replace(UNUSED_ATTRIBUTE_RE, ''));
  return { html: cleaned, jsonLd };
}

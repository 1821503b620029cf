/**
 * Furniture removal before Readability scores the page: captions, "read more" / related-link
 * boxes, newsletter, share and cookie boxes that Readability keeps (the benchmark showed
 * where). Rules are keyed to common class/id words, never to particular sites.
 */

/** Class/id words that mark furniture inside an article container. */
const FURNITURE_RE =
  /(?:^|[\s_-])(?:newsletter|related|read-?more|recommend|promo|share|sharing|social|subscri|signup|sign-up|advert|sponsor|outbrain|taboola|cookie|consent|gdpr|comments?(?:$|[\s_-])|breadcrumb|most-?popular|trending|caption|credit|toolbar|tags?(?:$|[\s_-]))/i;
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FORM', 'BUTTON', 'FIGCAPTION', 'FOOTER', 'DIALOG']);
/** Words that mark the article container itself ("entry-content-read-more" is the body). */
const CONTENT_RE = /article|body|content|entry|story|main|post-?text/i;
const MIN_CONTENT_CHARS = 500;
/** Embedded posts ("social-media-embed", a quoted tweet) are part of the story, not share boxes. */
const EMBED_RE = /embed|tweet|instagram/i;
/** Furniture boxes are small; a big container with such a class is the page layout, keep it. */
const MAX_FURNITURE_CHARS = 1500;

interface ElementLike {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  textContent: string | null;
  remove(): void;
  tagName: string;
}
interface QueryRoot {
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
  body: { textContent: string | null } | null;
}
/** A furniture box is a small part of the page; anything bigger is the page's own wrapper. */
const MAX_FURNITURE_SHARE = 0.5;

/** Removes furniture elements from the document before Readability scores it. */
export function removeFurniture(doc: QueryRoot): void {
  const candidates = doc.querySelectorAll('nav, aside, form, button, figcaption, footer, dialog, [class], [id]');
  const doomed: ElementLike[] = [];
  const pageLength = doc.body?.textContent?.length ?? 0;
  for (let i = 0; i < candidates.length; i++) {
    const el = candidates[i];
    if (!el || el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue;
    // camelCase names ("newsCaption") get a word break like kebab-case ones.
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2');
    if (!FURNITURE_TAGS.has(el.tagName) && !FURNITURE_RE.test(words)) continue;
    if (el.tagName === 'BLOCKQUOTE' || EMBED_RE.test(words)) {
      // Readability would drop it for the same "social" word; a neutral class keeps it in.
      el.setAttribute('class', 'embed');
      continue;
    }
    // Some sites wrap the whole page in a <form> or name the body "…-read-more": size decides.
    const length = el.textContent?.length ?? 0;
    if (length > MAX_FURNITURE_CHARS || length > pageLength * MAX_FURNITURE_SHARE) continue;
    if (length > MIN_CONTENT_CHARS && CONTENT_RE.test(words)) continue;
    doomed.push(el);
  }
  for (const el of doomed) el.remove();
}

/**
 * Narrows the page to its one marked-up article before Readability scores it: when a page has
 * exactly one `<article>` (or one `itemprop="articleBody"`) holding most of its paragraph
 * text, everything beside it — mastheads, rails, comments, footers — is dropped. Readability's
 * work grows with the page, so this makes extraction faster as well as cleaner.
 */

interface NodeLike {
  parentNode: NodeLike | null;
  previousSibling: NodeLike | null;
  nextSibling: NodeLike | null;
  nodeName: string;
  remove(): void;
  textContent: string | null;
  getElementsByTagName(tag: string): ArrayLike<NodeLike>;
}
interface DocLike {
  body: NodeLike | null;
  querySelectorAll(selector: string): ArrayLike<NodeLike>;
  getElementsByTagName(tag: string): ArrayLike<NodeLike>;
}

/** The marked-up article must hold at least this share of the page's paragraph text. */
const MIN_SHARE_OF_PARAGRAPHS = 0.6;
const MIN_ARTICLE_CHARS = 500;

function paragraphChars(root: NodeLike): number {
  const ps = root.getElementsByTagName('p');
  let total = 0;
  for (let i = 0; i < ps.length; i++) total += ps[i]?.textContent?.trim().length ?? 0;
  return total;
}

const soleElement = (found: ArrayLike<NodeLike>): NodeLike | undefined => (found.length === 1 ? found[0] : undefined);

/** Removes everything but the page's single marked-up article, when there is one. */
export function focusOnMarkedArticle(doc: DocLike): void {
  const body = doc.body;
  if (!body) return;
  const article = soleElement(doc.querySelectorAll('[itemprop="articleBody"]')) ?? soleElement(doc.getElementsByTagName('article'));
  if (!article) return;
  const inside = paragraphChars(article);
  if (inside < MIN_ARTICLE_CHARS || inside < paragraphChars(body) * MIN_SHARE_OF_PARAGRAPHS) return;
  for (let node: NodeLike = article; node !== body && node.parentNode; node = node.parentNode) {
    while (node.previousSibling) node.previousSibling.remove();
    while (node.nextSibling) node.nextSibling.remove();
  }
}

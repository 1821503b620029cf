/**
 * Turns an element into plain text block by block: each block-level element starts a new
 * paragraph, paragraphs are separated by a blank line, whitespace inside a paragraph is
 * collapsed. Gluing adjacent blocks ("end.Start") would merge words and lose the boundary.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL',
  'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD',
  'TR', 'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD']);

/** The minimal DOM surface we walk (linkedom and browsers both provide it). */
export interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: TextNodeLike | null;
  nextSibling: TextNodeLike | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Collapses runs of whitespace (including non-breaking spaces) to one space. */
export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Plain text of `root`, paragraphs separated by a blank line. */
export function htmlToText(root: TextNodeLike): string {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const text = collapseSpace(current.join(''));
    if (text) blocks.push(text);
    current = [];
  };
  const walk = (node: TextNodeLike): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        current.push(child.nodeValue ?? '');
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = child.nodeName.toUpperCase();
        if (SKIP_TAGS.has(tag)) continue;
        if (BLOCK_TAGS.has(tag)) {
          flush();
          walk(child);
          flush();
        } else {
          walk(child);
        }
      }
    }
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

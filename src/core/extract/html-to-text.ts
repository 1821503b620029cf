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

/** One paragraph of text and how much of it is link text. */
export interface TextBlock {
  text: string;
  /** Characters of `text` inside links (approximate: whitespace collapsed per text node). */
  linkChars: number;
}

/** The paragraphs of `root`, in order. */
export function htmlToBlocks(root: TextNodeLike): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  let linkChars = 0;
  let linkDepth = 0;
  const flush = (): void => {
    if (current.length > 0) {
      const text = collapseSpace(current.join(''));
      if (text) blocks.push({ text, linkChars: Math.min(linkChars, text.length) });
    }
    current = [];
    linkChars = 0;
  };
  const walk = (node: TextNodeLike): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const value = child.nodeValue ?? '';
        current.push(value);
        if (linkDepth > 0) linkChars += collapseSpace(value).length;
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = child.nodeName.toUpperCase();
        if (SKIP_TAGS.has(tag)) continue;
        const isBlock = BLOCK_TAGS.has(tag);
        const isLink = tag === 'A';
        if (isBlock) flush();
        if (isLink) linkDepth++;
        walk(child);
        if (isLink) linkDepth--;
        if (isBlock) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}

/** Plain text of `root`, paragraphs separated by a blank line. */
export function htmlToText(root: TextNodeLike): string {
  return htmlToBlocks(root)
    .map((b) => b.text)
    .join('\n\n');
}

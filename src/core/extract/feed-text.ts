/**
 * Plain text from the HTML snippets feeds carry in titles, descriptions and summaries.
 * Feed snippets are small and untrusted; a regex pass is enough to drop markup (we never
 * render it), and it keeps polling 2,500 items well under a second.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  copy: '©',
  reg: '®',
  euro: '€',
  pound: '£',
};

/** Decodes HTML character references (named ones we know, and all numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** HTML (or plain text) → one line of plain text: scripts, styles and tags dropped, entities decoded. */
export function htmlToText(html: string | undefined): string {
  if (!html) return '';
  const withoutBlocks = html
    .replace(/<(script|style|figure|figcaption)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|br|li|h\d|blockquote)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(withoutBlocks).replace(/\s+/g, ' ').trim();
}

/** The first `count` sentences of a plain text (a cheap splitter: feed summaries are short). */
export function firstSentences(text: string, count: number, maxChars = 300): string[] {
  const sentences = text.match(/[^.!?…]+(?:[.!?…]+["'”’)]*|$)/g) ?? [];
  const out: string[] = [];
  for (const raw of sentences) {
    const s = raw.trim();
    if (s.length < 3) continue;
    out.push(s.length > maxChars ? `${s.slice(0, maxChars - 1).trimEnd()}…` : s);
    if (out.length >= count) break;
  }
  return out;
}

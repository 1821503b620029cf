/**
 * The words of a link's slug: most news sites put the headline, often its uncut or original wording,
 * in the last descriptive path segment ("/2014/03/10/mt-gox-us-bankruptcy/"). Aggregators cut long
 * headlines and editors rewrite them; the slug keeps the words the story was filed under.
 */

/** A slug has at least this many word-like parts; shorter segments are sections ("world", "tech-news"). */
const MIN_SLUG_WORDS = 3;
/** Parts that are ids, dates or file types, not words: digits mixed with letters, or long hex runs. */
const NOT_A_WORD_RE = /\d|^[a-f]{8,}$/u;
const FILE_EXTENSION_RE = /\.(?:s?html?|php\d?|aspx?|jsp|cms|story|ece|cfm)$/iu;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * @param url - the item's link (invalid or missing → no words).
 * @returns the slug's words, lower-case, in order (numbers and ids dropped); empty when the link has no slug.
 * @example slugWords('https://ex.com/2014/03/10/mt-gox-us-bankruptcy/') // ['mt', 'gox', 'us', 'bankruptcy']
 */
export function slugWords(url: string | undefined): string[] {
  if (!url) return [];
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  let best: string[] = [];
  for (const raw of path.split('/')) {
    const segment = decode(raw).replace(FILE_EXTENSION_RE, '');
    const parts = segment.split(/[-_+\s]+/u).filter((p) => p.length > 0);
    if (parts.length < MIN_SLUG_WORDS) continue;
    const words = parts.filter((p) => !NOT_A_WORD_RE.test(p.toLowerCase())).map((p) => p.toLowerCase());
    if (words.length >= MIN_SLUG_WORDS && words.length > best.length) best = words;
  }
  return best;
}

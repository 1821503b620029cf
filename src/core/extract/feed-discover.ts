/**
 * Feed autodiscovery: the feeds a web page advertises with
 * `<link rel="alternate" type="application/rss+xml" href="…">` (also Atom and JSON Feed),
 * so `feeds add https://site.example/` can follow the site's feed instead of failing.
 */
import { decodeEntities } from './feed-text.js';

const FEED_TYPES = /^application\/(rss\+xml|atom\+xml|feed\+json|rdf\+xml|json)$/i;

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const v = m?.[1] ?? m?.[2] ?? m?.[3];
  return v === undefined ? undefined : decodeEntities(v.trim());
};

/** Absolute feed URLs a page advertises, in page order, without duplicates or comment feeds. */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  const head = html.slice(0, 200_000);
  for (const [tag] of head.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const type = attr(tag, 'type') ?? '';
    const href = attr(tag, 'href');
    if (!rel.includes('alternate') || !FEED_TYPES.test(type) || !href) continue;
    if (/comments?/i.test(attr(tag, 'title') ?? '')) continue;
    try {
      const url = new URL(href, pageUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.toString())) found.push(url.toString());
    } catch {
      // A malformed href is not a feed we can follow.
    }
  }
  return found;
}

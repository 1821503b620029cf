/**
 * An item's identity within its feed: its guid, else its canonical URL without tracking
 * parameters, else a hash of its content. Dates never take part, so a publisher that
 * re-dates an item or adds tracking parameters does not make it new.
 */
import { createHash } from 'node:crypto';

/** Query parameters that only track the reader; removing them never changes the page. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'li_fat_id',
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'oly_enc_id', 'oly_anon_id', 'vero_id', 'vero_conv',
  'ref_src', 'ref_url', 'cmpid', 'ocid', 'ncid', 's_cid', 'sr_share', 'at_medium', 'at_campaign', 'guccounter',
  'spm', 'smid',
]);

const isTracking = (name: string): boolean => {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('pk_') || n.startsWith('mtm_') || TRACKING_PARAMS.has(n);
};

/**
 * The canonical form of an http(s) URL: lower-case host, no default port, no fragment,
 * no tracking parameters, remaining parameters in their original order.
 * Returns undefined for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (isTracking(name)) url.searchParams.delete(name);
  if (url.search === '?') url.search = '';
  return url.toString();
}

/** Resolves a possibly relative link against the feed's base; keeps non-http links out. */
export function resolveLink(raw: string | undefined, base: string | undefined): string | undefined {
  return canonicalUrl(raw, base);
}

/** Short stable hash of an item's content, for items with neither guid nor link. */
export function contentHash(title: string, summary: string | undefined): string {
  return createHash('sha256').update(`${title}\n${summary ?? ''}`).digest('hex').slice(0, 24);
}

/**
 * The identity of an item: `guid` when the feed gives one (normalised like a URL when it is
 * one, since permalink guids pick up tracking parameters too), else the canonical link, else
 * `hash:<content hash>`.
 */
export function itemIdentity(guid: string | undefined, link: string | undefined, title: string, summary: string | undefined): string {
  const g = guid?.trim();
  if (g) return /^https?:\/\//i.test(g) ? (canonicalUrl(g) ?? g) : g;
  if (link) return link;
  return `hash:${contentHash(title, summary)}`;
}

/**
 * Paywall signals on a page: markup and phrases publishers use for subscriber-only stubs.
 * Only consulted when too little text was found, to tell "paywalled" from "no article".
 */

/** Class/id words of paywall boxes, matched on the page source (cheaper than a DOM query). */
const PAYWALL_MARKUP_RE = /\b(?:class|id)\s*=\s*["'][^"']{0,500}?(?:paywall|subscriber-only|premium-content|piano-offer|regwall)/i;
const PAYWALL_PHRASES_RE =
  /(?:subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:please )?(?:subscribe|log ?in|sign ?in)|this (?:article|story|content) is (?:only )?(?:available|reserved) (?:exclusively )?(?:to|for) (?:subscribers|members)|already a subscriber\??|subscribers only|become a (?:subscriber|member) to (?:read|continue)|you(?:'ve| have) reached your (?:limit|free article)|unlock (?:this|the full) (?:article|story))/i;

/** True when the page source shows paywall markup or wording. */
export function detectPaywall(html: string): boolean {
  return PAYWALL_MARKUP_RE.test(html) || PAYWALL_PHRASES_RE.test(html.replace(/<[^<>]{0,4000}>/g, ' ').replace(/\s+/g, ' '));
}

/**
 * Paywall signals on a page: markup and phrases publishers use for subscriber-only stubs.
 * Only consulted when too little text was found, to tell "paywalled" from "no article".
 */

const PAYWALL_SELECTOR = '[class*="paywall" i], [id*="paywall" i], [class*="subscriber-only" i], [class*="premium-content" i], [class*="meter-" i]';
const PAYWALL_PHRASES_RE =
  /(?:subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:please )?(?:subscribe|log ?in|sign ?in)|this (?:article|story|content) is (?:only )?(?:available|reserved) (?:exclusively )?(?:to|for) (?:subscribers|members)|already a subscriber\??|subscribers only|become a (?:subscriber|member) to (?:read|continue)|you(?:'ve| have) reached your (?:limit|free article)|unlock (?:this|the full) (?:article|story))/i;

interface DocLike {
  querySelectorAll(selector: string): ArrayLike<unknown>;
  body: { textContent: string | null } | null;
}

/** True when the page shows paywall markup or wording. */
export function detectPaywall(doc: DocLike): boolean {
  if (doc.querySelectorAll(PAYWALL_SELECTOR).length > 0) return true;
  return PAYWALL_PHRASES_RE.test(doc.body?.textContent ?? '');
}

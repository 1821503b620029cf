/** Safe HTTP for user links: SSRF guard, redirect/size/time limits, content kind, charset. */
export { safeFetch, parseHttpUrl, USER_AGENT, FETCH_TIMEOUT_MS, FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS, type SafeFetchOptions, type FetchedResource } from './safe-fetch.js';
export { isPublicAddress, privateAddressKind } from './address-guard.js';
export { createGuardedConnector, systemLookup, type DnsLookup, type ResolvedAddress } from './guarded-connector.js';
export { classifyContent, looksLikeFeed, mimeTypeOf, type ContentKind } from './content-kind.js';
export { decodeText, detectEncoding } from './decode-text.js';

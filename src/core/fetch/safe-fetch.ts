/**
 * Fetches a user-supplied http(s) URL safely: public addresses only (checked at connect time,
 * after every redirect, which we follow ourselves), at most 5 redirects, a total time limit and
 * an idle cap, a decoded-size limit, a User-Agent naming the bot, and no cookies.
 */
import { Agent, request } from 'undici';
import { FetchError, isNewsbriefError } from '../errors.js';
import { createGuardedConnector, type DnsLookup } from './guarded-connector.js';
import { discardBody, readLimitedBody } from './read-body.js';

export const FETCH_TIMEOUT_MS = 10_000;
export const FETCH_IDLE_TIMEOUT_MS = 5_000;
export const FETCH_MAX_BYTES = 5 * 1024 * 1024;
export const FETCH_MAX_REDIRECTS = 5;
export const USER_AGENT = 'newsbrief/0.1 (+https://github.com/newsbrief/newsbrief)';
const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,application/xml;q=0.5,*/*;q=0.3';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface SafeFetchOptions {
  /** Allow loopback/private/link-local targets (config `fetch.allowPrivateNetworks`). Default false. */
  allowPrivateNetworks?: boolean;
  /** Replaces the public-address policy (an egress allow-list; tests). */
  isAllowedAddress?: (address: string) => boolean;
  /** DNS resolver; defaults to the system's. */
  lookup?: DnsLookup;
  /** Whole fetch, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Longest silence while waiting for headers or between body chunks. Default 5 s. */
  idleTimeoutMs?: number;
  /** Decoded body limit. Default 5 MB. */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Cancels the fetch (e.g. the process is shutting down). */
  signal?: AbortSignal;
  /** Extra request headers (conditional requests: If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
  /** Answer 304 Not Modified with an empty body instead of failing (feed polling). */
  allowNotModified?: boolean;
}

/** A fetched resource: the final URL after redirects and the decoded (decompressed) bytes. */
export interface FetchedResource {
  url: string;
  status: number;
  /** The raw Content-Type header, if any. */
  contentType?: string;
  body: Buffer;
  /** URLs redirected through, in order. */
  redirects: string[];
  /** Response headers, lower-cased names, first value of each. */
  headers: Record<string, string>;
}

/** Parses a link and refuses anything but http(s). */
export function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new FetchError('BAD_INPUT', `"${input}" is not a link; send a full http(s) URL`, input);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('FETCH_BLOCKED', `only http and https links can be briefed, not ${url.protocol}`, input);
  }
  return url;
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined) out[name.toLowerCase()] = v;
  }
  return out;
}

/** Finds our own error anywhere in the cause chain (undici may wrap connector errors). */
function ownError(e: unknown): FetchError | undefined {
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (isNewsbriefError(cur)) return cur as FetchError;
  }
  return undefined;
}

/** Maps whatever went wrong to a FetchError with a message for the user. */
function translateError(e: unknown, url: string, timedOut: boolean, options: { timeoutMs: number; idleTimeoutMs: number }): FetchError {
  const own = ownError(e);
  if (own) return own;
  if (timedOut) {
    return new FetchError('FETCH_TIMEOUT', `fetching ${url} took longer than ${options.timeoutMs / 1000} s; try again later`, url, undefined, { cause: e });
  }
  const code = (e as { code?: string }).code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new FetchError('FETCH_TIMEOUT', `${url} stopped answering for ${options.idleTimeoutMs / 1000} s; try again later`, url, undefined, { cause: e });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new FetchError('FETCH_FAILED', `could not find the site ${new URL(url).hostname}; check the link`, url, undefined, { cause: e });
  }
  return new FetchError('FETCH_FAILED', `could not fetch ${url} (${code || (e as Error).message}); check the link or try again later`, url, undefined, { cause: e });
}

/**
 * GETs `input`, following up to 5 redirects, each hop re-checked.
 * @throws FetchError FETCH_BLOCKED, FETCH_FAILED (non-2xx, DNS, TLS…), FETCH_TIMEOUT, FETCH_TOO_LARGE, BAD_INPUT
 */
export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<FetchedResource> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const idleTimeoutMs = Math.min(options.idleTimeoutMs ?? FETCH_IDLE_TIMEOUT_MS, timeoutMs);
  const maxBytes = options.maxBytes ?? FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? FETCH_MAX_REDIRECTS;
  let current = parseHttpUrl(input);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const agent = new Agent({
    connect: createGuardedConnector({
      allowPrivateNetworks: options.allowPrivateNetworks === true,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      ...(options.isAllowedAddress ? { isAllowedAddress: options.isAllowedAddress } : {}),
      connectTimeoutMs: idleTimeoutMs,
    }),
    headersTimeout: idleTimeoutMs,
    bodyTimeout: idleTimeoutMs,
    // One request per hop; nothing to pipeline or keep.
    pipelining: 0,
  });

  const redirects: string[] = [];
  try {
    for (;;) {
      const res = await request(current, {
        dispatcher: agent,
        method: 'GET',
        signal: controller.signal,
        // Fresh headers per hop: no cookies, no credentials carried across redirects.
        headers: {
          'user-agent': options.userAgent ?? USER_AGENT,
          accept: ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'en;q=0.9, *;q=0.5',
          ...options.headers,
        },
      });
      const location = headerValue(res.headers, 'location');
      if (REDIRECT_STATUSES.has(res.statusCode) && location) {
        discardBody(res.body);
        if (redirects.length >= maxRedirects) {
          throw new FetchError('FETCH_FAILED', `${input} redirects more than ${maxRedirects} times; send the final link instead`, input);
        }
        redirects.push(current.href);
        current = parseHttpUrl(new URL(location, current).href);
        continue;
      }
      if (res.statusCode === 304 && options.allowNotModified) {
        discardBody(res.body);
        return { url: current.href, status: 304, body: Buffer.alloc(0), redirects, headers: flattenHeaders(res.headers) };
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        discardBody(res.body);
        throw new FetchError('FETCH_FAILED', `the site answered HTTP ${res.statusCode} for ${current.href}`, current.href, res.statusCode);
      }
      const length = Number(headerValue(res.headers, 'content-length') ?? NaN);
      if (Number.isFinite(length) && length > maxBytes) {
        discardBody(res.body);
        throw new FetchError('FETCH_TOO_LARGE', `the page at ${current.href} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, current.href, res.statusCode);
      }
      const body = await readLimitedBody(res.body, headerValue(res.headers, 'content-encoding'), maxBytes, current.href);
      const contentType = headerValue(res.headers, 'content-type');
      return { url: current.href, status: res.statusCode, ...(contentType ? { contentType } : {}), body, redirects, headers: flattenHeaders(res.headers) };
    }
  } catch (e) {
    throw translateError(e, current.href, timedOut, { timeoutMs, idleTimeoutMs });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
    agent.destroy().catch(() => {
      // Sockets already closed; nothing to clean.
    });
  }
}

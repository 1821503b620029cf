/**
 * The safe fetcher as the digest's HttpGet: same address guard and limits, plus conditional
 * request headers and 304 Not Modified passed through as a status.
 */
import type { HttpGet } from '../digest/seams.js';
import { safeFetch, type SafeFetchOptions } from './safe-fetch.js';

export function createSafeHttpGet(options: SafeFetchOptions = {}): HttpGet {
  return async (url, init) => {
    const res = await safeFetch(url, { ...options, headers: init.headers, allowNotModified: true });
    return {
      status: res.status,
      headers: { ...res.headers, ...(res.contentType ? { 'content-type': res.contentType } : {}) },
      body: res.body,
      finalUrl: res.url,
    };
  };
}

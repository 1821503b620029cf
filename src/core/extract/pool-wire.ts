/**
 * The messages between the extraction pool and its workers. Errors cross the thread boundary
 * as plain data (structured clone keeps neither the class nor `code`), so the main side can
 * rebuild the same NewsbriefError and the user sees the same message as in-process.
 */
import { FetchError, NewsbriefError, type ErrorCode } from '../errors.js';
import type { Article } from '../model.js';
import type { ExtractOptions } from './article.js';

/** Main → worker: one page to extract. */
export interface ExtractRequest {
  id: number;
  html: string;
  options: ExtractOptions;
}

/** An error as data: a NewsbriefError keeps name, code (and a FetchError its url/status); a bug keeps its stack. */
export interface WireError {
  name: string;
  message: string;
  code?: ErrorCode;
  url?: string;
  status?: number;
  stack?: string;
}

/** Worker → main: `ready` once the extraction modules are loaded, then one reply per request. */
export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; article: Article } | { type: 'failed'; id: number; error: WireError };

/** Flattens a thrown value for postMessage. */
export function toWireError(err: unknown): WireError {
  if (err instanceof FetchError) {
    return { name: err.name, message: err.message, code: err.code, url: err.url, ...(err.status !== undefined ? { status: err.status } : {}) };
  }
  if (err instanceof NewsbriefError) return { name: err.name, message: err.message, code: err.code };
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

/** Rebuilds the error class the worker threw; anything that was not a NewsbriefError stays a plain Error (a bug). */
export function fromWireError(wire: WireError): Error {
  if (wire.code && wire.name === 'FetchError' && wire.url !== undefined) return new FetchError(wire.code, wire.message, wire.url, wire.status);
  if (wire.code) return new NewsbriefError(wire.code, wire.message);
  const err = new Error(wire.message);
  err.name = wire.name;
  if (wire.stack) err.stack = wire.stack;
  return err;
}

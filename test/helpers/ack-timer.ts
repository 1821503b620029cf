/**
 * Times, inside the server process, how long each HTTP request takes from arrival (headers parsed)
 * to its response being handed to the OS, using Node's built-in http diagnostics channels.
 * For Slack requests that is the time to ack; it excludes the load generator's own delays.
 */
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AckTimer {
  /** Milliseconds per finished request whose path matched, in finishing order. */
  readonly samples: number[];
  stop(): void;
}

/** Start timing server responses for request paths starting with `pathPrefix`. */
export function startAckTimer(pathPrefix = '/slack/events'): AckTimer {
  const started = new WeakMap<IncomingMessage, number>();
  const samples: number[] = [];
  const onStart = (msg: unknown) => {
    const { request } = msg as { request: IncomingMessage };
    if (request.url?.startsWith(pathPrefix)) started.set(request, performance.now());
  };
  const onFinish = (msg: unknown) => {
    const { request } = msg as { request: IncomingMessage; response: ServerResponse };
    const t = started.get(request);
    if (t !== undefined) samples.push(performance.now() - t);
  };
  diagnostics.subscribe('http.server.request.start', onStart);
  diagnostics.subscribe('http.server.response.finish', onFinish);
  return {
    samples,
    stop: () => {
      diagnostics.unsubscribe('http.server.request.start', onStart);
      diagnostics.unsubscribe('http.server.response.finish', onFinish);
    },
  };
}

/** The p-th percentile (0..1) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? NaN;
}

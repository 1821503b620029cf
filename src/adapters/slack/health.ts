/**
 * `GET /healthz`: 200 once the bot is connected and ready, 503 before (and after stop).
 * In HTTP mode it is a custom route on Bolt's own server; in Socket Mode a tiny server of its own.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute } from '@slack/bolt';

export const HEALTH_PATH = '/healthz';

/** Answer a health probe from the current readiness. */
export function answerHealth(isReady: () => boolean, res: ServerResponse): void {
  const ready = isReady();
  res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ status: ready ? 'ok' : 'starting' }));
}

/** The route for Bolt's HTTPReceiver. */
export const healthRoute = (isReady: () => boolean): CustomRoute => ({
  path: HEALTH_PATH,
  method: ['GET'],
  handler: (_req, res) => answerHealth(isReady, res),
});

/** A stand-alone health server (Socket Mode has no HTTP listener of its own). */
export async function startHealthServer(isReady: () => boolean, port: number, host?: string): Promise<http.Server> {
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === HEALTH_PATH) return answerHealth(isReady, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export const portOf = (server: http.Server | undefined): number | undefined =>
  (server?.address() as AddressInfo | null)?.port;

/** Close a server, dropping keep-alive sockets so close() does not hang. */
export async function closeServer(server: http.Server | undefined): Promise<void> {
  if (!server?.listening) return;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

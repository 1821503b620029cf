/**
 * A small local HTTP server on an ephemeral port for tests: pages, feeds, fake APIs.
 * Routes are plain node:http handlers; every request is recorded so SSRF tests can assert
 * that the server saw none.
 *
 * @example
 * const server = await startHttpServer({ '/a': (req, res) => res.end('hi') });
 * await fetch(`${server.url}/a`);
 * expect(server.requests).toHaveLength(1);
 * await server.close();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route; its return value is ignored (so `(req, res) => res.end(...)` is fine). */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestHttpServer {
  /** `http://127.0.0.1:<port>` (or the host given), no trailing slash. */
  url: string;
  port: number;
  host: string;
  requests: RecordedRequest[];
  /** Adds or replaces a route. */
  route(path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

/** Starts a server; unknown paths answer 404. `host` defaults to 127.0.0.1. */
export async function startHttpServer(routes: Record<string, RouteHandler> = {}, host = '127.0.0.1'): Promise<TestHttpServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    host,
    requests,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

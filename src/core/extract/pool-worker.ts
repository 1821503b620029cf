/**
 * Worker-thread entry of the extraction pool: loads the extractor once, then answers one page
 * at a time. Runs as dist/…/pool-worker.js when built, or as this .ts file under tsx/vitest.
 */
import { parentPort } from 'node:worker_threads';
import { extractArticle } from './article.js';
import { toWireError, type ExtractRequest, type WorkerMessage } from './pool-wire.js';

const port = parentPort;
if (!port) throw new Error('pool-worker.ts runs only as a worker thread of createExtractionPool');

port.on('message', (request: ExtractRequest) => {
  let reply: WorkerMessage;
  try {
    reply = { type: 'done', id: request.id, article: extractArticle(request.html, request.options) };
  } catch (err) {
    reply = { type: 'failed', id: request.id, error: toWireError(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);

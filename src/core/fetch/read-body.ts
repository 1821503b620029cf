/**
 * Reads a response body through its Content-Encoding decoders, counting bytes AFTER
 * decompression while streaming, so gzip and brotli bombs stop at the limit.
 */
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from '../errors.js';

/** Drops a body we will not read. undici reports the abort as an 'error' event: swallow it. */
export function discardBody(body: Readable): void {
  body.on('error', () => {
    // Expected: we aborted it.
  });
  body.destroy();
}

function decoderFor(encoding: string, url: string): NodeJS.ReadWriteStream | undefined {
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FetchError('FETCH_FAILED', `the site sent ${url} with an encoding newsbrief cannot read (${encoding})`, url);
  }
}

/**
 * Decodes and collects `body`.
 * @throws FetchError FETCH_TOO_LARGE once more than `maxBytes` decoded bytes arrive.
 */
export async function readLimitedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  // Encodings are listed in the order they were applied; undo them in reverse.
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .reverse();
  let decoders: NodeJS.ReadWriteStream[];
  try {
    decoders = encodings.flatMap((e) => decoderFor(e, url) ?? []);
  } catch (e) {
    discardBody(body);
    throw e;
  }
  const stream: Readable =
    decoders.length === 0
      ? body
      : (pipeline([body, ...decoders] as unknown as [Readable, NodeJS.ReadWriteStream], () => {
          // Errors surface through the iteration below.
        }) as unknown as Readable);

  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) {
        throw new FetchError(
          'FETCH_TOO_LARGE',
          `the page at ${url} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; newsbrief stops reading there`,
          url,
        );
      }
      chunks.push(buf);
    }
  } catch (e) {
    discardBody(body);
    if (e instanceof FetchError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
      throw new FetchError('FETCH_FAILED', `the site sent a damaged compressed page for ${url}`, url, undefined, { cause: e });
    }
    throw e;
  }
  return Buffer.concat(chunks, total);
}

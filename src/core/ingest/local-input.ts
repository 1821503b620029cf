/**
 * Files and standard input given to the CLI: the same questions a fetched page gets (is it a web
 * page, plain text, a feed, a PDF?) answered from the bytes alone, since there is no Content-Type.
 * A saved page that was gzip-compressed is unpacked first; other binary data is refused instead of
 * being "briefed" as if it were text.
 */
import { gunzipSync } from 'node:zlib';
import { NewsbriefError } from '../errors.js';
import { classifyContent } from '../fetch/content-kind.js';
import { decodeText } from '../fetch/decode-text.js';

export interface LocalInput {
  kind: 'html' | 'text';
  text: string;
}

const GZIP_MAGIC = [0x1f, 0x8b];
/** Bytes looked at to tell text from binary data. */
const SNIFF_BYTES = 8192;
/** Control characters other than tab, newline, form feed and carriage return; NUL never occurs in text. */
const BINARY_BYTE = (b: number): boolean => b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f;
/** Text has next to none of them; more than this share means binary data. */
const MAX_BINARY_SHARE = 0.02;

const isGzip = (body: Buffer): boolean => body[0] === GZIP_MAGIC[0] && body[1] === GZIP_MAGIC[1];

function looksBinary(body: Buffer): boolean {
  const head = body.subarray(0, SNIFF_BYTES);
  // UTF-16 text has NULs; its byte-order mark says so and decodeText reads it.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  let binary = 0;
  for (const b of head) if (BINARY_BYTE(b)) binary += 1;
  return head.includes(0) || binary / Math.max(head.length, 1) > MAX_BINARY_SHARE;
}

/**
 * Decides what local bytes are and decodes them.
 * @param body - the file's or standard input's bytes
 * @param name - how to name the input in messages ("page.html", "standard input")
 * @param maxBytes - the unpacked size limit (the same as for fetched pages)
 * @throws NewsbriefError UNSUPPORTED_CONTENT for binary data, PDFs and media; IS_FEED for a feed; FETCH_TOO_LARGE when too big
 */
export function readLocalInput(body: Buffer, name: string, maxBytes: number): LocalInput {
  let bytes = body;
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (err) {
      const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || (err as Error).message.includes('maxOutputLength');
      throw tooBig
        ? new NewsbriefError('FETCH_TOO_LARGE', `${name} unpacks to more than ${Math.round(maxBytes / 1_000_000)} MB; newsbrief reads pages up to that size`, { cause: err })
        : new NewsbriefError('UNSUPPORTED_CONTENT', `${name} is damaged gzip data; unpack it and try again`, { cause: err });
    }
  }
  if (bytes.length > maxBytes) {
    throw new NewsbriefError('FETCH_TOO_LARGE', `${name} is larger than ${Math.round(maxBytes / 1_000_000)} MB; newsbrief reads pages up to that size`);
  }
  // PDFs, images and feeds get the same answers as when linked.
  const kind = classifyContent('text/plain', bytes);
  if (looksBinary(bytes)) {
    throw new NewsbriefError('UNSUPPORTED_CONTENT', `${name} is not text or a web page (it looks like binary data); newsbrief can only brief web pages and plain text`);
  }
  return { kind: kind === 'html' ? 'html' : 'text', text: decodeText(bytes, kind === 'html' ? 'text/html' : 'text/plain') };
}

/**
 * Small I/O helpers for the CLI: read a whole stream, read an input argument (url | file | -) and
 * turn it into an Article.
 */
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Article } from '../../core/model.js';
import { readLocalInput } from '../../core/ingest/local-input.js';
import type { App } from '../../main.js';
import { UsageError } from './args.js';

export async function readAllBytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function readAll(stream: Readable): Promise<string> {
  return (await readAllBytes(stream)).toString('utf8');
}

export type InputSource = { kind: 'url'; url: string } | { kind: 'bytes'; body: Buffer; name: string };

/** Resolves `<url | file | ->` to a URL or the bytes of the file / stdin. */
export async function readInputSource(arg: string | undefined, stdin: Readable, command: string): Promise<InputSource> {
  if (!arg) throw new UsageError(`${command}: missing input: give a link, a file or - for standard input`);
  if (/^https?:\/\//i.test(arg)) return { kind: 'url', url: arg };
  if (arg === '-') return { kind: 'bytes', body: await readAllBytes(stdin), name: 'standard input' };
  try {
    return { kind: 'bytes', body: await fs.readFile(arg), name: arg };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${command}: cannot read ${arg}${code === 'ENOENT' ? ': no such file' : code ? `: ${code}` : ''}`);
  }
}

/**
 * The article of an input: a link is fetched; a file or standard input is read as a web page or as
 * plain text by what it contains (a saved .html page, gzip-compressed or not, is extracted like a
 * fetched one).
 * @throws NewsbriefError as loading a link does, and UNSUPPORTED_CONTENT for binary data
 */
export async function loadInputArticle(app: App, source: InputSource): Promise<Article> {
  if (source.kind === 'url') return app.articles.loadUrl(source.url);
  const input = readLocalInput(source.body, source.name, app.config.fetch.maxBytes);
  return input.kind === 'html' ? await app.articles.extractHtml(input.text) : app.articles.fromText(input.text);
}

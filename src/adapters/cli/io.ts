/**
 * Small I/O helpers for the CLI: read a whole stream, read an input argument (url | file | -).
 */
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { UsageError } from './args.js';

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export type InputSource = { kind: 'url'; url: string } | { kind: 'text'; text: string; name: string };

/** Resolves `<url | file | ->` to a URL or the text of the file / stdin. */
export async function readInputSource(arg: string | undefined, stdin: Readable, command: string): Promise<InputSource> {
  if (!arg) throw new UsageError(`${command}: missing input: give a link, a file or - for standard input`);
  if (/^https?:\/\//i.test(arg)) return { kind: 'url', url: arg };
  if (arg === '-') return { kind: 'text', text: await readAll(stdin), name: 'standard input' };
  try {
    return { kind: 'text', text: await fs.readFile(arg, 'utf8'), name: arg };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${command}: cannot read ${arg}${code === 'ENOENT' ? ': no such file' : code ? `: ${code}` : ''}`);
  }
}

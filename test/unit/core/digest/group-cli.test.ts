import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runGroupJsonl } from '../../../../src/core/digest/group/cli-group.js';

async function run(lines: string[]): Promise<unknown[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await runGroupJsonl(Readable.from([lines.join('\n')]), output);
  output.end();
  return Buffer.concat(chunks)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}

describe('runGroupJsonl', () => {
  it('writes one story line per item, in input order', async () => {
    const out = await run([
      JSON.stringify({ id: 'b', title: 'Pizza chain Sbarro files for Chapter 11 bankruptcy again', published: '2014-03-10T00:00:00Z' }),
      JSON.stringify({ id: 'x', title: 'Elephants can tell human voices apart', published: '2014-03-11T00:00:00Z' }),
      JSON.stringify({ id: 'a', title: 'Sbarro files for bankruptcy for the second time', summary: null, published: '2014-03-10T00:00:00Z' }),
    ]);
    expect(out).toEqual([
      { id: 'b', story: 'a' },
      { id: 'x', story: 'x' },
      { id: 'a', story: 'a' },
    ]);
  });

  it('answers a bad line with an error and still groups the rest', async () => {
    const out = await run([
      'not json',
      JSON.stringify({ id: 'no-title' }),
      '',
      JSON.stringify({ id: 'ok', title: 'Honda makes Acura a standalone division' }),
    ]);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(out[1]).toEqual({ id: 'no-title', error: expect.stringContaining('"title"') });
    expect(out[2]).toEqual({ id: 'ok', story: 'ok' });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCliForTest } from '../helpers/run-cli.js';

const SEED = path.join(import.meta.dirname, '..', 'fixtures', 'seed-article.txt');

describe('newsbrief CLI', () => {
  it('briefs the bundled sample article for a person: title, numbered points, source', async () => {
    const { code, stdout } = await runCliForTest(['brief', SEED]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/Russia/);
    expect(stdout).toMatch(/^ 1\. /m);
    expect(stdout).toMatch(/^ 3\. /m);
    expect(stdout).toMatch(/Report Wire/);
  });

  it('prints the Briefing as JSON with --json', async () => {
    const { code, stdout } = await runCliForTest(['brief', SEED, '--json']);
    expect(code).toBe(0);
    const briefing = JSON.parse(stdout);
    expect(briefing.points.length).toBeGreaterThanOrEqual(3);
    expect(briefing.points.length).toBeLessThanOrEqual(5);
    for (const p of briefing.points) expect(p.split(/\s+/).length).toBeLessThanOrEqual(40);
    expect(briefing).toHaveProperty('entities.people');
    expect(typeof briefing.createdAt).toBe('string');
  });

  it('reads the article from standard input with -', async () => {
    const text = 'Storm hits coast\n\nA storm hit the coast on Sunday, cutting power to 20,000 homes. Crews worked through the night to restore it. Schools will stay closed on Monday. The weather service expects calmer winds by Tuesday afternoon.';
    const { code, stdout } = await runCliForTest(['brief', '-', '--json'], { stdin: text });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).points.join(' ')).toMatch(/20,000 homes/);
  });

  it('briefs a saved web page, plain or gzip-compressed, like the page behind a link (not its markup)', async () => {
    const page = path.join(import.meta.dirname, '..', 'fixtures', 'articles', 'jpost.html');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-cli-'));
    const packed = path.join(dir, 'jpost.html.gz');
    fs.writeFileSync(packed, zlib.gzipSync(fs.readFileSync(page)));
    for (const file of [page, packed]) {
      const { code, stdout } = await runCliForTest(['brief', file, '--json']);
      expect(code, file).toBe(0);
      const briefing = JSON.parse(stdout);
      expect(briefing.title).toMatch(/Son of former German president stabbed/);
      expect(briefing.points.join(' ')).toMatch(/stabbed/);
      expect(briefing.points.join(' ')).not.toMatch(/<\/?[a-z]+[\s>]|\{"/i);
    }
  });

  it('refuses a binary file or a PDF with one clear line instead of briefing gibberish', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbrief-cli-'));
    const binary = path.join(dir, 'photo.bin');
    fs.writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const pdf = path.join(dir, 'report.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    const bin = await runCliForTest(['brief', binary]);
    expect(bin.code).toBe(1);
    expect(bin.stdout).toBe('');
    expect(bin.stderr.trim().split('\n')).toHaveLength(1);
    expect(bin.stderr).toMatch(/photo\.bin is not text or a web page/);
    const doc = await runCliForTest(['brief', pdf]);
    expect(doc.code).toBe(1);
    expect(doc.stderr).toMatch(/PDF/);
  });

  it('never passes terminal control sequences from an article to the terminal', async () => {
    const text = 'Storm hits coast \u001b]0;owned\u0007\n\nA storm hit the coast on Sunday, cutting power to 20,000 homes.\u001b[2J Crews worked through the night to restore it.\r Schools will stay closed on Monday. The weather service expects calmer winds by Tuesday afternoon.';
    const { code, stdout } = await runCliForTest(['brief', '-'], { stdin: text });
    expect(code).toBe(0);
    expect(stdout).toMatch(/20,000 homes/);
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('writes exactly one line per input line in summarize --jsonl, in order, and keeps going after bad lines', async () => {
    const article = 'The council approved the new budget on Tuesday. It raises spending on schools by 4 percent. Critics said the plan ignores roads. The mayor will sign it next week. Voters will have a say in May.';
    const input = [
      JSON.stringify({ id: 'a', text: article }),
      '',
      'not json',
      JSON.stringify({ id: 'b', text: '' }),
      JSON.stringify({ id: 'c', title: 'Budget', text: article }),
    ].join('\n');
    const { code, stdout } = await runCliForTest(['summarize', '--jsonl'], { stdin: input });
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out.map((o) => o.id)).toEqual(['a', null, null, 'b', 'c']);
    expect(out[0].points.length).toBeGreaterThan(0);
    expect(out[1].error).toMatch(/empty/);
    expect(out[2].error).toMatch(/JSON/);
    expect(out[3].error).toMatch(/text/);
    expect(out[4].points).toEqual(out[0].points);
  });

  it('reports how long each summarized line took with summarize --jsonl --timings, on standard error only', async () => {
    const article = 'The council approved the new budget on Tuesday. It raises spending on schools by 4 percent. Critics said the plan ignores roads. The mayor will sign it next week.';
    const input = [JSON.stringify({ id: 'a', text: article }), 'not json', JSON.stringify({ id: 'b', text: article })].join('\n');
    const { code, stdout, stderr } = await runCliForTest(['summarize', '--jsonl', '--timings'], { stdin: input });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(3);
    expect(stderr).toMatch(/^summarized 2 lines: median \d+\.\d ms, p95 \d+\.\d ms per line \(CPU: median \d+\.\d ms, p95 \d+\.\d ms\)\n$/);
  });

  it('prints one line and exits 2 on an unknown flag, a missing input or an unknown command', async () => {
    for (const argv of [['brief', '--bogus', SEED], ['brief'], ['summarize'], ['frobnicate'], ['extract'], ['why', 'https://x.example/a'], ['why', 'https://x.example/a', '--channel', 'irc:x']]) {
      const { code, stderr } = await runCliForTest(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });

  it('has --help for the tool and for every command', async () => {
    const top = await runCliForTest(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['brief', 'summarize', 'extract', 'ask', 'quotes', 'who', 'digest', 'group', 'why', 'start', 'discord']) {
      expect(top.stdout).toContain(name);
      const { code, stdout } = await runCliForTest([name, '--help']);
      expect(code, name).toBe(0);
      expect(stdout, name).toMatch(/^Usage: newsbrief/);
    }
  });

  it('says why a file cannot be read, in one line, exit 2', async () => {
    const { code, stderr } = await runCliForTest(['brief', '/nonexistent/article.txt']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such file/);
  });

  it('explains an item nobody has seen with why, for a channel given on the command line', async () => {
    const { code, stdout } = await runCliForTest(['why', 'https://news.example/story', '--channel', 'slack:T1:C1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/None of this channel.s feeds has carried https:\/\/news.example\/story/);
  });

  it('extracts an article from HTML on standard input, as text or as JSON with its metadata', async () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'articles', 'jpost.html'), 'utf8');
    const text = await runCliForTest(['extract', '--html', '-'], { stdin: html });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^The son of former German President Richard von Weizsäcker/);
    const json = await runCliForTest(['extract', '--html', '-', '--url', 'https://www.jpost.com/x', '--json'], { stdin: html });
    expect(JSON.parse(json.stdout)).toMatchObject({ title: 'Son of former German president stabbed to death in Berlin', siteName: 'The Jerusalem Post' });
  });

  it('says in one line that a page has no article, exit 1', async () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'pages', 'home-page.html'), 'utf8');
    const { code, stderr, stdout } = await runCliForTest(['extract', '--html', '-'], { stdin: html });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/no article found/i);
  });
});

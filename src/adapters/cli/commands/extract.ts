/** `newsbrief extract --html - [--url URL] [--json]`: the article text of an HTML page. */
import type { CliCommand } from '../command.js';
import { write } from '../command.js';
import { UsageError } from '../args.js';
import { readAll } from '../io.js';
import { formatExtractJson } from '../../../core/ingest/index.js';

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'extract the article text (and metadata) from HTML on standard input',
  usage: `Usage: newsbrief extract --html - [--url URL] [--json]

Reads an HTML page on standard input and prints the article's text, paragraphs separated by blank lines.
  --url URL    the page's address, to resolve relative links and identify the site
  --json       print the text with its metadata (title, byline, site, published time, canonical URL, language)`,
  options: { html: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, ctx) {
    if (values.html !== '-') throw new UsageError('extract: give the page on standard input with --html -');
    if (positionals.length) throw new UsageError(`extract: unexpected argument "${positionals[0]}"`);
    const html = await readAll(ctx.stdin);
    const app = await ctx.app();
    const article = await app.articles.extractHtml(html, typeof values.url === 'string' ? values.url : undefined);
    write(ctx.stdout, values.json ? formatExtractJson(article) : article.text);
    return 0;
  },
};

/** `newsbrief brief <url | file | ->`: the briefing of one article. */
import type { CliCommand } from '../command.js';
import { write } from '../command.js';
import { UsageError } from '../args.js';
import { loadInputArticle, readInputSource } from '../io.js';
import { formatReplyText } from '../format.js';
import { briefingToReply } from '../../../core/commands/index.js';
import type { SummarizerName } from '../../../core/model.js';

export function parseSummarizerFlag(value: unknown, command: string): SummarizerName | undefined {
  if (value === undefined) return undefined;
  if (value === 'extractive' || value === 'llm') return value;
  throw new UsageError(`${command}: --summarizer must be extractive or llm, got "${String(value)}"`);
}

export const briefCommand: CliCommand = {
  name: 'brief',
  summary: 'brief an article: a link, a text file, or - for standard input',
  usage: `Usage: newsbrief brief <url | file | -> [--json] [--summarizer extractive|llm]

Prints the briefing of the article: title, numbered points, the key quote, what happens next and the source.
  --json                 print the Briefing as JSON
  --summarizer NAME      extractive (default, local) or llm (needs LLM_BASE_URL and LLM_MODEL)`,
  options: { json: { type: 'boolean' }, summarizer: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    if (positionals.length > 1) throw new UsageError(`brief: expected one input, got ${positionals.length}`);
    const name = parseSummarizerFlag(values.summarizer, 'brief');
    const source = await readInputSource(positionals[0], ctx.stdin, 'brief');
    const app = await ctx.app();
    const article = await loadInputArticle(app, source);
    const briefing = await app.summarizer(name).summarize(article);
    write(ctx.stdout, values.json ? JSON.stringify(briefing, null, 2) : formatReplyText(briefingToReply(briefing)));
    return 0;
  },
};

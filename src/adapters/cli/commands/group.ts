/** `newsbrief group --jsonl`: story grouping on its own, for evaluation and debugging. */
import type { CliCommand } from '../command.js';
import { UsageError } from '../args.js';

export const groupCommand: CliCommand = {
  name: 'group',
  summary: 'group news items (JSON lines on standard input) into stories',
  usage: `Usage: newsbrief group --jsonl

Reads items {"id", "title", "summary"?, "url"?, "source"?, "published"?} on standard input and writes one
{"id", "story"} line per item, in input order.`,
  options: { jsonl: { type: 'boolean' } },
  async run({ values, positionals }, ctx) {
    if (!values.jsonl) throw new UsageError('group: --jsonl is required (the only input format)');
    if (positionals.length) throw new UsageError(`group: unexpected argument "${positionals[0]}"`);
    const app = await ctx.app();
    await app.groupJsonl(ctx.stdin, ctx.stdout);
    return 0;
  },
};

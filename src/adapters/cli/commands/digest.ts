/** `newsbrief digest --feed URL … [--since 24h] [--json]`: a digest without any chat platform. */
import type { CliCommand } from '../command.js';
import { write } from '../command.js';
import { UsageError } from '../args.js';
import { formatReplyText } from '../format.js';

/** Parses "24h", "90m", "2d", "1w" into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|h|d|w)$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2]!.toLowerCase() as 'm']!;
  return Number(m[1]) * unit;
}

export const digestCommand: CliCommand = {
  name: 'digest',
  summary: 'build a digest of one or more feeds, grouped by story',
  usage: `Usage: newsbrief digest --feed URL [--feed URL ...] [--since 24h] [--max N] [--json]

Fetches the feeds, groups their items into stories (one story, several sources), ranks them and prints the top ones.
  --since DURATION   only items published within this time (e.g. 90m, 24h, 7d; default 24h)
  --max N            stories to show (default 8)
  --json             {"stories": [{"title", "points", "sources": [{"url", "title", "feed"}]}], "brokenFeeds": [...]}`,
  options: { feed: { type: 'string', multiple: true }, since: { type: 'string' }, max: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, ctx) {
    const feeds = (values.feed as string[] | undefined) ?? [];
    if (!feeds.length) throw new UsageError('digest: give at least one --feed URL');
    if (positionals.length) throw new UsageError(`digest: unexpected argument "${positionals[0]}" (use --feed URL)`);
    const sinceMs = parseDuration(typeof values.since === 'string' ? values.since : '24h');
    if (sinceMs === undefined) throw new UsageError(`digest: --since must look like 90m, 24h or 7d, got "${String(values.since)}"`);
    const max = values.max === undefined ? undefined : Number(values.max);
    if (max !== undefined && !(Number.isInteger(max) && max > 0)) throw new UsageError(`digest: --max must be a positive whole number`);
    const app = await ctx.app();
    const result = await app.digestForFeeds(feeds, { sinceMs, ...(max ? { maxStories: max } : {}) });
    write(ctx.stdout, values.json ? JSON.stringify(result.json, null, 2) : formatReplyText(result.reply));
    return 0;
  },
};

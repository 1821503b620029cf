/** `newsbrief why <url> --channel platform:workspace:channel`: what happened to a feed item in a channel. */
import type { CliCommand } from '../command.js';
import { write } from '../command.js';
import { UsageError } from '../args.js';
import { formatReplyText } from '../format.js';
import type { ChannelRef } from '../../../core/model.js';

/** Parses `slack:T0123:C0456` or `discord:<guild>:<channel>`. */
export function parseChannelRef(text: string): ChannelRef | undefined {
  const [platform, workspace, channel, ...rest] = text.split(':');
  if (rest.length || !workspace || !channel || (platform !== 'slack' && platform !== 'discord' && platform !== 'cli')) return undefined;
  return { platform, workspace, channel };
}

export const whyCommand: CliCommand = {
  name: 'why',
  summary: 'explain what happened to a feed item in a channel (for operators)',
  usage: `Usage: newsbrief why <item url> --channel <platform:workspace:channel> [--json]

Reads the bot's database (DATABASE_URL) and says whether the item is still waiting, which digest delivered it,
which rule filtered it, or which story it was grouped into — what /brief why <url> answers in that channel.
  --channel   e.g. slack:T0123ABC:C0456DEF or discord:<server id>:<channel id>`,
  options: { channel: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, ctx) {
    const [url, ...rest] = positionals;
    if (!url) throw new UsageError('why: missing the item link: newsbrief why <url> --channel slack:T…:C…');
    if (rest.length) throw new UsageError(`why: unexpected argument "${rest[0]}"`);
    const channel = typeof values.channel === 'string' ? parseChannelRef(values.channel) : undefined;
    if (!channel) throw new UsageError('why: --channel must look like slack:T0123:C0456 or discord:<server>:<channel>');
    const app = await ctx.app();
    const reply = await app.core().handle({ channel, user: 'cli', canManage: true, text: `why ${url}` });
    write(ctx.stdout, values.json ? JSON.stringify(reply, null, 2) : formatReplyText(reply));
    return reply.kind === 'error' ? 1 : 0;
  },
};

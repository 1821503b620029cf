/** `newsbrief discord register [--guild ID]`: put the /brief command definitions through Discord's REST API. */
import type { CliCommand } from '../command.js';
import { write } from '../command.js';
import { UsageError } from '../args.js';

export const discordCommand: CliCommand = {
  name: 'discord',
  summary: 'register the /brief command with Discord (discord register [--guild ID])',
  usage: `Usage: newsbrief discord register [--guild ID]

Registers /brief for one server (--guild, instant; for development) or globally (may take up to an hour to appear).
Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID. Starting the bot never re-registers.`,
  options: { guild: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    if (positionals[0] !== 'register' || positionals.length > 1) throw new UsageError('discord: the only action is "register" (newsbrief discord register [--guild ID])');
    const app = await ctx.app();
    const count = await app.registerDiscordCommands(typeof values.guild === 'string' ? values.guild : undefined);
    write(ctx.stdout, `Registered ${count} command(s) ${values.guild ? `in server ${values.guild}` : 'globally'}.`);
    return 0;
  },
};

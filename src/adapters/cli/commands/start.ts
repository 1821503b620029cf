/** `newsbrief start`: run the schedules and every adapter whose credentials are set. */
import type { CliCommand } from '../command.js';
import { UsageError } from '../args.js';

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'run the bot: Slack and/or Discord (whichever has credentials) and the digest schedules',
  usage: `Usage: newsbrief start

Starts every adapter whose credentials are set (SLACK_BOT_TOKEN…, DISCORD_TOKEN…), the HTTP server
(/slack/events, /healthz on PORT) and the digest schedules. Stops cleanly on SIGINT/SIGTERM.`,
  options: {},
  async run({ positionals }, ctx) {
    if (positionals.length) throw new UsageError(`start: unexpected argument "${positionals[0]}"`);
    const app = await ctx.app();
    const running = await app.start();
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await running.stop();
    return 0;
  },
};

/**
 * The CLI's dispatcher: `newsbrief <command> [options]`. In-process and testable: returns an exit code.
 * 0 ok · 1 the work failed (bad link, not an article …) · 2 usage error.
 */
import type { Readable, Writable } from 'node:stream';
import { loadConfig, type Config } from '../../config/index.js';
import { isNewsbriefError } from '../../core/errors.js';
import type { App } from '../../main.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliCommand, CliContext } from './command.js';
import { write } from './command.js';
import { briefCommand } from './commands/brief.js';
import { digestCommand } from './commands/digest.js';
import { discordCommand } from './commands/discord.js';
import { extractCommand } from './commands/extract.js';
import { askCommand, quotesCommand, whoCommand } from './commands/followups.js';
import { groupCommand } from './commands/group.js';
import { startCommand } from './commands/start.js';
import { storeCommand } from './commands/store.js';
import { summarizeCommand } from './commands/summarize.js';
import { whyCommand } from './commands/why.js';

/** Every command, listed explicitly. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  briefCommand,
  summarizeCommand,
  extractCommand,
  askCommand,
  quotesCommand,
  whoCommand,
  digestCommand,
  groupCommand,
  whyCommand,
  startCommand,
  discordCommand,
  storeCommand,
];

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Builds the application; the default is src/main.ts's createApp. */
  createApp: (config: Config) => Promise<App>;
}

function topUsage(): string {
  const width = Math.max(...CLI_COMMANDS.map((c) => c.name.length));
  return [
    'newsbrief — short, faithful briefings of news articles, digests of feeds, and answers about them',
    '',
    'Usage: newsbrief <command> [options]      newsbrief <command> --help',
    '',
    'Commands:',
    ...CLI_COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    write(io.stdout, topUsage());
    return name ? 0 : 2;
  }
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    write(io.stderr, `newsbrief: unknown command "${name}" (see newsbrief --help)`);
    return 2;
  }
  let config: Config | undefined;
  let app: Promise<App> | undefined;
  const ctx: CliContext = {
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    config: () => (config ??= loadConfig({ env: io.env })),
    app: () => (app ??= io.createApp(ctx.config())),
  };
  try {
    const args = parseCommandArgs(rest, command.options, name);
    if (args.values.help) {
      write(io.stdout, command.usage);
      return 0;
    }
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      write(io.stderr, `newsbrief ${err.message}`);
      return 2;
    }
    if (isNewsbriefError(err)) {
      write(io.stderr, `newsbrief: ${err.message}`);
      return err.code === 'CONFIG_INVALID' ? 2 : 1;
    }
    write(io.stderr, `newsbrief: unexpected error: ${(err as Error)?.message ?? String(err)}`);
    return 1;
  } finally {
    if (app) await (await app.catch(() => undefined))?.close();
  }
}

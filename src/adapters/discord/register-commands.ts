/**
 * Explicit command registration (`newsbrief discord register [--guild ID]`). Starting the bot
 * never registers: a PUT replaces the command list and counts against a daily limit.
 */
import { Routes, type APIApplicationCommand } from 'discord.js';
import { commandDefinitions } from './command-definitions.js';
import { createRest, toNewsbriefError } from './rest-client.js';
import type { RegisterCommandsOptions } from './types.js';

/**
 * Put the `/brief` definitions to Discord: in one guild (shows at once; for development) or
 * globally (may take up to an hour to appear everywhere).
 * @returns the commands as Discord stored them
 * @throws NewsbriefError when Discord refuses (bad token, wrong application id)
 */
export async function registerCommands(options: RegisterCommandsOptions): Promise<APIApplicationCommand[]> {
  const rest = createRest(options);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  try {
    return (await rest.put(route, { body: commandDefinitions() })) as APIApplicationCommand[];
  } catch (err) {
    throw toNewsbriefError(err, options.guildId ? `register commands in guild ${options.guildId}` : 'register global commands');
  }
}

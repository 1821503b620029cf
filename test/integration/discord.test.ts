/** The Discord end-to-end suite against the fake core. */
import { describeDiscordAdapter } from './discord.suite.js';
import { createDiscordFakeCore } from '../helpers/discord-fake-core.js';

describeDiscordAdapter('fake core', () => createDiscordFakeCore());
import { createRealCore } from '../helpers/real-core.js';

describeDiscordAdapter('real core', () => createRealCore());

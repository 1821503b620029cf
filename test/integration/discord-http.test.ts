/** The Discord HTTP-endpoint suite against the fake core and the real core. */
import { describeDiscordHttpEndpoint } from './discord-http.suite.js';
import { createDiscordFakeCore } from '../helpers/discord-fake-core.js';
import { createRealCore } from '../helpers/real-core.js';

describeDiscordHttpEndpoint('fake core', () => createDiscordFakeCore());
describeDiscordHttpEndpoint('real core', () => createRealCore());

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';

const KEY = 'a'.repeat(64);
const DISCORD = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1' };

describe('Discord HTTP interactions endpoint configuration', () => {
  it('stays on the gateway with no public key, and defaults path and port', () => {
    const { discord } = loadConfig({ env: DISCORD });
    expect(discord.publicKey).toBeUndefined();
    expect(discord.interactionsPath).toBe('/discord/interactions');
    expect(discord.httpPort).toBe(3001);
  });

  it('reads the public key, path and port', () => {
    const { discord } = loadConfig({ env: { ...DISCORD, DISCORD_PUBLIC_KEY: KEY, DISCORD_INTERACTIONS_PATH: '/hooks/discord', DISCORD_HTTP_PORT: '8081' } });
    expect(discord).toMatchObject({ publicKey: KEY, interactionsPath: '/hooks/discord', httpPort: 8081 });
  });

  it('names the key to fix when the public key is not hex or the bot token is missing', () => {
    expect(() => loadConfig({ env: { ...DISCORD, DISCORD_PUBLIC_KEY: 'not-a-key' } })).toThrow(/DISCORD_PUBLIC_KEY.*64 hex/);
    expect(() => loadConfig({ env: { DISCORD_PUBLIC_KEY: KEY } })).toThrow(/DISCORD_TOKEN is required with DISCORD_PUBLIC_KEY/);
    expect(() => loadConfig({ env: { ...DISCORD, DISCORD_HTTP_PORT: 'x' } })).toThrow(/DISCORD_HTTP_PORT/);
  });
});

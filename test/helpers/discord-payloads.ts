/**
 * INTERACTION_CREATE payloads as Discord sends them (every field discord.js reads), for the
 * fake gateway: slash commands, button clicks, modal submits and autocomplete.
 */
import { PermissionFlagsBits } from 'discord.js';
import { APP_ID, BOT_ID, messageObject } from './fake-discord.js';

/** Who clicks or types, and where. */
export interface Actor {
  guildId: string;
  channelId: string;
  userId?: string;
  userName?: string;
  /** Permission bit set as Discord sends it (a decimal string). */
  permissions?: string;
}

export const MANAGER_PERMISSIONS = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild);
export const MEMBER_PERMISSIONS = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);

let counter = 300000000000000000n;
const nextId = () => String(++counter);

/** Option as Discord nests it: groups (2) contain subcommands (1) contain values (3 string, 4 integer). */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number;
  focused?: boolean;
  options?: RawOption[];
}

function base(actor: Actor, type: number, data: unknown): any {
  const id = nextId();
  return {
    id, application_id: APP_ID, type, token: `itok-${id}-${'x'.repeat(40)}`, version: 1, data,
    guild_id: actor.guildId, channel_id: actor.channelId,
    channel: { id: actor.channelId, type: 0, guild_id: actor.guildId, name: `channel-${actor.channelId}` },
    member: {
      user: { id: actor.userId ?? '400000000000000001', username: actor.userName ?? 'ada', discriminator: '0', avatar: null, global_name: actor.userName ?? 'Ada' },
      roles: [], permissions: actor.permissions ?? MEMBER_PERMISSIONS, joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0,
    },
    app_permissions: MEMBER_PERMISSIONS, locale: 'en-US', guild_locale: 'en-US',
    entitlements: [], authorizing_integration_owners: {}, context: 0,
  };
}

/**
 * `/brief <group?> <subcommand> name:value …`.
 * @example slashPayload(actor, ['schedule', 'set'], { when: 'daily 08:00', timezone: 'Europe/Paris' })
 */
export function slashPayload(actor: Actor, path: [string] | [string, string], values: Record<string, string | number> = {}, type = 2): any {
  const leaf: RawOption[] = Object.entries(values).map(([name, value]) => ({ name, type: typeof value === 'number' ? 4 : 3, value }));
  const sub: RawOption = { name: path[path.length - 1]!, type: 1, options: leaf };
  const options = path.length === 2 ? [{ name: path[0], type: 2, options: [sub] }] : [sub];
  return base(actor, type, { id: '500000000000000001', name: 'brief', type: 1, options, guild_id: actor.guildId });
}

/** An autocomplete request with `focused` being typed. */
export function autocompletePayload(actor: Actor, path: [string, string], focused: string, typed: string): any {
  const payload = slashPayload(actor, path, { [focused]: typed }, 4);
  payload.data.options[0].options[0].options[0].focused = true;
  return payload;
}

/** A click on a button of a bot message. */
export function buttonPayload(actor: Actor, customId: string): any {
  const message = messageObject(nextId(), actor.channelId, { components: [] });
  return { ...base(actor, 3, { custom_id: customId, component_type: 2 }), message: { ...message, author: { ...message.author, id: BOT_ID } } };
}

/** The "Ask" modal submitted with `question`. */
export function modalSubmitPayload(actor: Actor, customId: string, question: string): any {
  return base(actor, 5, {
    custom_id: customId,
    components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: 'question', value: question } }],
  });
}

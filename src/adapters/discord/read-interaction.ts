/**
 * Raw interaction JSON (as Discord sends it over the gateway or to the HTTP endpoint) → the
 * values the adapter routes on. Both transports read interactions here, so a `/brief`, a button
 * or a modal maps to the same CommandInput whichever way it arrived.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  PermissionFlagsBits,
  PermissionsBitField,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIUser,
} from 'discord.js';
import type { CommandInput } from '../../core/model.js';
import type { SlashInvocation } from './map-interaction.js';

/** The kinds of interaction the adapter answers; anything else is `other`. */
export type InteractionKind = 'command' | 'button' | 'modal' | 'autocomplete' | 'ping' | 'other';

/** Which kind of interaction `raw` is (only chat-input commands count as commands). */
export function interactionKind(raw: APIInteraction): InteractionKind {
  switch (raw.type) {
    case InteractionType.Ping: return 'ping';
    case InteractionType.ApplicationCommand: return raw.data.type === ApplicationCommandType.ChatInput ? 'command' : 'other';
    case InteractionType.ApplicationCommandAutocomplete: return 'autocomplete';
    case InteractionType.MessageComponent: return raw.data.component_type === ComponentType.Button ? 'button' : 'other';
    case InteractionType.ModalSubmit: return 'modal';
    default: return 'other';
  }
}

/** The command's name (`brief`), or undefined when `raw` is not a command or autocomplete. */
export function commandName(raw: APIInteraction): string | undefined {
  return raw.type === InteractionType.ApplicationCommand || raw.type === InteractionType.ApplicationCommandAutocomplete ? raw.data.name : undefined;
}

/** A button's or modal's custom id. */
export function customIdOf(raw: APIInteraction): string | undefined {
  return raw.type === InteractionType.MessageComponent || raw.type === InteractionType.ModalSubmit ? raw.data.custom_id : undefined;
}

/** Whether the interaction came from a server (a DM has neither guild nor member). */
export function inGuild(raw: APIInteraction): boolean {
  return Boolean(raw.guild_id && raw.member);
}

type RawOption = APIApplicationCommandInteractionDataOption;

function topOptions(raw: APIInteraction): RawOption[] {
  if (raw.type !== InteractionType.ApplicationCommand && raw.type !== InteractionType.ApplicationCommandAutocomplete) return [];
  return ('options' in raw.data ? raw.data.options : undefined) ?? [];
}

/** Group, subcommand and value options of a `/brief` command or autocomplete. */
export function readInvocation(raw: APIInteraction): SlashInvocation {
  let group: string | null = null;
  let level = topOptions(raw);
  const first = level[0];
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    group = first.name;
    level = first.options;
  }
  const sub = level[0];
  const leaves = sub?.type === ApplicationCommandOptionType.Subcommand ? (sub.options ?? []) : [];
  const options: SlashInvocation['options'] = {};
  for (const leaf of leaves) {
    const value = 'value' in leaf ? leaf.value : undefined;
    if (typeof value === 'string' || typeof value === 'number') options[leaf.name] = value;
  }
  return { group, subcommand: sub?.name ?? '', options };
}

/** The option being typed in an autocomplete, with what has been typed so far. */
export function focusedOption(raw: APIInteraction): { name: string; value: string } | undefined {
  const search = (options: readonly RawOption[]): { name: string; value: string } | undefined => {
    for (const option of options) {
      if ('focused' in option && option.focused) return { name: option.name, value: String(option.value) };
      if ('options' in option && option.options) {
        const found = search(option.options as RawOption[]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(topOptions(raw));
}

/**
 * The value of text input `customId` in a submitted modal, in either layout Discord sends:
 * label components (`{type:18, component}`) or legacy action rows (`{type:1, components:[…]}`).
 */
export function modalValue(raw: APIInteraction, customId: string): string | undefined {
  if (raw.type !== InteractionType.ModalSubmit) return undefined;
  for (const top of raw.data.components as unknown as RawModalComponent[]) {
    for (const input of [top.component, ...(top.components ?? [])]) {
      if (input?.custom_id === customId && typeof input.value === 'string') return input.value;
    }
  }
  return undefined;
}

interface RawModalComponent {
  component?: { custom_id?: string; value?: unknown };
  components?: { custom_id?: string; value?: unknown }[];
}

/** Who acted: the member's user in a server, the user in a DM. */
function actor(raw: APIInteraction): APIUser | undefined {
  return raw.member?.user ?? raw.user;
}

/**
 * The platform-neutral part of an interaction. Manage Server comes from the member's permission
 * bit set in the payload (Administrator implies it, as in discord.js); a DM has no member, so no.
 */
export function baseInput(raw: APIInteraction): Omit<CommandInput, 'text'> {
  const user = actor(raw);
  const permissions = raw.member?.permissions;
  return {
    channel: { platform: 'discord', workspace: raw.guild_id ?? '', channel: raw.channel?.id ?? raw.channel_id ?? '' },
    user: user?.id ?? '',
    userName: user?.global_name ?? user?.username ?? '',
    canManage: permissions ? new PermissionsBitField(BigInt(permissions)).has(PermissionFlagsBits.ManageGuild) : false,
  };
}

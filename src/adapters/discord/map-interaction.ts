/**
 * `/brief` subcommands → the core's text grammar (COMMANDS.md), and an interaction → CommandInput.
 * `toCommandText` is pure; the readers only pull values out of discord.js objects.
 */
import { PermissionFlagsBits, type BaseInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandInput } from '../../core/model.js';

/** A `/brief` invocation in neutral terms. */
export interface SlashInvocation {
  group: string | null;
  subcommand: string;
  options: Record<string, string | number | undefined>;
}

const OPTION_NAMES = ['url', 'content', 'question', 'point', 'latest', 'when', 'timezone', 'topics', 'exclude', 'name'];

/** `a, b ,,c` → `a,b,c`. */
function listValue(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const items = String(value).split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items.join(',') : undefined;
}

/** ` key:value` when value is present. */
function keyed(key: string, value: string | number | undefined): string {
  return value === undefined || value === '' ? '' : ` ${key}:${value}`;
}

/**
 * Map a `/brief` invocation to the text after `/brief` that the core parses.
 * @example toCommandText({ group: 'feeds', subcommand: 'add', options: { url: 'https://x/feed', latest: 3 } })
 *   // 'feeds add https://x/feed latest:3'
 */
export function toCommandText({ group, subcommand, options: o }: SlashInvocation): string {
  const str = (name: string) => String(o[name] ?? '').trim();
  if (group === null) {
    switch (subcommand) {
      case 'link': return str('url');
      case 'text': return str('content');
      case 'digest': return '';
      case 'ask': return `ask ${str('question')}`;
      case 'more': return o.point === undefined ? 'more' : `more ${o.point}`;
      case 'why': return `why ${str('url')}`;
      default: return subcommand; // quotes, who, next, source, help
    }
  }
  if (group === 'feeds') {
    if (subcommand === 'add') return `feeds add ${str('url')}${keyed('latest', o.latest)}`;
    if (subcommand === 'remove') return `feeds remove ${str('url')}`;
    return `feeds ${subcommand}`;
  }
  if (group === 'schedule' && subcommand === 'set') {
    const when = str('when').replace(/^["']|["']$/g, '').replace(/\s+/g, ' ');
    return `schedule set ${when}${keyed('tz', str('timezone'))}${keyed('topics', listValue(o.topics))}${keyed('exclude', listValue(o.exclude))}`;
  }
  if (group === 'settings') return `settings ${subcommand} ${str('name')}`.trimEnd();
  return `${group} ${subcommand}`;
}

/** Read group, subcommand and option values from a chat-input interaction. */
export function readInvocation(interaction: ChatInputCommandInteraction): SlashInvocation {
  const options: SlashInvocation['options'] = {};
  for (const name of OPTION_NAMES) {
    const value = interaction.options.get(name)?.value;
    if (typeof value === 'string' || typeof value === 'number') options[name] = value;
  }
  return {
    group: interaction.options.getSubcommandGroup(false),
    subcommand: interaction.options.getSubcommand(true),
    options,
  };
}

/** The platform-neutral part of an interaction; callers have checked it came from a guild. */
export function baseInput(interaction: BaseInteraction): Omit<CommandInput, 'text'> {
  return {
    channel: { platform: 'discord', workspace: interaction.guildId ?? '', channel: interaction.channelId ?? '' },
    user: interaction.user.id,
    userName: interaction.user.displayName,
    canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
}

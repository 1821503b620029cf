/**
 * Reply → Discord messages (embeds + button rows), pure. Everything is kept within Discord's
 * limits by splitting rather than dropping: a long point continues in the next embed, embeds
 * beyond 10 or 6,000 characters continue in the next message, and buttons go on the last one.
 * Every message carries `allowed_mentions: { parse: [] }` so article text cannot ping anyone.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  embedLength,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Reply, ReplyLink, ReplySection } from '../../core/model.js';
import { encodeCustomId } from './custom-id.js';
import { escapeText } from './escape-markdown.js';
import { chunkLines, truncate } from './split-text.js';
import type { DiscordMessage } from './types.js';

/** Discord's documented message limits. */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rows: 5,
  label: 80,
  content: 2000,
} as const;

/** Room left in an embed for fields, so a footer still fits under the 6,000 total. */
const FIELD_BUDGET = DISCORD_LIMITS.embedTotal - DISCORD_LIMITS.footer - DISCORD_LIMITS.title;

const COLORS: Record<Reply['kind'], number> = {
  briefing: 0x2b6cb0,
  digest: 0x2f855a,
  followup: 0x4a5568,
  info: 0x718096,
  error: 0xc53030,
};

export interface RenderOptions {
  /** Display name of whoever asked; shown as "asked by …" in the footer. */
  askedBy?: string;
}

const NO_MENTIONS = { parse: [] } as { parse: [] };

/**
 * Render a Reply as one or more Discord messages.
 * @param reply - the core's neutral reply
 * @param options - who asked (shown in the footer of channel-visible replies)
 * @returns at least one message; buttons are on the last
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  if (reply.kind === 'error') return [renderError(reply)];
  const color = COLORS[reply.kind];
  const embeds = bodyEmbeds(reply.heading, replyLines(reply), color);
  // Fields belong to the main block, before any sections (a digest's stories).
  addFields(embeds, reply.fields ?? [], color);
  embeds.push(...(reply.sections ?? []).flatMap((s) => bodyEmbeds(s.heading, sectionLines(s), color)));
  if (embeds.length === 0) embeds.push(new EmbedBuilder().setColor(color).setDescription('(nothing to show)'));
  addFooter(embeds, [...(reply.context ?? []), ...(options.askedBy ? [`asked by ${options.askedBy}`] : [])], color);

  const messages = packEmbeds(embeds.map((e) => e.toJSON()));
  const last = messages[messages.length - 1];
  if (last) last.components = buttonRows(reply);
  return messages;
}

/** An error is one short sentence: plain content, no embed. */
function renderError(reply: Reply): DiscordMessage {
  const text = reply.text ?? reply.heading ?? 'Something went wrong.';
  return { content: truncate(`⚠️ ${escapeText(text)}`, DISCORD_LIMITS.content), embeds: [], components: [], allowed_mentions: NO_MENTIONS };
}

function linkLine(link: ReplyLink): string {
  const title = escapeText(link.title);
  const source = link.source ? ` · ${escapeText(link.source)}` : '';
  if (!/^https?:\/\//i.test(link.url)) return `• ${title}${source}`;
  // Parentheses and spaces would end a masked link early; encodeURIComponent leaves ( ) alone.
  const url = link.url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `• [${title}](${url})${source}`;
}

function replyLines(reply: Reply): string[] {
  const lines = (reply.points ?? []).map((p, i) => `**${i + 1}.** ${escapeText(p)}`);
  if (reply.quote) {
    const speaker = reply.quote.speaker ? ` — ${escapeText(reply.quote.speaker)}` : '';
    lines.push(`> “${escapeText(reply.quote.text).replace(/\n+/g, ' ')}”${speaker}`);
  }
  if (reply.text) lines.push(...escapeText(reply.text).split('\n'));
  lines.push(...(reply.links ?? []).map(linkLine));
  return lines;
}

function sectionLines(section: ReplySection): string[] {
  return [
    ...(section.points ?? []).map((p) => `• ${escapeText(p)}`),
    ...(section.text ? escapeText(section.text).split('\n') : []),
    ...(section.links ?? []).map(linkLine),
  ];
}

/** A titled block of lines as one or more embeds; a title over 256 is cut and repeated in full below. */
function bodyEmbeds(heading: string | undefined, lines: string[], color: number): EmbedBuilder[] {
  const title = heading ? escapeText(heading).replace(/\n+/g, ' ') : undefined;
  const allLines = title && title.length > DISCORD_LIMITS.title ? [`**${title}**`, ...lines] : lines;
  const chunks = chunkLines(allLines, DISCORD_LIMITS.description);
  if (chunks.length === 0 && !title) return [];
  const embeds = (chunks.length > 0 ? chunks : [undefined]).map((chunk) => {
    const embed = new EmbedBuilder().setColor(color);
    if (chunk !== undefined) embed.setDescription(chunk);
    return embed;
  });
  if (title) embeds[0]?.setTitle(truncate(title, DISCORD_LIMITS.title));
  return embeds;
}

/** Label/value pairs as embed fields; long values continue in "(cont.)" fields. */
function addFields(embeds: EmbedBuilder[], fields: { label: string; value: string }[], color: number): void {
  const apiFields: APIEmbedField[] = fields.flatMap(({ label, value }) => {
    const name = truncate(escapeText(label), DISCORD_LIMITS.fieldName - ' (cont.)'.length) || '\u200b';
    const values = chunkLines(escapeText(value).split('\n'), DISCORD_LIMITS.fieldValue);
    return (values.length > 0 ? values : ['\u200b']).map((v, i) => ({ name: i === 0 ? name : `${name} (cont.)`, value: v }));
  });
  for (const field of apiFields) {
    let target = embeds[embeds.length - 1];
    const data = target?.data;
    const full =
      !data ||
      (data.fields?.length ?? 0) >= DISCORD_LIMITS.fields ||
      embedLength(data) + field.name.length + field.value.length > FIELD_BUDGET;
    if (full || !target) {
      target = new EmbedBuilder().setColor(color);
      embeds.push(target);
    }
    target.addFields(field);
  }
}

/** Context line(s) in the footer of the last embed, or of an extra embed when it would overflow. */
function addFooter(embeds: EmbedBuilder[], parts: string[], color: number): void {
  if (parts.length === 0) return;
  const text = truncate(parts.join(' · '), DISCORD_LIMITS.footer);
  let last = embeds[embeds.length - 1];
  if (!last || embedLength(last.data) + text.length > DISCORD_LIMITS.embedTotal) {
    last = new EmbedBuilder().setColor(color);
    embeds.push(last);
  }
  last.setFooter({ text });
}

/** Pack embeds into messages of at most 10 embeds and 6,000 characters. */
function packEmbeds(embeds: APIEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage | undefined;
  let total = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (!current || current.embeds.length >= DISCORD_LIMITS.embedsPerMessage || total + length > DISCORD_LIMITS.embedTotal) {
      current = { embeds: [], components: [], allowed_mentions: NO_MENTIONS };
      messages.push(current);
      total = 0;
    }
    current.embeds.push(embed);
    total += length;
  }
  return messages;
}

/** Follow-up buttons, five to a row, at most five rows; ids that would exceed 100 chars are left out. */
function buttonRows(reply: Reply): DiscordMessage['components'] {
  const buttons: ButtonBuilder[] = [];
  const seen = new Set<string>();
  for (const action of reply.actions ?? []) {
    const customId = encodeCustomId(action);
    if (!customId || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push(
      new ButtonBuilder()
        .setCustomId(customId)
        .setStyle(ButtonStyle.Secondary)
        .setLabel(truncate(action.label, DISCORD_LIMITS.label)),
    );
  }
  const rows: DiscordMessage['components'] = [];
  const max = DISCORD_LIMITS.buttonsPerRow * DISCORD_LIMITS.rows;
  for (let i = 0; i < Math.min(buttons.length, max); i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow)).toJSON());
  }
  return rows;
}

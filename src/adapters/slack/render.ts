/**
 * Reply → Block Kit, pure. Every string from the Reply is escaped for mrkdwn, and every message
 * stays within Slack's limits for any input: long text is split over sections, long replies over
 * several messages (at most MAX_MESSAGES_PER_REPLY, then trimmed with a note).
 */
import type { types } from '@slack/bolt';
import type { Reply, ReplyAction, ReplyLink, ReplySection } from '../../core/model.js';
import { encodeActionId, encodeActionValue } from './action-ids.js';
import { MAX_MESSAGES_PER_REPLY, SLACK_LIMITS as L } from './limits.js';
import { chunkMrkdwn, escapeMrkdwn, formatLink, mentionUser, trimMrkdwn, trimText } from './mrkdwn.js';

export type SlackBlock = types.KnownBlock;

/** One chat.postMessage worth of content. */
export interface SlackMessage {
  /** Plain fallback for notifications and clients without blocks (escaped, never empty). */
  text: string;
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** Slack user id of whoever asked; adds "Asked by @user" to the first message. */
  askedBy?: string;
}

const TRIMMED_NOTE = '_The rest was trimmed: this reply is too long for Slack._';

/** Render a Reply as one or more Slack messages, in posting order. */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const head: SlackBlock[] = [];
  if (reply.heading?.trim()) {
    head.push({ type: 'header', text: { type: 'plain_text', text: trimText(reply.heading.trim(), L.HEADER_CHARS), emoji: false } });
  }
  const asker = options.askedBy ? mentionUser(options.askedBy) : undefined;
  if (asker) head.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Asked by ${asker}` }] });

  const body = renderBody(reply);
  const tail = [...renderContext(reply.context ?? []), ...renderActions(reply.actions ?? [])];
  if (head.length + body.length + tail.length === 0) body.push(section('Nothing to show.'));

  const pages = packBlocks([...head, ...body], tail);
  const fallback = fallbackText(reply);
  return pages.map((blocks, i) => ({
    text: i === 0 ? fallback : trimMrkdwn(`${escapeMrkdwn(reply.heading?.trim() || 'newsbrief')} (continued, ${i + 1}/${pages.length})`, L.MESSAGE_TEXT_CHARS),
    blocks,
  }));
}

function renderBody(reply: Reply): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  if (reply.points?.length) {
    blocks.push(...sections(reply.points.map((p, i) => `*${i + 1}.* ${escapeMrkdwn(p)}`)));
  }
  if (reply.quote?.text.trim()) {
    const lines = escapeMrkdwn(`“${reply.quote.text.trim()}”`).split('\n');
    if (reply.quote.speaker) lines.push(`— ${escapeMrkdwn(reply.quote.speaker)}`);
    blocks.push(...sections(lines.map((l) => `> ${l}`)));
  }
  if (reply.fields?.length) {
    blocks.push(...sections(reply.fields.map((f) => `*${escapeMrkdwn(f.label)}:* ${escapeMrkdwn(f.value)}`)));
  }
  if (reply.text?.trim()) blocks.push(...sections(escapeMrkdwn(reply.text.trim()).split(/\n{2,}/)));
  for (const [i, s] of (reply.sections ?? []).entries()) {
    if (i > 0 || blocks.length > 0) blocks.push({ type: 'divider' });
    blocks.push(...renderSection(s));
  }
  if (reply.links?.length) blocks.push(...sections(reply.links.map(linkLine)));
  return blocks;
}

/** A digest story: bold heading, bullet points, text, then its links. */
function renderSection(s: ReplySection): SlackBlock[] {
  const lines: string[] = [];
  if (s.heading?.trim()) lines.push(`*${escapeMrkdwn(s.heading.trim())}*`);
  for (const p of s.points ?? []) lines.push(`• ${escapeMrkdwn(p)}`);
  if (s.text?.trim()) lines.push(escapeMrkdwn(s.text.trim()));
  for (const link of s.links ?? []) lines.push(linkLine(link));
  return sections(lines.length > 0 ? lines : ['—']);
}

function linkLine(link: ReplyLink): string {
  const source = link.source?.trim() ? ` · ${escapeMrkdwn(link.source.trim())}` : '';
  return `• ${formatLink(link.url, link.title)}${source}`;
}

/** Pack mrkdwn lines into as few section blocks as fit (3000 chars each); split lines that don't. */
function sections(lines: string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => chunkMrkdwn(l, L.SECTION_CHARS))) {
    if (current && current.length + 1 + line.length > L.SECTION_CHARS) {
      out.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(section(current));
  return out;
}

const section = (mrkdwn: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } });

function renderContext(items: string[]): SlackBlock[] {
  const texts = items.map((c) => c.trim()).filter(Boolean).map(escapeMrkdwn);
  if (texts.length === 0) return [];
  const kept = texts.slice(0, L.CONTEXT_ELEMENTS - 1);
  const rest = texts.slice(L.CONTEXT_ELEMENTS - 1);
  if (rest.length > 0) kept.push(rest.join(' · '));
  return [{ type: 'context', elements: kept.map((t) => ({ type: 'mrkdwn' as const, text: trimMrkdwn(t, L.SECTION_CHARS) })) }];
}

function renderActions(actions: ReplyAction[]): SlackBlock[] {
  const buttons = actions
    .map((a, n) => ({ a, n, value: encodeActionValue(a.verb, a.briefingId) }))
    .filter(({ value }) => value.length <= L.BUTTON_VALUE_CHARS)
    .map(({ a, n, value }) => ({
      type: 'button' as const,
      action_id: encodeActionId(a.verb, n),
      text: { type: 'plain_text' as const, text: trimText(a.label.trim() || a.verb, L.BUTTON_TEXT_CHARS), emoji: true },
      value,
    }));
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += L.ACTIONS_PER_BLOCK) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + L.ACTIONS_PER_BLOCK) });
  }
  return blocks;
}

/**
 * Split blocks over messages of at most 50 blocks; `tail` (context, buttons) stays together at
 * the end. Beyond MAX_MESSAGES_PER_REPLY messages the body is cut and a note says so.
 */
function packBlocks(body: SlackBlock[], tail: SlackBlock[]): SlackBlock[][] {
  const max = L.BLOCKS_PER_MESSAGE;
  const pages: SlackBlock[][] = [];
  for (let i = 0; i < body.length; i += max) pages.push(body.slice(i, i + max));
  const last = pages[pages.length - 1];
  if (last && last.length + tail.length <= max) last.push(...tail);
  else if (tail.length > 0) pages.push([...tail]);
  if (pages.length <= MAX_MESSAGES_PER_REPLY) return pages;
  const kept = pages.slice(0, MAX_MESSAGES_PER_REPLY);
  const end = kept[kept.length - 1]!;
  const room = max - tail.length - 1;
  end.splice(room, end.length - room, section(TRIMMED_NOTE), ...tail);
  return kept;
}

/** Plain-ish fallback: heading, then the first points or text, escaped and within 4,000 chars. */
function fallbackText(reply: Reply): string {
  const parts = [reply.heading, ...(reply.points ?? []).map((p, i) => `${i + 1}. ${p}`), reply.text]
    .concat((reply.sections ?? []).map((s) => s.heading))
    .map((s) => s?.trim())
    .filter((s): s is string => Boolean(s));
  const text = parts.length > 0 ? parts.join('\n') : 'newsbrief';
  return trimMrkdwn(escapeMrkdwn(text), L.MESSAGE_TEXT_CHARS);
}

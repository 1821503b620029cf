/**
 * Safe Slack mrkdwn from untrusted plain text: escaping, links, trimming and chunking to limits.
 * Article text must never ping (`<!channel>`, `<@U…>`) or smuggle links, so every string from a
 * Reply goes through `escapeMrkdwn` before it reaches a mrkdwn field.
 */

const ELLIPSIS = '…';

/** Escape the three characters Slack treats as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cut plain text to `max` characters (an ellipsis included), at a word boundary when one is near.
 * Counts UTF-16 units like Slack does; never splits a surrogate pair.
 */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  let cut = safeCut(text, max - 1);
  const space = text.lastIndexOf(' ', cut);
  if (space > cut * 0.8) cut = space;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/**
 * Cut already-escaped mrkdwn to `max` characters without breaking an `&amp;`-style entity.
 */
export function trimMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  let cut = safeCut(mrkdwn, max - 1);
  const amp = mrkdwn.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 6 && !mrkdwn.slice(amp, cut).includes(';')) cut = amp;
  return mrkdwn.slice(0, cut) + ELLIPSIS;
}

/**
 * Split escaped mrkdwn into chunks of at most `max` characters, preferring line breaks, then
 * spaces, and never cutting an entity, a link or a surrogate pair (a link longer than `max` alone is cut).
 */
export function chunkMrkdwn(mrkdwn: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = mrkdwn;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max * 0.5) cut = rest.lastIndexOf(' ', max);
    if (cut < max * 0.5) cut = safeCut(rest, max);
    const amp = rest.lastIndexOf('&', cut - 1);
    if (amp >= 0 && cut - amp < 6 && !rest.slice(amp, cut).includes(';')) cut = amp;
    // Never inside a <url|label> link or <@U…> mention: escaped text has no other '<'.
    const open = rest.lastIndexOf('<', cut - 1);
    if (open > 0 && open > rest.lastIndexOf('>', cut - 1)) cut = open;
    if (cut <= 0) cut = safeCut(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** A mrkdwn link for an http(s) URL, else the escaped title alone (no javascript:, no mailto: pings). */
export function formatLink(url: string, title: string): string {
  const label = escapeMrkdwn(title.trim() || url).replace(/\|/g, '¦');
  if (!/^https?:\/\//i.test(url)) return label;
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${label}>`;
}

/** A user mention, only for well-formed Slack user ids (so a user name can never inject markup). */
export function mentionUser(userId: string): string | undefined {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : undefined;
}

function safeCut(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

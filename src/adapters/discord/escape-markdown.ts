/**
 * Escape plain text for Discord markdown. discord.js's `escapeMarkdown` backtracks badly on long
 * runs without markup (about 0.7 s for 4,096 characters), so this is a single-pass escaper.
 */

/**
 * Make `text` render literally: inline markers (`* _ ~ \` | [ ]` and backslash) are escaped,
 * and so are line-start markers (quote, heading, subtext, bullet, numbered list).
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/^([ \t]*)(>|#{1,3}[ \t]|-#[ \t]|[-+][ \t])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\.([ \t])/gm, '$1\\.$2');
}

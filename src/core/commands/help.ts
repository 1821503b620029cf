/** The /brief help text. */
import type { Reply } from '../model.js';

export const HELP_LINES = [
  '/brief <link> — a short, faithful briefing of the article',
  '/brief <pasted text> — a briefing of the text itself',
  '/brief — the news from this channel’s feeds that it has not seen yet',
  '/brief more [n] · ask <question> · quotes · who · next · source — follow-ups on the latest briefing',
  '/brief feeds add <url> [latest:N] · feeds list · feeds remove <url> — the channel’s feeds (channel managers)',
  '/brief schedule set daily 08:00 tz:Europe/Paris [topics:a,b] [exclude:x,y] · schedule show · schedule off',
  '/brief settings summarizer extractive|llm — how briefings are written in this channel (channel managers)',
  '/brief why <link> — what happened to a feed item',
];

export function helpReply(): Reply {
  return { kind: 'info', heading: 'newsbrief', points: HELP_LINES, ephemeral: true };
}

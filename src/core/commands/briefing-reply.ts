/**
 * Turns a Briefing into the neutral Reply every adapter renders (and the CLI prints).
 */
import type { Briefing, ReplyAction, Reply, WhatNext } from '../model.js';

export const BRIEFING_ACTIONS: readonly Omit<ReplyAction, 'briefingId'>[] = [
  { label: 'More', verb: 'more' },
  { label: 'Ask', verb: 'ask' },
  { label: 'Quotes', verb: 'quotes' },
  { label: "Who's who", verb: 'who' },
  { label: "What's next", verb: 'next' },
  { label: 'Source', verb: 'source' },
];

/** "Mon 10 Jan 2022" for an ISO date, in UTC (dates carry no time of day). */
export function formatDay(isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** One line for a scheduled event: "Mon 10 Jan 2022 (Monday): formal talks in Geneva". */
export function formatWhatNext(event: WhatNext): string {
  const when = event.date ? `${formatDay(event.date)}${event.when && !/^\d{4}-/.test(event.when) ? ` (${event.when})` : ''}` : event.when;
  return `${when}: ${event.what}`;
}

/** The source line: "Reuters · By Jane Doe · 9 Jan 2022". */
export function formatSourceLine(briefing: Briefing): string | undefined {
  const { siteName, byline, publishedAt, url } = briefing.source;
  let host: string | undefined;
  if (url) {
    try {
      host = new URL(url).hostname.replace(/^www\./, '');
    } catch {
      host = undefined;
    }
  }
  const parts = [siteName ?? host, byline, publishedAt ? formatDay(publishedAt) : undefined].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' · ') : undefined;
}

/** The Reply for a fresh briefing, with the follow-up buttons. */
export function briefingToReply(briefing: Briefing): Reply {
  const context: string[] = [];
  const source = formatSourceLine(briefing);
  if (source) context.push(source);
  if (briefing.readingTime) context.push(`${briefing.readingTime} min read`);
  if (briefing.summarizer === 'llm') context.push('Summarized by an LLM; every point was checked against the article');
  context.push(...briefing.warnings.map((w) => `⚠ ${w}`));
  const sections = briefing.whatNext.length
    ? [{ heading: "What's next", points: briefing.whatNext.map(formatWhatNext) }]
    : undefined;
  return {
    kind: 'briefing',
    heading: briefing.title,
    points: briefing.points,
    ...(briefing.quote ? { quote: briefing.quote } : {}),
    ...(sections ? { sections } : {}),
    ...(briefing.source.url ? { links: [{ title: 'Original article', url: briefing.source.url, ...(briefing.source.siteName ? { source: briefing.source.siteName } : {}) }] } : {}),
    context,
    actions: BRIEFING_ACTIONS.map((a) => ({ ...a, briefingId: briefing.id })),
    briefingId: briefing.id,
  };
}

/**
 * The follow-up verbs that read the stored article: ask, quotes, who, next, source.
 * Everything they say is taken from the article; nothing is made up.
 */
import { NewsbriefError } from '../errors.js';
import type { NamedEntity, Reply, WhatNext } from '../model.js';
import type { StoredBriefing } from '../store/store.js';
import { answerQuestion } from './answer.js';
import { viewArticle } from './article-view.js';
import { followupReply, whereItStands } from './reply.js';

/** What `ask` says when no sentence answers well enough. */
export const NOT_ANSWERED_TEXT = 'The article does not say.';

/** `ask <question>`: the sentences of the article that answer it, quoted exactly, or "The article does not say." */
export function askReply(stored: StoredBriefing, question?: string): Reply {
  const asked = question?.trim() ?? '';
  if (asked === '') throw new NewsbriefError('BAD_INPUT', 'Ask a question about the briefing, e.g. /brief ask who is leading the talks?');
  const { sentences } = viewArticle(stored);
  const result = answerQuestion(sentences, asked);
  if ('notAnswered' in result) return followupReply(stored, 'ask', { heading: asked, text: NOT_ANSWERED_TEXT });
  return followupReply(stored, 'ask', {
    heading: asked,
    points: result.answers.map((a) => `${a.sentence} (${whereItStands(a.paragraph)})`),
  });
}

/** `quotes`: every direct quotation with its speaker. */
export function quotesReply(stored: StoredBriefing): Reply {
  const { quotes } = viewArticle(stored).facts;
  if (quotes.length === 0) return followupReply(stored, 'quotes', { heading: 'Quotes', text: 'The article has no direct quotations.' });
  return followupReply(stored, 'quotes', {
    heading: 'Quotes',
    points: quotes.map((q) => `“${q.text.replace(/[,\s]+$/, '')}” — ${q.speaker ?? 'speaker not named'}`),
  });
}

const describe = (e: NamedEntity): string =>
  `${e.name}${e.role === undefined ? '' : ` — ${e.role}`}${e.mentions !== undefined && e.mentions > 1 ? ` (${e.mentions} mentions)` : ''}`;

/** Entities listed per group; the rest are summarised as a count. */
const MAX_ENTITIES_PER_GROUP = 8;

/** `who`: the people, organisations and places the article names, with the roles it gives them. */
export function whoReply(stored: StoredBriefing): Reply {
  const { entities } = viewArticle(stored).facts;
  const groups = [
    { heading: 'People', list: entities.people },
    { heading: 'Organisations', list: entities.organisations },
    { heading: 'Places', list: entities.places },
  ].filter((g) => g.list.length > 0);
  if (groups.length === 0) return followupReply(stored, 'who', { heading: 'Who', text: 'The article names no people, organisations or places I can recognise.' });
  return followupReply(stored, 'who', {
    heading: 'Who',
    sections: groups.map((g) => ({
      heading: g.heading,
      points: [
        ...g.list.slice(0, MAX_ENTITIES_PER_GROUP).map(describe),
        ...(g.list.length > MAX_ENTITIES_PER_GROUP ? [`and ${g.list.length - MAX_ENTITIES_PER_GROUP} more`] : []),
      ],
    })),
  });
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Monday 10 January 2022" for an ISO date (by hand: ICU builds differ in commas). */
function formatDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The resolved date, with the article's words when they add something ("next week"). */
function describeWhen(w: WhatNext): string {
  if (w.date === undefined) return w.when;
  const date = formatDate(w.date);
  return date.toLowerCase().includes(w.when.toLowerCase()) ? date : `${date} (“${w.when}”)`;
}

/** `next`: scheduled events and their dates, soonest first. */
export function nextReply(stored: StoredBriefing): Reply {
  const { whatNext } = viewArticle(stored).facts;
  if (whatNext.length === 0) return followupReply(stored, 'next', { heading: 'What next', text: 'The article mentions no scheduled events.' });
  return followupReply(stored, 'next', {
    heading: 'What next',
    points: whatNext.map((w) => `${describeWhen(w)}: ${w.what}`),
  });
}

/** `source`: the original link, outlet, byline, publication time and the briefing's warnings. */
export function sourceReply(stored: StoredBriefing): Reply {
  const { briefing, article } = stored;
  const url = briefing.source.url ?? article.canonicalUrl ?? article.url;
  const fields = [
    { label: 'Title', value: article.title || briefing.title },
    { label: 'Link', value: url },
    { label: 'Outlet', value: briefing.source.siteName ?? article.siteName },
    { label: 'Byline', value: briefing.source.byline ?? article.byline },
    { label: 'Published', value: briefing.source.publishedAt ?? article.publishedAt },
    { label: 'Briefed', value: briefing.createdAt },
  ].filter((f): f is { label: string; value: string } => f.value !== undefined && f.value !== '');
  return followupReply(stored, 'source', {
    heading: 'Source',
    fields,
    ...(url === undefined ? {} : { links: [{ title: article.title || briefing.title, url, ...(article.siteName ? { source: article.siteName } : {}) }] }),
    context: briefing.warnings.length > 0 ? briefing.warnings.map((w) => `Warning: ${w}`) : ['No integrity warnings.'],
  });
}

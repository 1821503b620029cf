/**
 * What happens next: scheduled events and their dates, from future-looking sentences only.
 * chrono-node finds the date expressions; weekdays and "next week" are resolved against the
 * article's publication date, so "talks in Geneva on Monday" becomes that Monday's ISO date.
 */
import * as chrono from 'chrono-node';
import type { WhatNext } from '../model.js';
import { eventClause, readsAsEvent, relativeFuture, sentenceSubject } from './event-clause.js';
import type { Sentence } from './sentences.js';

/** Words that make a sentence look ahead ("due", "will", "scheduled", "next week" …). */
const FUTURE_CUE =
  /\b(?:due(?! to (?!(?:be|hold|meet|start|begin|take|open|close|vote|report|return|appear|face|visit|sign|launch|resume|end|arrive|travel|testify|announce|release|publish|go)\b))|will|shall|scheduled|set to|expected to|plans? to|planned|upcoming|next|to be held|is to|are to|on account of|later this|tomorrow|slated|deadline|from now|going to|intends? to|opens)\b/i;
/** A date right after a speech verb is when something was said, not an event ("said on Sunday"). */
const SAID_BEFORE = /\b(?:said|says|mentioned|told|announced|added|stated|reported|confirmed|warned)\s+(?:\w+\s+)?$/i;
/** How far after a date a look-ahead word may stand ("on Monday, when talks will open"). */
const CUE_AFTER_CHARS = 30;
const YEAR_AHEAD = /\b(?:in|by|until|before)\s+((?:19|20)\d\d)\b/g;

interface Found {
  index: number;
  text: string;
  date?: string;
}

/** Past dates, and days relative to a narrated event rather than to publication ("the next day"). */
const PAST_WORDS = /\b(?:ago|last|yesterday|earlier|previous|past|next day|following day)\b/i;

/** "two years after …": relative to another event, not to publication. */
const RELATIVE_TO_EVENT = /\b(?:after|before|later|earlier)$/i;
/** "£6.50 an hour", "52km in an hour": a rate or a length of time, not when something happens. */
const RATE = /^(?:an?|per|one)\s+(?:second|minute|hour|day|week|month|year)$/i;
/** chrono reads a weekday into "the money" ("mon"). */
const NOT_A_DATE = /\bmoney\b/i;
/** "for 18 months", "44 years", "the next five years": how long something lasts, not when it happens. */
const DURATION = /^(?:for|over|within|during|throughout)\b|^(?:about |some |nearly |almost )?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many)\s+(?:years?|months?|weeks?|days?|hours?)$|^(?:the\s+)?(?:next|past|last|coming)\s+(?:\w+\s+)?(?:years|months|weeks|days|decades)$/i;
/** "next week", "in June": a period, not a day, so no ISO date. */
const PERIOD = /\b(?:week|month|year|weekend)s?\b/i;

const pad = (n: number): string => String(n).padStart(2, '0');

function toIsoDate(components: chrono.ParsedComponents): string {
  return `${components.get('year')}-${pad(components.get('month') ?? 1)}-${pad(components.get('day') ?? 1)}`;
}

/** Date expressions of one sentence that point at or after the reference day. */
function findDates(text: string, reference: Date | undefined): Found[] {
  const referenceDay = reference === undefined ? undefined : reference.toISOString().slice(0, 10);
  const found: Found[] = [];
  for (const result of chrono.parse(text, reference ?? new Date(), { forwardDate: true })) {
    if (SAID_BEFORE.test(text.slice(0, result.index)) || PAST_WORDS.test(result.text) || RELATIVE_TO_EVENT.test(result.text)) continue;
    if (RATE.test(result.text) || NOT_A_DATE.test(result.text) || DURATION.test(result.text.trim())) continue;
    // "$139m", "£2bn": money chrono took for a time; "the '90s": a decade.
    if (/[$£€¥]\s*$/.test(text.slice(0, result.index)) || /^'?\d0s$/.test(result.text.trim())) continue;
    const start = result.start;
    // Without a publication date, a year before last is history, not what comes next ("in 2006").
    if (reference === undefined && start.isCertain('year') && (start.get('year') ?? 0) < new Date().getUTCFullYear() - 1) continue;
    // Times of day alone ("at 10 a.m.") are not a schedule.
    if (!start.isCertain('day') && !start.isCertain('weekday') && !start.isCertain('month') && !/week|month|year/i.test(result.text)) continue;
    const knownDay = reference !== undefined || start.isCertain('year') || start.isCertain('month');
    const date = knownDay ? toIsoDate(start) : undefined;
    if (date !== undefined && referenceDay !== undefined && date < referenceDay) continue;
    const aDay = (start.isCertain('day') || start.isCertain('weekday')) && !PERIOD.test(result.text);
    found.push({ index: result.index, text: result.text, date: knownDay && aDay ? date : undefined });
  }
  for (const match of text.matchAll(YEAR_AHEAD)) {
    const year = Number(match[1]);
    if (year <= (reference ?? new Date()).getUTCFullYear() - (reference === undefined ? 2 : 0)) continue;
    if (found.some((f) => f.index <= match.index && match.index < f.index + f.text.length)) continue;
    found.push({ index: match.index, text: match[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * "… talks with NATO in Brussels on Wednesday and at the OSCE in Vienna on Thursday": the second
 * event borrows the first one's verb ("Russia is due to hold talks at the OSCE in Vienna").
 */
function borrowVerb(previousWhat: string, segment: string): string {
  if (!/^(?:at|with|in|on|to)\s/i.test(segment)) return segment;
  const head = / (?:with|at|in) /.exec(previousWhat);
  return head === null ? segment : `${previousWhat.slice(0, head.index)} ${segment.charAt(0).toLowerCase()}${segment.slice(1)}`;
}

/**
 * Scheduled events an article announces, in date order (undated ones last).
 * @param sentences - the article's sentences
 * @param publishedAt - ISO 8601 publication time; without it weekdays stay unresolved
 */
export function extractWhatNext(sentences: Sentence[], publishedAt?: string): WhatNext[] {
  const parsed = publishedAt === undefined ? Number.NaN : Date.parse(publishedAt);
  const reference = Number.isNaN(parsed) ? undefined : new Date(parsed);
  const events: WhatNext[] = [];
  for (const sentence of sentences) {
    if (!FUTURE_CUE.test(sentence.text)) continue;
    let previousEnd = 0;
    let accepted = false;
    for (const found of findDates(sentence.text, reference)) {
      const when = found.text.replace(/^(?:on|in|at|by|from)\s+/i, '').replace(/[\s,]+$/, '');
      const clause = eventClause(sentence.text, previousEnd, found.index, sentenceSubject(sentence));
      const earlier = events.at(-1);
      const stated = accepted && earlier?.sentence === sentence.index ? borrowVerb(earlier.what, clause) : clause;
      // "Police arrested a man who will appear in court on Friday": the event is the man's appearance.
      const what = relativeFuture(stated, sentence) ?? stated;
      // The look-ahead word must be in this date's own clause (or just after it), not elsewhere in the sentence.
      const around = sentence.text.slice(previousEnd, found.index + found.text.length + CUE_AFTER_CHARS);
      previousEnd = found.index + found.text.length;
      if (what.split(/\s+/).length < 2 || /^now$/i.test(when)) continue;
      // The event text must read as one: a subject, a verb, nothing left hanging, and a look ahead of its own
      // (or a date known to be still to come), so past events and stray fragments stay out.
      const upcoming = found.date !== undefined && reference !== undefined && found.date > reference.toISOString().slice(0, 10);
      if (!readsAsEvent(what, sentence) || (!FUTURE_CUE.test(what) && !upcoming)) continue;
      // "… in Brussels on Wednesday and … in Vienna on Thursday": a later date shares the first one's verb.
      if (!FUTURE_CUE.test(around) && !accepted) continue;
      accepted = true;
      const event: WhatNext = { when, what, sentence: sentence.index };
      if (found.date !== undefined) event.date = found.date;
      events.push(event);
    }
  }
  return events
    .map((event, order) => ({ event, order }))
    .sort((a, b) => (a.event.date ?? '9999').localeCompare(b.event.date ?? '9999') || a.order - b.order)
    .map(({ event }) => event);
}

/**
 * `schedule set` arguments → a validated schedule spec. Accepts a 5-field cron expression or
 * `daily 08:00`, `weekdays 07:30`, `weekends 09:00`, `mondays 08:00` (any day name), plus
 * `tz:Europe/Paris`, `topics: ai, climate`, `exclude: crypto, sport`, `max:5`, `empty:post|skip`.
 */
import cron from 'node-cron';
import { NewsbriefError } from '../errors.js';

export interface ScheduleSpec {
  cron: string;
  timezone: string;
  topics: string[];
  exclude: string[];
  maxStories?: number;
  /** `empty:post` / `empty:skip`: whether an empty digest says "nothing new" (a channel setting). */
  postEmptyDigest?: boolean;
}

const USAGE = 'Use e.g. `schedule set daily 08:00 tz:Europe/Paris topics: ai, climate exclude: crypto max:8`, or a cron expression like `30 7 * * 1-5`.';
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MAX_STORIES_LIMIT = 25;

/** Throws a friendly BAD_INPUT unless `tz` is an IANA zone Intl knows. */
export function assertTimeZone(tz: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    throw new NewsbriefError('BAD_INPUT', `Unknown time zone "${tz}". Use an IANA name like Europe/Paris, America/New_York or UTC.`);
  }
}

/** Throws a friendly BAD_INPUT unless `expr` is a valid 5-field cron expression. */
export function assertCron(expr: string): string {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) throw new NewsbriefError('BAD_INPUT', `"${expr}" is not a schedule newsbrief understands. ${USAGE}`);
  const detail = cron.validateDetailed(fields.join(' '));
  if (!detail.valid) {
    const field = detail.errors[0]?.field;
    throw new NewsbriefError('BAD_INPUT', `The ${field ?? ''} field of "${expr}" is out of range. ${USAGE}`.replace('The  field', 'The cron expression'));
  }
  return fields.join(' ');
}

function timeToCron(days: string, time: string): string {
  const m = /^([01]?\d|2[0-3])[:h.]?([0-5]\d)?$/.exec(time);
  if (!m) throw new NewsbriefError('BAD_INPUT', `"${time}" is not a time of day. Use 24-hour HH:MM, e.g. 08:00 or 17:30.`);
  return `${Number(m[2] ?? 0)} ${Number(m[1])} * * ${days}`;
}

function whenToCron(when: string): string {
  const words = when.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [first, second] = words;
  if (!first) throw new NewsbriefError('BAD_INPUT', `When should the digest go out? ${USAGE}`);
  if (words.length === 2 && second) {
    if (first === 'daily' || first === 'everyday') return timeToCron('*', second);
    if (first === 'weekdays') return timeToCron('1-5', second);
    if (first === 'weekends') return timeToCron('0,6', second);
    const day = DAYS.findIndex((d) => first === d || first === `${d}s`);
    if (day >= 0) return timeToCron(String(day), second);
  }
  return assertCron(words.join(' '));
}

const list = (value: string): string[] =>
  (value.includes(',') ? value.split(',') : value.split(/\s+/)).map((w) => w.trim().toLowerCase()).filter(Boolean);

/**
 * Parses `schedule set` arguments.
 * @throws NewsbriefError `BAD_INPUT` with a message that shows the accepted forms
 */
export function parseScheduleSpec(text: string, defaultTimezone = 'UTC'): ScheduleSpec {
  const keyRe = /\b(topics|exclude|tz|timezone|max|stories|empty):/gi;
  const marks = [...text.matchAll(keyRe)];
  const whenParts: string[] = [marks.length ? text.slice(0, marks[0]?.index) : text];
  const spec: ScheduleSpec = { cron: '', timezone: defaultTimezone, topics: [], exclude: [] };
  marks.forEach((m, i) => {
    const key = (m[1] as string).toLowerCase();
    const value = text.slice((m.index ?? 0) + m[0].length, marks[i + 1]?.index ?? text.length).trim();
    if (key === 'topics') spec.topics = list(value);
    else if (key === 'exclude') spec.exclude = list(value);
    else {
      // tz: and max: take one word; anything after it belongs to the time ("tz:UTC daily 08:00").
      const [word = '', ...rest] = value.split(/\s+/);
      whenParts.push(rest.join(' '));
      if (key === 'tz' || key === 'timezone') spec.timezone = word;
      else if (key === 'empty') {
        if (!/^(post|skip)$/i.test(word)) throw new NewsbriefError('BAD_INPUT', 'empty: takes post (say "nothing new") or skip (stay quiet), e.g. empty:skip.');
        spec.postEmptyDigest = word.toLowerCase() === 'post';
      } else {
        const n = Number(word);
        if (!Number.isInteger(n) || n < 1 || n > MAX_STORIES_LIMIT) throw new NewsbriefError('BAD_INPUT', `max: takes a whole number of stories from 1 to ${MAX_STORIES_LIMIT}, e.g. max:8.`);
        spec.maxStories = n;
      }
    }
  });
  spec.timezone = assertTimeZone(spec.timezone);
  spec.cron = whenToCron(whenParts.join(' '));
  return spec;
}

/** "every day at 08:00", "weekdays at 07:30", or the cron expression itself. */
export function describeCron(expr: string): string {
  const m = /^(\d+) (\d+) \* \* (\*|1-5|0,6|[0-6])$/.exec(expr);
  if (!m) return `cron \`${expr}\``;
  const time = `${String(m[2]).padStart(2, '0')}:${String(m[1]).padStart(2, '0')}`;
  const days = m[3] === '*' ? 'every day' : m[3] === '1-5' ? 'weekdays' : m[3] === '0,6' ? 'weekends' : `${DAYS[Number(m[3])]}s`;
  return `${days} at ${time}`;
}

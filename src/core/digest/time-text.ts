/** Small time helpers for user-facing text and `--since` arguments. */
import { NewsbriefError } from '../errors.js';

/** "just now", "12 min ago", "2 h ago", "3 days ago". */
export function formatAgo(then: Date, now: Date): string {
  const min = Math.round((now.getTime() - then.getTime()) / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * `24h`, `90m`, `2d`, `1w`, or an ISO 8601 date → the instant it names.
 * @throws NewsbriefError `BAD_INPUT` naming the accepted forms
 */
export function parseSince(text: string, now: Date): Date {
  const rel = /^(\d+)\s*([mhdw])$/i.exec(text.trim());
  if (rel) return new Date(now.getTime() - Number(rel[1]) * (UNIT_MS[(rel[2] as string).toLowerCase()] as number));
  const t = Date.parse(text);
  if (!Number.isNaN(t)) return new Date(t);
  throw new NewsbriefError('BAD_INPUT', `Cannot read --since "${text}". Use a duration like 24h, 90m, 2d, or a date like 2026-11-27.`);
}

/** A slot time as the channel reads it: "Fri 27 Nov, 08:00" in the schedule's zone. */
export function formatSlot(iso: string, timeZone = 'UTC'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

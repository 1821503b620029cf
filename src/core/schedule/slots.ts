/**
 * Slot arithmetic for cron schedules in IANA time zones: which slots fell between two
 * instants (to find slots missed while the bot was down) and when the next one is.
 * node-cron decides what matches; a cached Intl formatter pre-filters on minute, hour and
 * month, because node-cron's match() costs about 0.1 ms and a week has 10,080 minutes.
 */
import cron from 'node-cron';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface SlotMatcher {
  match(at: Date): boolean;
  /** The schedule's local wall-clock time of `at`, in minutes since the epoch as if it were UTC. */
  localMinute(at: Date): number;
  /** Whether the expression matches a local wall-clock minute (as from localMinute), existing or not. */
  matchWall(localMinute: number): boolean;
  /** The local wall-clock time of `at` in the schedule's zone, `YYYY-MM-DD HH:mm`. */
  wallTime(at: Date): string;
  dispose(): Promise<void>;
}

/** A matcher for a 5-field cron expression in a time zone (both already validated). */
export function createSlotMatcher(expression: string, timeZone: string): SlotMatcher {
  const fields = cron.parse(expression);
  const minutes = new Set(fields.minute);
  const hours = new Set(fields.hour);
  const months = new Set(fields.month);
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  // Evaluates the fields on wall-clock components directly: a UTC instant whose fields are the local ones.
  const wallTask = cron.createTask(expression, () => undefined, { timezone: 'UTC' });
  // slotsBetween asks several questions about the same instant; formatting it once is most of the cost.
  let memoAt = NaN;
  let memo: Record<string, string> = {};
  const parts = (at: Date): Record<string, string> => {
    if (at.getTime() !== memoAt) {
      memoAt = at.getTime();
      memo = {};
      for (const p of fmt.formatToParts(at)) memo[p.type] = p.value;
    }
    return memo;
  };
  return {
    match(at) {
      const p = parts(at);
      if (!minutes.has(Number(p.minute)) || !hours.has(Number(p.hour)) || !months.has(Number(p.month))) return false;
      return task.match(at);
    },
    localMinute(at) {
      const p = parts(at);
      return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) / MINUTE_MS;
    },
    matchWall: (localMinute) => wallTask.match(new Date(localMinute * MINUTE_MS)),
    wallTime(at) {
      const p = parts(at);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    },
    dispose: async () => {
      await task.destroy();
      await wallTask.destroy();
    },
  };
}

const floorToMinute = (t: number): number => Math.floor(t / MINUTE_MS) * MINUTE_MS;

/**
 * Slots in (`after`, `until`], oldest first, at most `limit`.
 * - A wall-clock time that occurs twice (the repeated hour when clocks fall back) is one slot,
 *   the first occurrence (node-cron fires at one of them; canonicalSlot maps both to the first).
 * - A wall-clock time that does not exist (the hour skipped when clocks spring forward) becomes
 *   a slot at the instant the clocks jump, as classic cron does, so a daily digest is never
 *   lost (node-cron itself does not fire; the scheduler's catch-up posts it).
 */
export function slotsBetween(matcher: SlotMatcher, after: Date, until: Date, limit = 1_000): Date[] {
  const out: Date[] = [];
  const start = floorToMinute(after.getTime()) + MINUTE_MS;
  let prevLocal = matcher.localMinute(new Date(start - MINUTE_MS));
  for (let t = start; t <= until.getTime() && out.length < limit; t += MINUTE_MS) {
    const at = new Date(t);
    const local = matcher.localMinute(at);
    let skippedMatch = false;
    for (let l = prevLocal + 1; l < local && !skippedMatch; l++) skippedMatch = matcher.matchWall(l);
    prevLocal = local;
    if (skippedMatch) {
      out.push(at);
      continue;
    }
    if (!matcher.match(at)) continue;
    const hourBefore = new Date(t - HOUR_MS);
    if (matcher.match(hourBefore) && matcher.wallTime(hourBefore) === matcher.wallTime(at)) continue;
    out.push(at);
  }
  return out;
}

/**
 * The slot a firing stands for: when clocks fall back and the wall-clock time repeats, the
 * second occurrence is the same slot as the first (node-cron fires at the second one in some
 * zones; catch-up finds the first), so both claim one key and the digest posts once.
 */
export function canonicalSlot(matcher: SlotMatcher, at: Date): Date {
  const t = floorToMinute(at.getTime());
  const hourBefore = new Date(t - HOUR_MS);
  return matcher.match(hourBefore) && matcher.wallTime(hourBefore) === matcher.wallTime(new Date(t)) ? hourBefore : new Date(t);
}

/** The first slot after `from` within `horizonMs` (default 8 days), or undefined. */
export function nextSlot(matcher: SlotMatcher, from: Date, horizonMs = 8 * 86_400_000): Date | undefined {
  return slotsBetween(matcher, from, new Date(from.getTime() + horizonMs), 1)[0];
}

/**
 * `schedule set|show|off`: one digest schedule per channel.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelRef, Reply } from '../model.js';
import { NewsbriefError } from '../errors.js';
import type { Store } from '../store/index.js';
import { DEFAULT_MAX_STORIES } from '../digest/compose.js';
import { formatSlot } from '../digest/time-text.js';
import { describeCron, parseScheduleSpec } from './parse-schedule.js';
import { createSlotMatcher, nextSlot } from './slots.js';

export interface ScheduleCommandOptions {
  now?: () => Date;
  /** Zone used when `tz:` is not given (config), default UTC. */
  defaultTimezone?: string;
}

async function nextText(cronExpr: string, tz: string, now: Date): Promise<string> {
  const matcher = createSlotMatcher(cronExpr, tz);
  try {
    const next = nextSlot(matcher, now);
    return next ? formatSlot(next.toISOString(), tz) : 'more than a week away';
  } finally {
    await matcher.dispose();
  }
}

/** `schedule set <when> [tz:…] [topics: …] [exclude: …] [max:N]`. @throws BAD_INPUT */
export async function scheduleSet(store: Store, channel: ChannelRef, text: string, options: ScheduleCommandOptions = {}): Promise<Reply> {
  const now = (options.now ?? (() => new Date()))();
  const spec = parseScheduleSpec(text, options.defaultTimezone ?? 'UTC');
  const existing = await store.getSchedule(channel);
  await store.saveSchedule({
    id: existing?.id ?? randomUUID(),
    channel,
    cron: spec.cron,
    timezone: spec.timezone,
    topics: spec.topics,
    exclude: spec.exclude,
    ...(spec.maxStories ? { maxStories: spec.maxStories } : {}),
    enabled: true,
    updatedAt: now.toISOString(),
  });
  if (spec.postEmptyDigest !== undefined) await store.updateSettings(channel, { postEmptyDigest: spec.postEmptyDigest });
  const settings = await store.getSettings(channel);
  const hasFeeds = (await store.listSubscriptions(channel)).length > 0;
  return {
    kind: 'info',
    heading: 'Digest scheduled',
    text: `${describeCron(spec.cron)} (${spec.timezone}). Next: ${await nextText(spec.cron, spec.timezone, now)}.${hasFeeds ? '' : ' This channel follows no feeds yet: add one with `feeds add <url>`.'}`,
    fields: scheduleFields({ ...spec, postEmptyDigest: settings.postEmptyDigest }),
  };
}

function scheduleFields(s: { topics?: string[]; exclude?: string[]; maxStories?: number; postEmptyDigest?: boolean }): { label: string; value: string }[] {
  return [
    { label: 'Topics', value: s.topics?.length ? s.topics.join(', ') : 'all' },
    { label: 'Exclude', value: s.exclude?.length ? s.exclude.join(', ') : 'nothing' },
    { label: 'Stories', value: String(s.maxStories ?? DEFAULT_MAX_STORIES) },
    { label: 'When nothing is new', value: s.postEmptyDigest ? 'post "nothing new"' : 'skip the digest' },
  ];
}

/** `schedule show`: when, rules, next slot, and the last slots' outcome. */
export async function scheduleShow(store: Store, channel: ChannelRef, options: ScheduleCommandOptions = {}): Promise<Reply> {
  const now = (options.now ?? (() => new Date()))();
  const s = await store.getSchedule(channel);
  if (!s) return { kind: 'info', text: 'This channel has no digest schedule. Set one with `schedule set daily 08:00 tz:Europe/Paris`.' };
  const recent = (await store.listSlots(s.id)).slice(-3).reverse();
  const fields = [
    { label: 'When', value: `${describeCron(s.cron)} (${s.timezone})` },
    { label: 'Status', value: s.enabled ? `on, next ${await nextText(s.cron, s.timezone, now)}` : 'off' },
    ...scheduleFields({ ...s, postEmptyDigest: (await store.getSettings(channel)).postEmptyDigest }),
  ];
  if (recent.length > 0) fields.push({ label: 'Recent', value: recent.map((r) => `${formatSlot(r.slotTime, s.timezone)}: ${r.status}${r.lastError ? ` (${r.lastError})` : ''}`).join('\n') });
  return { kind: 'info', heading: 'Digest schedule', fields };
}

/** `schedule off`. @throws NOT_FOUND when there is no schedule */
export async function scheduleOff(store: Store, channel: ChannelRef, options: ScheduleCommandOptions = {}): Promise<Reply> {
  const now = (options.now ?? (() => new Date()))();
  const s = await store.getSchedule(channel);
  if (!s || !s.enabled) throw new NewsbriefError('NOT_FOUND', 'This channel has no digest schedule to turn off.');
  await store.saveSchedule({ ...s, enabled: false, updatedAt: now.toISOString() });
  return { kind: 'info', text: 'Scheduled digests are off for this channel. `schedule set …` turns them back on.' };
}

/**
 * One slot of one schedule, once claimed: build the digest (or reuse the one built by an
 * earlier attempt), post it with an idempotency key, and only then record the items as
 * delivered. A failed post is retried with backoff; after the last attempt the slot is
 * `failed`, logged, and reported in the next digest, whose news then includes its items.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelRef, Delivery, Reply } from '../model.js';
import type { Logger } from '../platform.js';
import { RateLimitError } from '../errors.js';
import type { ItemMark, SlotClaim, Store, StoredSchedule } from '../store/index.js';
import { buildChannelDigest } from '../digest/channel-digest.js';
import type { FeedPoller } from '../digest/poll.js';
import { digestToReply } from '../digest/reply.js';
import type { GroupStories, SummarizeStory } from '../digest/seams.js';
import { formatSlot } from '../digest/time-text.js';
import { pendingItemKeys, type SlotPayload } from './slot-payload.js';

/** PlatformAdapter.post, with the idempotency key always given. */
export type PostDigest = (channel: ChannelRef, reply: Reply, options: { idempotencyKey: string; maybePosted: boolean; firstAttemptAt?: Date }) => Promise<Delivery>;

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseMs: 60_000, maxMs: 30 * 60_000 };
/** A slot posted later than this after its time says so in the digest. */
const LATE_NOTE_AFTER_MS = 5 * 60_000;

export interface SlotRunnerDeps {
  store: Store;
  post: PostDigest;
  poller: FeedPoller;
  now: () => Date;
  retry: RetryPolicy;
  group?: GroupStories;
  summarizeStory?: SummarizeStory;
  logger?: Logger;
}

/** `taken`: another process or run has the slot; `disabled`: the schedule is off or gone. */
export type SlotOutcome = 'posted' | 'skipped' | 'retry' | 'failed' | 'taken' | 'disabled';

export const idempotencyKeyFor = (scheduleId: string, slotTime: string): string => `${scheduleId}:${slotTime}`;

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Beyond this many missed slots, one summary line instead of one line each. */
const MAX_MISSED_LINES = 3;

function slotNotes(earlier: SlotClaim[], tz: string): string[] {
  const missed = earlier.filter((s) => s.status === 'missed');
  const failed = earlier.filter((s) => s.status !== 'missed');
  const notes = failed.map((s) => `The digest of ${formatSlot(s.slotTime, tz)} could not be posted (${s.lastError ?? 'error'}); its news is included here.`);
  if (missed.length > MAX_MISSED_LINES) {
    const [first, last] = [missed[0] as SlotClaim, missed.at(-1) as SlotClaim];
    notes.push(`${missed.length} digests were missed while newsbrief was offline (${formatSlot(first.slotTime, tz)} to ${formatSlot(last.slotTime, tz)}); their news is included here.`);
  } else {
    for (const s of missed) notes.push(`The digest of ${formatSlot(s.slotTime, tz)} was missed while newsbrief was offline; its news is included here.`);
  }
  return notes;
}

async function buildPayload(deps: SlotRunnerDeps, schedule: StoredSchedule, slotTime: string): Promise<SlotPayload | undefined> {
  const { store } = deps;
  const now = deps.now();
  const built = await buildChannelDigest(
    store,
    schedule.channel,
    { topics: schedule.topics, exclude: schedule.exclude, maxStories: schedule.maxStories },
    { poller: deps.poller, now: deps.now, group: deps.group, summarizeStory: deps.summarizeStory, excludeItems: await pendingItemKeys(store, schedule.id, slotTime) },
  );
  const earlier = (await store.listSlots(schedule.id, ['failed', 'missed'])).filter((s) => !s.reported && s.slotTime !== slotTime);
  const notes = slotNotes(earlier, schedule.timezone);
  const lateMs = now.getTime() - Date.parse(slotTime);
  if (lateMs > LATE_NOTE_AFTER_MS) notes.push(`Posted late: newsbrief was offline at ${formatSlot(slotTime, schedule.timezone)}.`);
  const digest = { ...built.digest, slot: slotTime, notes: [...built.digest.notes, ...notes] };
  if (digest.stories.length === 0 && notes.length === 0 && !(await store.getSettings(schedule.channel)).postEmptyDigest) return undefined;
  return { reply: digestToReply(digest), marks: built.marks, reportedSlots: earlier.map((s) => s.slotTime), preparedAt: now.toISOString() };
}

/**
 * Runs a slot this process has claimed.
 * @param attempts - failed attempts so far
 * @param storedPayload - the payload of an earlier attempt, if any
 */
export async function runClaimedSlot(deps: SlotRunnerDeps, schedule: StoredSchedule, slotTime: string, attempts: number, storedPayload?: string): Promise<SlotOutcome> {
  const { store, logger } = deps;
  const log = { scheduleId: schedule.id, slot: slotTime, channel: schedule.channel };
  let payload: SlotPayload | undefined;
  try {
    payload = storedPayload ? (JSON.parse(storedPayload) as SlotPayload) : await buildPayload(deps, schedule, slotTime);
  } catch (err) {
    return fail(deps, schedule, slotTime, attempts, err);
  }
  if (!payload) {
    await store.updateSlot(schedule.id, slotTime, { status: 'skipped' });
    logger?.info('empty digest skipped', log);
    return 'skipped';
  }
  if (!storedPayload) await store.updateSlot(schedule.id, slotTime, { payload: JSON.stringify(payload) });
  let delivery: Delivery;
  try {
    // A stored payload means an earlier attempt got as far as posting: it may have reached the platform.
    const maybePosted = storedPayload !== undefined;
    const firstAttemptAt = payload.preparedAt === undefined ? undefined : new Date(payload.preparedAt);
    delivery = await deps.post(schedule.channel, payload.reply, { idempotencyKey: idempotencyKeyFor(schedule.id, slotTime), maybePosted, ...(firstAttemptAt ? { firstAttemptAt } : {}) });
  } catch (err) {
    return fail(deps, schedule, slotTime, attempts, err);
  }
  const id = randomUUID();
  const deliveredAt = deps.now().toISOString();
  await store.recordDelivery(
    {
      id,
      channel: schedule.channel,
      scheduleId: schedule.id,
      slotTime,
      messageIds: delivery.messageIds,
      items: payload.marks.filter((m) => m.status === 'delivered').map((m) => m.ref),
      deliveredAt,
    },
    payload.marks.map((m) => ({ ...m, deliveryId: id, slotTime })),
  );
  for (const reported of payload.reportedSlots) await store.updateSlot(schedule.id, reported, { reported: true });
  logger?.info('digest posted', { ...log, messageIds: delivery.messageIds, attempts: attempts + 1 });
  return 'posted';
}

async function fail(deps: SlotRunnerDeps, schedule: StoredSchedule, slotTime: string, attemptsBefore: number, err: unknown): Promise<SlotOutcome> {
  const attempts = attemptsBefore + 1;
  const lastError = errorText(err);
  const log = { scheduleId: schedule.id, slot: slotTime, channel: schedule.channel, attempts, err: lastError };
  if (attempts >= deps.retry.maxAttempts) {
    await deps.store.updateSlot(schedule.id, slotTime, { status: 'failed', attempts, lastError, reported: false });
    deps.logger?.error('digest not posted after the last attempt; it will be reported in the next digest', log);
    return 'failed';
  }
  const delay = err instanceof RateLimitError ? Math.max(err.retryAfterMs, 1_000) : Math.min(deps.retry.baseMs * 2 ** (attempts - 1), deps.retry.maxMs);
  const nextRetryAt = new Date(deps.now().getTime() + delay).toISOString();
  await deps.store.updateSlot(schedule.id, slotTime, { status: 'retry', attempts, lastError, nextRetryAt });
  deps.logger?.warn('digest post failed; will retry', { ...log, nextRetryAt });
  return 'retry';
}

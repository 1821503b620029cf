/**
 * Runs every enabled schedule: a node-cron job per schedule fires on time; a periodic tick
 * picks up schedule changes, posts slots missed within the grace window (late, saying so),
 * records older ones as missed (reported in the next digest), and resumes due retries and
 * claims left by a process that died. Every slot is claimed in the store first, so it posts
 * once however many processes run.
 */
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../platform.js';
import type { Store, StoredSchedule } from '../store/index.js';
import { createFeedPoller, type FeedPoller } from '../digest/poll.js';
import type { GroupStories, HttpGet, SummarizeStory } from '../digest/seams.js';
import { DEFAULT_RETRY, runClaimedSlot, type PostDigest, type RetryPolicy, type SlotOutcome, type SlotRunnerDeps } from './run-slot.js';
import { canonicalSlot, createSlotMatcher, slotsBetween, type SlotMatcher } from './slots.js';

export interface SchedulerOptions {
  store: Store;
  post: PostDigest;
  /** Either a poller shared with the rest of the process, or an HttpGet to make one. */
  poller?: FeedPoller;
  httpGet?: HttpGet;
  now?: () => Date;
  group?: GroupStories;
  summarizeStory?: SummarizeStory;
  logger?: Logger;
  /** Names this process in slot claims. */
  instanceId?: string;
  /** A slot missed by at most this much is posted late; older ones are reported. Default 2 h. */
  graceMs?: number;
  /** A claim older than this with no outcome belongs to a dead process and is taken over. Default 10 min. */
  leaseMs?: number;
  /** How often to sync schedules and resume retries. Default 60 s. */
  tickMs?: number;
  /** How far back to look for missed slots after a restart. Default 7 days. */
  lookbackMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Items gone from their feed for longer than this are forgotten (checked daily). Default 30 days. */
  itemRetentionMs?: number;
  /** How long stop() waits for posts under way. Default 10 s; a post cut off is resumed after restart. */
  stopTimeoutMs?: number;
}

export interface Scheduler {
  start(): Promise<void>;
  /** Stops timers and cron jobs, then waits up to `stopTimeoutMs` for posts under way. */
  stop(): Promise<void>;
  /** One pass of sync, catch-up and recovery (start() runs one; tests call it directly). */
  tick(): Promise<void>;
  /** Claims and runs one slot now (what a cron firing does). */
  runSlot(scheduleId: string, slot: Date): Promise<SlotOutcome>;
}

export const DEFAULT_SCHEDULER_OPTIONS = {
  graceMs: 2 * 3_600_000,
  leaseMs: 10 * 60_000,
  tickMs: 60_000,
  lookbackMs: 7 * 86_400_000,
  itemRetentionMs: 30 * 86_400_000,
  stopTimeoutMs: 10_000,
} as const;

const PURGE_EVERY_MS = 86_400_000;

interface Job {
  key: string;
  task: ScheduledTask;
  matcher: SlotMatcher;
  /** Slots up to here have been looked at by catch-up. */
  checkedUntil?: number;
}

const floorToMinute = (d: Date): Date => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

/** Creates the digest scheduler. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const o = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
  const { store, logger } = o;
  const now = o.now ?? (() => new Date());
  const instanceId = o.instanceId ?? randomUUID();
  if (!o.poller && !o.httpGet) throw new TypeError('createScheduler needs a poller or an httpGet');
  const poller = o.poller ?? createFeedPoller(store, { httpGet: o.httpGet as HttpGet, now, ...(logger ? { logger } : {}) });
  const deps: SlotRunnerDeps = {
    store,
    post: o.post,
    poller,
    now,
    retry: { ...DEFAULT_RETRY, ...o.retry },
    ...(o.group ? { group: o.group } : {}),
    ...(o.summarizeStory ? { summarizeStory: o.summarizeStory } : {}),
    ...(logger ? { logger } : {}),
  };
  const jobs = new Map<string, Job>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let running = false;
  let lastPurge = -Infinity;

  const guarded = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
    } catch (err) {
      logger?.error(`scheduler: ${what} failed`, { err: err instanceof Error ? err.message : String(err) });
    }
  };

  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };

  const runSlot = (scheduleId: string, slot: Date): Promise<SlotOutcome> => track(claimAndRun(scheduleId, slot));

  const claimAndRun = async (scheduleId: string, slot: Date): Promise<SlotOutcome> => {
    const schedule = await store.getScheduleById(scheduleId);
    if (!schedule?.enabled) return 'disabled';
    const matcher = jobs.get(scheduleId)?.matcher;
    const slotTime = (matcher ? canonicalSlot(matcher, slot) : floorToMinute(slot)).toISOString();
    const at = now().toISOString();
    const claimed = await store.claimSlot({ scheduleId, slotTime, channel: schedule.channel, status: 'claimed', claimedBy: instanceId, claimedAt: at });
    if (!claimed) return 'taken';
    return runClaimedSlot(deps, schedule, slotTime, 0);
  };

  const catchUp = async (schedule: StoredSchedule, job: Job): Promise<void> => {
    const t = now();
    let from = Math.max(Date.parse(schedule.updatedAt), t.getTime() - o.lookbackMs);
    if (job.checkedUntil === undefined) {
      const last = (await store.listSlots(schedule.id)).at(-1);
      if (last) from = Math.max(from, Date.parse(last.slotTime));
    } else {
      from = Math.max(from, job.checkedUntil);
    }
    job.checkedUntil = t.getTime();
    // A week of minutes at most (lookback), so even an every-minute schedule finds its latest slot.
    const slots = slotsBetween(job.matcher, new Date(from), t, 20_000);
    const latest = slots.at(-1);
    for (const slot of slots) {
      // Only the latest missed slot is posted late (it carries the news of the others), so a
      // frequent schedule does not flood the channel after an outage.
      if (slot === latest && t.getTime() - slot.getTime() <= o.graceMs) {
        await runSlot(schedule.id, slot);
      } else {
        const slotTime = slot.toISOString();
        const recorded = await store.claimSlot({ scheduleId: schedule.id, slotTime, channel: schedule.channel, status: 'missed', claimedBy: instanceId, claimedAt: t.toISOString() });
        if (recorded) logger?.warn('digest slot missed while offline; it will be reported in the next digest', { scheduleId: schedule.id, slot: slotTime });
      }
    }
  };

  const sync = async (): Promise<void> => {
    const enabled = await store.listEnabledSchedules();
    const wanted = new Map(enabled.map((s) => [s.id, s] as const));
    for (const [id, job] of jobs) {
      const s = wanted.get(id);
      if (!s || `${s.cron}|${s.timezone}` !== job.key) {
        await job.task.destroy();
        await job.matcher.dispose();
        jobs.delete(id);
      }
    }
    for (const s of enabled) {
      let job = jobs.get(s.id);
      if (!job) {
        try {
          const task = cron.schedule(s.cron, (ctx) => guarded(`slot of ${s.id}`, () => runSlot(s.id, ctx.date)), { timezone: s.timezone, name: `digest-${s.id}` });
          job = { key: `${s.cron}|${s.timezone}`, task, matcher: createSlotMatcher(s.cron, s.timezone) };
          jobs.set(s.id, job);
        } catch (err) {
          // One bad row (say, a zone this Node no longer knows) must not stop the other schedules.
          logger?.error('schedule cannot run', { scheduleId: s.id, channel: s.channel, err: err instanceof Error ? err.message : String(err) });
          continue;
        }
      }
      await guarded(`catch-up of ${s.id}`, () => catchUp(s, job as Job));
    }
  };

  const recover = async (): Promise<void> => {
    const t = now();
    for (const slot of await store.listRecoverableSlots(t, new Date(t.getTime() - o.leaseMs))) {
      const schedule = await store.getScheduleById(slot.scheduleId);
      if (!schedule) {
        await store.updateSlot(slot.scheduleId, slot.slotTime, { status: 'failed', lastError: 'schedule removed' });
        continue;
      }
      if (slot.status === 'claimed' && t.getTime() - Date.parse(slot.slotTime) > o.graceMs) {
        // Its process died and the grace window has passed: report it rather than post stale news.
        await store.updateSlot(slot.scheduleId, slot.slotTime, { status: 'missed', reported: false });
        continue;
      }
      if (!(await store.reclaimSlot(slot.scheduleId, slot.slotTime, instanceId, t, new Date(t.getTime() - o.leaseMs)))) continue;
      logger?.info('resuming digest slot', { scheduleId: slot.scheduleId, slot: slot.slotTime, attempts: slot.attempts, was: slot.status });
      await track(runClaimedSlot(deps, schedule, slot.slotTime, slot.attempts, slot.payload));
    }
  };

  const purge = async (): Promise<void> => {
    const t = now().getTime();
    if (t - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = t;
    const n = await store.purgeItems(new Date(t - o.itemRetentionMs));
    if (n > 0) logger?.info('forgot items gone from their feeds', { items: n });
  };

  const tick = (): Promise<void> => {
    ticking ??= (async () => {
      await guarded('schedule sync', sync);
      await guarded('slot recovery', recover);
      await guarded('item retention', purge);
    })().finally(() => {
      ticking = undefined;
    });
    return ticking;
  };

  return {
    runSlot,
    tick,
    async start() {
      if (running) return;
      running = true;
      await tick();
      timer = setInterval(() => void tick(), o.tickMs);
      timer.unref();
    },
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      timer = undefined;
      for (const job of jobs.values()) {
        await job.task.destroy();
        await job.matcher.dispose();
      }
      jobs.clear();
      if (inFlight.size > 0) {
        let timeout: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise<void>((resolve) => {
            timeout = setTimeout(resolve, o.stopTimeoutMs);
            timeout.unref();
          }),
        ]);
        clearTimeout(timeout);
        if (inFlight.size > 0) logger?.warn('scheduler stopped with posts under way; they resume after a restart', { posts: inFlight.size });
      }
    },
  };
}

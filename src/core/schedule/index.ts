/** Scheduled digests: schedule commands, slot arithmetic, and the scheduler. */
export { createScheduler, DEFAULT_SCHEDULER_OPTIONS } from './scheduler.js';
export type { Scheduler, SchedulerOptions } from './scheduler.js';
export { runClaimedSlot, idempotencyKeyFor, DEFAULT_RETRY } from './run-slot.js';
export type { PostDigest, RetryPolicy, SlotOutcome } from './run-slot.js';
export { scheduleSet, scheduleShow, scheduleOff } from './schedule-commands.js';
export type { ScheduleCommandOptions } from './schedule-commands.js';
export { parseScheduleSpec, describeCron, assertCron, assertTimeZone } from './parse-schedule.js';
export type { ScheduleSpec } from './parse-schedule.js';
export { createSlotMatcher, slotsBetween, nextSlot, canonicalSlot } from './slots.js';
export type { SlotMatcher } from './slots.js';

/**
 * Which stored briefing a follow-up is about: the one named by a button's id, else the latest in
 * the channel. A briefing answers only in the channel it was posted in, and only until it expires.
 */
import { NewsbriefError } from '../errors.js';
import type { ChannelRef } from '../model.js';
import type { BriefingStore, StoredBriefing } from '../store/store.js';

/** How long briefings are kept for follow-ups (the store's `expiresAt` is set from this). */
export const BRIEFING_TTL_DAYS = 7;

const sameChannel = (a: ChannelRef, b: ChannelRef): boolean =>
  a.platform === b.platform && a.workspace === b.workspace && a.channel === b.channel;

/**
 * Finds the briefing a follow-up refers to.
 * @param store - where briefings are kept
 * @param channel - where the follow-up was asked
 * @param briefingId - from a button; without it, the latest briefing in `channel`
 * @param now - the current time (injected for tests)
 * @param ttlDays - how long briefings are kept (config `briefings.ttlDays`), for the messages
 * @throws NewsbriefError `FORBIDDEN` when the briefing belongs to another channel or workspace,
 *   `EXPIRED` when it has expired, `NOT_FOUND` when there is none
 */
export async function resolveFollowupTarget(
  store: BriefingStore,
  channel: ChannelRef,
  briefingId: string | undefined,
  now: Date,
  ttlDays: number = BRIEFING_TTL_DAYS,
): Promise<StoredBriefing> {
  if (briefingId === undefined) {
    const latest = await store.latestBriefing(channel, now);
    if (latest === undefined) throw new NewsbriefError('NOT_FOUND', 'No briefing in this channel yet; run /brief <link> first.');
    return latest;
  }
  const stored = await store.getBriefing(briefingId);
  if (stored === undefined) {
    // Purged after expiry, or never existed: either way the user's next step is the same.
    throw new NewsbriefError('NOT_FOUND', `That briefing no longer exists (briefings are kept for ${ttlDays} days); run /brief again.`);
  }
  // The channel check comes first so an expired briefing of another channel reveals nothing.
  if (!sameChannel(stored.channel, channel)) throw new NewsbriefError('FORBIDDEN', 'That briefing belongs to another channel.');
  if (Date.parse(stored.expiresAt) <= now.getTime()) {
    throw new NewsbriefError('EXPIRED', `That briefing has expired (briefings are kept for ${ttlDays} days); run /brief again.`);
  }
  return stored;
}

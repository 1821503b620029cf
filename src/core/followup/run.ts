/** The follow-up verbs by name, for the command layer and the buttons. */
import type { FollowupVerb, Reply } from '../model.js';
import type { StoredBriefing } from '../store/store.js';
import { moreReply } from './more.js';
import { askReply, nextReply, quotesReply, sourceReply, whoReply } from './verbs.js';

/** A follow-up verb: a stored briefing and the text after the verb → a Reply. */
export type FollowupVerbFn = (stored: StoredBriefing, arg?: string) => Reply;

export const FOLLOWUP_VERBS = {
  more: (stored, arg) => moreReply(stored, arg),
  ask: askReply,
  quotes: quotesReply,
  who: whoReply,
  next: nextReply,
  source: sourceReply,
} satisfies Record<FollowupVerb, FollowupVerbFn>;

/**
 * Runs one follow-up verb on a stored briefing.
 * @example runFollowup('ask', stored, 'where will the talks be held?')
 */
export function runFollowup(verb: FollowupVerb, stored: StoredBriefing, arg?: string): Reply {
  return FOLLOWUP_VERBS[verb](stored, arg);
}

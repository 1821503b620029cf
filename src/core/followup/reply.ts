/** The shape every follow-up answer shares: kind `followup`, the briefing id, buttons for the other verbs. */
import type { FollowupVerb, Reply, ReplyAction } from '../model.js';
import type { StoredBriefing } from '../store/store.js';

const BUTTONS: Array<{ verb: FollowupVerb; label: string }> = [
  { verb: 'more', label: 'More' },
  { verb: 'quotes', label: 'Quotes' },
  { verb: 'who', label: 'Who' },
  { verb: 'next', label: 'What next' },
  { verb: 'source', label: 'Source' },
];

/** Buttons for the follow-ups not just answered (`ask` needs typed text, so it has none). */
export function followupActions(briefingId: string, except?: FollowupVerb): ReplyAction[] {
  return BUTTONS.filter((b) => b.verb !== except).map((b) => ({ label: b.label, verb: b.verb, briefingId }));
}

/** A follow-up reply about `stored`'s briefing. */
export function followupReply(stored: StoredBriefing, verb: FollowupVerb, reply: Omit<Reply, 'kind'>): Reply {
  return {
    kind: 'followup',
    briefingId: stored.briefing.id,
    actions: followupActions(stored.briefing.id, verb),
    ...reply,
  };
}

/** "paragraph 3" for a 0-based paragraph number. */
export const whereItStands = (paragraph: number): string => `paragraph ${paragraph + 1}`;

/**
 * What a button or modal carries between Slack and us: the follow-up verb and the briefing id.
 * Buttons: action_id `newsbrief:<verb>:<n>` and value `<verb>:<briefingId>`.
 * Ask modal: callback_id `newsbrief_ask`, private_metadata JSON with channel, thread and briefing.
 */
import type { FollowupVerb } from '../../core/model.js';

export const ACTION_ID_PATTERN = /^newsbrief:/;
export const ASK_MODAL_CALLBACK_ID = 'newsbrief_ask';
export const ASK_BLOCK_ID = 'question';
export const ASK_INPUT_ACTION_ID = 'text';

const VERBS: readonly FollowupVerb[] = ['more', 'ask', 'quotes', 'who', 'next', 'source'];

export const isFollowupVerb = (v: string): v is FollowupVerb => (VERBS as readonly string[]).includes(v);

/** The action_id of the n-th button in a message. */
export const encodeActionId = (verb: FollowupVerb, n: number): string => `newsbrief:${verb}:${n}`;

export const encodeActionValue = (verb: FollowupVerb, briefingId: string): string => `${verb}:${briefingId}`;

/** Read a button's verb and briefing id; undefined for anything we did not render. */
export function decodeActionValue(value: string | undefined): { verb: FollowupVerb; briefingId: string } | undefined {
  if (!value) return undefined;
  const colon = value.indexOf(':');
  const verb = value.slice(0, colon);
  const briefingId = value.slice(colon + 1);
  if (colon < 1 || !isFollowupVerb(verb) || briefingId.length === 0) return undefined;
  return { verb, briefingId };
}

/** Where the answer to an Ask modal goes. */
export interface AskContext {
  channel: string;
  threadTs?: string;
  briefingId: string;
}

export const encodeAskContext = (ctx: AskContext): string =>
  JSON.stringify({ c: ctx.channel, t: ctx.threadTs, b: ctx.briefingId });

export function decodeAskContext(metadata: string | undefined): AskContext | undefined {
  try {
    const raw = JSON.parse(metadata ?? '') as { c?: unknown; t?: unknown; b?: unknown };
    if (typeof raw.c !== 'string' || typeof raw.b !== 'string') return undefined;
    return { channel: raw.c, briefingId: raw.b, ...(typeof raw.t === 'string' ? { threadTs: raw.t } : {}) };
  } catch {
    return undefined;
  }
}

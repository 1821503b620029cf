/**
 * Button and modal custom ids: `nb:v1:<verb>:<briefingId>`. The version segment lets a later
 * release change the layout while buttons on old messages still decode (or are refused clearly).
 */
import type { FollowupVerb } from '../../core/model.js';

const PREFIX = 'nb:v1:';
/** Discord's limit on a component's custom_id. */
export const CUSTOM_ID_MAX = 100;
const VERBS: readonly FollowupVerb[] = ['more', 'ask', 'quotes', 'who', 'next', 'source'];

/** A follow-up carried by a button or modal. */
export interface FollowupRef {
  verb: FollowupVerb;
  briefingId: string;
}

/**
 * Encode a follow-up as a custom id.
 * @returns the id, or undefined when it would exceed Discord's 100 characters
 */
export function encodeCustomId(ref: FollowupRef): string | undefined {
  const id = `${PREFIX}${ref.verb}:${ref.briefingId}`;
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

/** Decode a custom id made by {@link encodeCustomId}; undefined for anything else. */
export function decodeCustomId(customId: string): FollowupRef | undefined {
  if (!customId.startsWith(PREFIX)) return undefined;
  const rest = customId.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0) return undefined;
  const verb = rest.slice(0, colon) as FollowupVerb;
  const briefingId = rest.slice(colon + 1);
  if (!VERBS.includes(verb) || briefingId === '') return undefined;
  return { verb, briefingId };
}

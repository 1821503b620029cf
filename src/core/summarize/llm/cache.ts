/**
 * The summary cache: a digest that meets the same story twice, or a second /brief of the
 * same link, does not pay the provider twice. Keyed by a hash of everything the request
 * sends (article text, model, prompt, budgets) and the grounding version, stored through
 * the CacheStore.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Briefing } from '../../model.js';
import type { CacheStore } from '../../store/store.js';
import { PROMPT_VERSION } from './prompt.js';

export const LLM_CACHE_NAMESPACE = 'llm';

/** A briefing minus what belongs to one delivery (id, time) or one URL of the story (source). */
export type CachedBriefing = Omit<Briefing, 'id' | 'createdAt' | 'source'>;

// Enough to know the entry is ours and whole; the rest was validated before it was written.
const cachedSchema = z.looseObject({
  title: z.string(),
  points: z.array(z.string()).min(1),
  entities: z.looseObject({ people: z.array(z.unknown()), organisations: z.array(z.unknown()), places: z.array(z.unknown()) }),
  whatNext: z.array(z.unknown()),
  warnings: z.array(z.string()),
});

/**
 * Version of the grounding check. The cache holds checked briefings, so a stricter check
 * must not be bypassed by entries the old one passed: bump this whenever the check changes.
 */
export const GROUNDING_VERSION = 'grounding-v1';

/** A hex SHA-256 of the prompt and check versions and the request body (model and text). */
export function cacheKeyFor(requestBody: Record<string, unknown>): string {
  return createHash('sha256')
    .update(`${PROMPT_VERSION}\0${GROUNDING_VERSION}\0`)
    .update(JSON.stringify(requestBody))
    .digest('hex');
}

/** The cached briefing, or undefined on a miss, a broken entry or a failing store. */
export async function readCachedBriefing(cache: CacheStore | undefined, key: string): Promise<CachedBriefing | undefined> {
  if (!cache) return undefined;
  try {
    const raw = await cache.cacheGet(LLM_CACHE_NAMESPACE, key);
    if (raw === undefined) return undefined;
    const parsed = cachedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as unknown as CachedBriefing) : undefined;
  } catch {
    // A cache is an optimisation: a broken one must never stop a briefing.
    return undefined;
  }
}

/** Stores a briefing; returns false (and stores nothing) when the store fails. */
export async function writeCachedBriefing(cache: CacheStore | undefined, key: string, briefing: Briefing): Promise<boolean> {
  if (!cache) return false;
  const { id: _id, createdAt: _createdAt, source: _source, ...rest } = briefing;
  try {
    await cache.cacheSet(LLM_CACHE_NAMESPACE, key, JSON.stringify(rest satisfies CachedBriefing));
    return true;
  } catch {
    return false;
  }
}

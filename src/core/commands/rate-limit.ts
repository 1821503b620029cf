/**
 * A per-key sliding-window limiter, so one channel cannot make the bot fetch and summarize
 * without pause (each briefing costs a fetch, and an LLM call when that is on).
 */
export interface RateLimiter {
  /** Records an attempt; returns 0 when allowed, else the milliseconds to wait. */
  take(key: string, now: number): number;
}

export function createRateLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key, now) {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < options.windowMs);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        return options.windowMs - (now - recent[0]!);
      }
      recent.push(now);
      hits.set(key, recent);
      // Forget idle keys now and then so the map does not grow without bound.
      if (hits.size > 10_000) for (const [k, ts] of hits) if (ts.every((t) => now - t >= options.windowMs)) hits.delete(k);
      return 0;
    },
  };
}

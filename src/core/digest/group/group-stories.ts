/**
 * Story grouping: items from different feeds about the same event become one story.
 *
 * Pipeline: order items by (time, id) so the output never depends on input order → TF-IDF vectors of
 * headline, lead and link slug with named-entity terms boosted ({@link vectorize}) → candidate links
 * through an inverted index on rare terms within the time window ({@link findNeighbours}) →
 * centroid-linkage agglomerative clustering over those links ({@link clusterByCentroid}).
 */
import { ConfigError } from '../../errors.js';
import { clusterByCentroid } from './centroid-clustering.js';
import { findNeighbours } from './neighbours.js';
import {
  DEFAULT_GROUP_OPTIONS,
  type GroupInput,
  type GroupOptions,
  type GroupResult,
  type ResolvedGroupOptions,
  type StoryGroup,
} from './types.js';
import { vectorize } from './vectorize.js';

const HOUR_MS = 3_600_000;
/**
 * Candidate links are kept down to this share of the merge threshold: a link too weak to merge two
 * single items can still connect their clusters once those have grown.
 */
const CANDIDATE_FLOOR_SHARE = 0.5;

/** Checks options from configuration; a bad value would silently group everything or nothing. */
function resolveOptions(options: GroupOptions): ResolvedGroupOptions {
  const settings: ResolvedGroupOptions = { ...DEFAULT_GROUP_OPTIONS, ...options };
  const check = (key: keyof GroupOptions, ok: boolean, expected: string): void => {
    if (!ok) {
      throw new ConfigError(
        `digest.grouping.${key}`,
        `Story grouping option ${key} must be ${expected}, got ${String(settings[key])}. Fix it in the digest settings.`,
      );
    }
  };
  check('maxSpanHours', settings.maxSpanHours >= 0, 'a number of hours ≥ 0');
  check('halfLifeHours', settings.halfLifeHours >= 0, 'a number of hours ≥ 0 (0 turns decay off)');
  check('mergeThreshold', settings.mergeThreshold > 0 && settings.mergeThreshold <= 1, 'between 0 (exclusive) and 1');
  check('summaryWeight', settings.summaryWeight >= 0, 'a weight ≥ 0');
  check('slugWeight', settings.slugWeight >= 0, 'a weight ≥ 0');
  check('entityBoost', settings.entityBoost >= 1, 'a multiplier ≥ 1');
  check('neighbours', Number.isInteger(settings.neighbours) && settings.neighbours >= 1, 'a whole number ≥ 1');
  return settings;
}

function parseTime(published: string | undefined): number | undefined {
  if (!published) return undefined;
  const ms = Date.parse(published);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Items without a time sort last; ties by id, then input position, so the order is total. */
function orderItems(items: readonly GroupInput[], times: readonly (number | undefined)[]): number[] {
  return items
    .map((_, i) => i)
    .sort((p, q) => {
      const tp = times[p] ?? Infinity;
      const tq = times[q] ?? Infinity;
      if (tp !== tq) return tp < tq ? -1 : 1;
      const ip = items[p]!.id;
      const iq = items[q]!.id;
      if (ip !== iq) return ip < iq ? -1 : 1;
      return p - q;
    });
}

/**
 * Groups news items into stories.
 * @param items - the items; ids should be unique (a repeated id maps to the story of its earliest copy).
 * @param options - overrides of {@link DEFAULT_GROUP_OPTIONS}.
 * @returns every item in exactly one story; story ids are the earliest item's id.
 * @throws {@link ConfigError} when an option is out of range.
 * @example
 * const { stories } = groupStories(feedItems.map((f) => ({ id: f.id, title: f.title, published: f.publishedAt })));
 */
export function groupStories(items: readonly GroupInput[], options: GroupOptions = {}): GroupResult {
  const settings = resolveOptions(options);
  const inputTimes = items.map((item) => parseTime(item.published));
  const order = orderItems(items, inputTimes);
  const sorted = order.map((i) => items[i]!);
  const times = order.map((i) => inputTimes[i]);

  const { vectors, documentFrequency } = vectorize(sorted, settings);
  const maxSpanMs = settings.maxSpanHours * HOUR_MS;
  const edges = findNeighbours(vectors, documentFrequency, times, {
    maxGapMs: maxSpanMs,
    neighbours: settings.neighbours,
    minSimilarity: settings.mergeThreshold * CANDIDATE_FLOOR_SHARE,
  });
  const clusters = clusterByCentroid(vectors, times, edges, {
    threshold: settings.mergeThreshold,
    maxSpanMs,
    halfLifeMs: settings.halfLifeHours * HOUR_MS,
  });

  // Clusters come in order of their earliest member, and members ascend, so member 0 is the earliest item.
  const stories: StoryGroup[] = clusters.map((members) => ({
    id: sorted[members[0]!]!.id,
    itemIds: members.map((m) => sorted[m]!.id),
  }));
  const storyAt: string[] = [];
  stories.forEach((story, s) => {
    for (const m of clusters[s]!) storyAt[m] = story.id;
  });
  // Walk items earliest first, so a repeated id keeps the story of its earliest copy.
  const storyOf = new Map<string, string>();
  sorted.forEach((item, m) => {
    if (!storyOf.has(item.id)) storyOf.set(item.id, storyAt[m]!);
  });
  return { stories, storyOf };
}

/**
 * Synthesises a large, realistic batch of news items from a small labelled seed (e.g. the story dev set):
 * copy k of every item is shifted by 2k days and has its headline perturbed (a word dropped, two words
 * swapped). Batches keep real headline statistics, copies of one story never fall in one 36-hour
 * window (so the copy labels stay a fair gold standard), while copies of stories from neighbouring
 * days do overlap. Deterministic for a given seed list and count.
 */
import type { GroupInput } from '../src/core/digest/group/types.js';

export interface LabelledItem extends GroupInput {
  /** Gold story label; copy k gets the suffix `#k`. */
  story?: string;
}

const DAY_MS = 86_400_000;
// Two days apart, so one 36-hour story window never holds two copies of the same event.
const DAYS_PER_COPY = 2;

/** mulberry32: a tiny seeded PRNG, so the synthetic batch is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function perturb(title: string, next: () => number): string {
  const words = title.split(' ');
  if (words.length > 4 && next() < 0.4) words.splice(Math.floor(next() * words.length), 1);
  if (words.length > 3 && next() < 0.4) {
    const i = Math.floor(next() * (words.length - 1));
    [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
  }
  return words.join(' ');
}

function shiftDay(published: string | undefined, days: number): string | undefined {
  if (!published) return published;
  const ms = Date.parse(published);
  return Number.isNaN(ms) ? published : new Date(ms + days * DAY_MS).toISOString();
}

/**
 * @param seed - labelled items to replicate.
 * @param count - how many items to produce.
 */
export function synthesizeItems(seed: readonly LabelledItem[], count: number): LabelledItem[] {
  const next = random(9);
  const out: LabelledItem[] = [];
  for (let copy = 0; out.length < count; copy++) {
    for (const item of seed) {
      if (out.length >= count) break;
      const synthetic: LabelledItem = {
        ...item,
        id: `${item.id}#${copy}`,
        title: copy === 0 ? item.title : perturb(item.title, next),
      };
      const published = shiftDay(item.published, copy * DAYS_PER_COPY);
      if (published !== undefined) synthetic.published = published;
      if (item.story !== undefined) synthetic.story = `${item.story}#${copy}`;
      out.push(synthetic);
    }
  }
  return out;
}

/**
 * Choosing a set of points by expected word overlap: the set whose words the article's highlights are
 * expected to share most for its length (an expected ROUGE-1 F1, 2·overlap / (set words + highlight
 * words)), plus the sentence scorer's scores. A word counts once per expected use, so two points that
 * say the same thing add length and nothing else, and a long point must earn its words.
 */
import { stemmedWords } from '../../nlp/stemmed-words.js';
import { overlap, type Candidate } from './candidates.js';
import type { WordChances, WordModel } from './word-model.js';

interface Scored extends Candidate {
  stems: string[];
}

/** Expected shared words of a set with the highlights, and the set's length in words. */
function expectedOverlap(set: readonly Scored[], chances: WordChances): { shared: number; length: number } {
  const uses = new Map<string, number>();
  let length = 0;
  for (const c of set) {
    for (const w of c.stems) uses.set(w, (uses.get(w) ?? 0) + 1);
    length += c.stems.length;
  }
  let shared = 0;
  for (const [w, k] of uses) {
    const p = chances.get(w);
    if (p === undefined) continue;
    for (let j = 0; j < Math.min(k, 3); j += 1) shared += p[j]!;
  }
  return { shared, length };
}

function valueOf(set: readonly Scored[], chances: WordChances, model: WordModel): number {
  const { shared, length } = expectedOverlap(set, chances);
  let scores = 0;
  for (const c of set) scores += c.score;
  return (2 * shared) / (length + model.referenceWords) + model.scoreWeight * scores;
}

/**
 * The best `count` candidates taken together, in reading order. Only the `model.pool` candidates that
 * are best on their own are combined, and no two chosen points may share more than `redundancy` of
 * their terms or come from the same sentence.
 * @param candidates - eligible points (any order)
 */
export function chooseBySharedWords(candidates: readonly Candidate[], chances: WordChances, model: WordModel, count: number, redundancy: number): Candidate[] {
  const scored: Scored[] = candidates.map((c) => ({ ...c, stems: stemmedWords(c.text) }));
  const alone = new Map(scored.map((c) => [c, valueOf([c], chances, model)]));
  const pool = [...scored].sort((a, b) => alone.get(b)! - alone.get(a)! || a.index - b.index).slice(0, Math.max(model.pool, count));
  const fits = (set: readonly Scored[], c: Scored): boolean => set.every((o) => o.index !== c.index && overlap(o.terms, c.terms) <= redundancy);
  let best: Scored[] = [];
  let bestValue = -Infinity;
  const search = (start: number, set: Scored[]): void => {
    if (set.length === count) {
      const value = valueOf(set, chances, model);
      if (value > bestValue) {
        bestValue = value;
        best = [...set];
      }
      return;
    }
    for (let i = start; i < pool.length; i += 1) {
      if (!fits(set, pool[i]!)) continue;
      set.push(pool[i]!);
      search(i + 1, set);
      set.pop();
    }
  };
  search(0, []);
  // Fewer compatible candidates than asked for: the best of them, greedily.
  if (best.length === 0) for (const c of pool) if (best.length < count && fits(best, c)) best.push(c);
  return best.map(({ stems: _stems, ...c }) => c).sort((a, b) => a.index - b.index);
}

/**
 * Choosing a set of points by expected word overlap: the set whose words the article's highlights are
 * expected to share most for its length (an expected ROUGE-1 F1, 2·overlap / (set words + highlight
 * words)), plus the sentence scorer's scores. A word counts once per expected use, so two points that
 * say the same thing add length and nothing else, and a long point must earn its words.
 */
import { stemmedWords } from '../../nlp/stemmed-words.js';
import { overlap, type Candidate } from './candidates.js';
import type { WordChances, WordModel } from './word-model.js';

/** A word the article does not have (tightening adds none, but a caller's candidate might). */
const NEVER = [0, 0, 0] as const;

interface Scored extends Candidate {
  /** The point's stemmed words as ids into the search's word table. */
  ids: number[];
}

/**
 * A set's value: expected shared words with the highlights, over the set's length plus the expected
 * highlight length, plus the weighted scorer scores. `uses` is scratch space, all zeros on entry and exit.
 */
function valueOf(set: readonly Scored[], chances: readonly (readonly number[])[], uses: Uint8Array, model: WordModel): number {
  let shared = 0;
  let length = 0;
  let scores = 0;
  for (const c of set) {
    length += c.ids.length;
    scores += c.score;
    for (const id of c.ids) {
      const k = uses[id]!;
      if (k < 3) shared += chances[id]![k]!;
      uses[id] = k + 1;
    }
  }
  for (const c of set) for (const id of c.ids) uses[id] = 0;
  return (2 * shared) / (length + model.referenceWords) + model.scoreWeight * scores;
}

/**
 * The best `count` candidates taken together, in reading order, searched exhaustively (the caller
 * passes only the scorer's `model.candidates` best). No two chosen points may share more than
 * `redundancy` of their terms or come from the same sentence.
 * @param candidates - eligible points (any order)
 * @param stems - each candidate's stemmed words, when the caller has them already
 */
export function chooseBySharedWords(
  candidates: readonly Candidate[],
  chances: WordChances,
  model: WordModel,
  count: number,
  redundancy: number,
  stems: readonly (readonly string[])[] = candidates.map((c) => stemmedWords(c.text)),
): Candidate[] {
  const ids = new Map<string, number>();
  const table: (readonly number[])[] = [];
  const scored: Scored[] = candidates.map((c, i) => ({
    ...c,
    ids: stems[i]!.map((w) => {
      let id = ids.get(w);
      if (id === undefined) {
        id = table.length;
        ids.set(w, id);
        table.push(chances.get(w) ?? NEVER);
      }
      return id;
    }),
  }));
  const uses = new Uint8Array(table.length);
  const fits = (set: readonly Scored[], c: Scored): boolean => set.every((o) => o.index !== c.index && overlap(o.terms, c.terms) <= redundancy);
  let best: Scored[] = [];
  let bestValue = -Infinity;
  const search = (start: number, set: Scored[]): void => {
    if (set.length === count) {
      const value = valueOf(set, table, uses, model);
      if (value > bestValue) {
        bestValue = value;
        best = [...set];
      }
      return;
    }
    for (let i = start; i < scored.length; i += 1) {
      if (!fits(set, scored[i]!)) continue;
      set.push(scored[i]!);
      search(i + 1, set);
      set.pop();
    }
  };
  search(0, []);
  // Fewer compatible candidates than asked for: the best smaller set.
  if (best.length === 0 && count > 1) return chooseBySharedWords(candidates, chances, model, count - 1, redundancy, stems);
  return best.map(({ ids: _ids, ...c }) => c).sort((a, b) => a.index - b.index);
}

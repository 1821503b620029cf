import { describe, expect, it } from 'vitest';
import { stemmedWords } from '../../../../src/core/nlp/stemmed-words.js';
import type { Candidate } from '../../../../src/core/summarize/extractive/candidates.js';
import { chooseBySharedWords } from '../../../../src/core/summarize/extractive/select-points.js';
import type { WordChances, WordModel } from '../../../../src/core/summarize/extractive/word-model.js';

const MODEL: WordModel = { vocabulary: [], once: [], twice: [], thrice: [], referenceWords: 38, scoreWeight: 0, candidates: 8 };
/** Effectively no redundancy limit, so the tests see what the shared-words value itself does. */
const NO_LIMIT = 1.01;

function candidate(index: number, text: string, score = 0): Candidate {
  return { index, text, score, terms: new Set(stemmedWords(text)) };
}

/** The words of `likely` are used by the highlights with chance 0.9 (once), everything else 0.05. */
function chancesFor(candidates: Candidate[], likely: string): WordChances {
  const hot = new Set(stemmedWords(likely));
  const chances: WordChances = new Map();
  for (const c of candidates) for (const w of stemmedWords(c.text)) chances.set(w, hot.has(w) ? [0.9, 0.2, 0] : [0.05, 0, 0]);
  return chances;
}

describe('choosing points by expected shared words', () => {
  const arrest = candidate(0, 'Police arrested two men in Leeds on Monday after the robbery.');
  const arrestAgain = candidate(4, 'Two men were arrested by police in Leeds on Monday.');
  const court = candidate(2, 'The men will appear in court in Bradford on Friday.');
  const weather = candidate(3, 'It was a cold and wet morning in the city centre.');
  const all = [arrest, arrestAgain, court, weather];
  const likely = 'Police arrested two men in Leeds Monday court Bradford Friday';

  it('does not spend a point on a fact another point already gives: a repeated word counts once', () => {
    const chosen = chooseBySharedWords(all, chancesFor(all, likely), MODEL, 2, NO_LIMIT).map((c) => c.index);
    // The arrest once (the shorter telling, 4), and the court date.
    expect(chosen).toEqual([2, 4]);
  });

  it('returns the points in reading order', () => {
    const chosen = chooseBySharedWords([court, weather, arrest], chancesFor(all, likely), MODEL, 3, NO_LIMIT);
    expect(chosen.map((c) => c.index)).toEqual([0, 2, 3]);
  });

  it('makes a long point earn its words: padding lowers its value', () => {
    const padded = candidate(1, 'Police arrested two men in Leeds on Monday, in what was described by a number of local residents as a very quiet and ordinary street.');
    const chosen = chooseBySharedWords([padded, arrest], chancesFor([padded, arrest], likely), MODEL, 1, NO_LIMIT);
    expect(chosen.map((c) => c.index)).toEqual([0]);
  });

  it('keeps the redundancy limit and never takes two points from one sentence', () => {
    const sameSentence = candidate(0, 'Police arrested two men…');
    const chosen = chooseBySharedWords([arrest, sameSentence, arrestAgain, court], chancesFor(all, likely), MODEL, 3, 0.4);
    // Three were asked for, but the other candidates repeat the arrest or its sentence: the best pair.
    expect(chosen.map((c) => c.index)).toEqual([2, 4]);
  });

  it('lets the scorer decide between equally likely points when it has a weight', () => {
    const a = candidate(5, 'Alpha beta gamma delta epsilon.', 0);
    const b = candidate(6, 'Zeta eta theta iota kappa.', 1);
    const chances: WordChances = new Map([...stemmedWords(a.text), ...stemmedWords(b.text)].map((w) => [w, [0.5, 0, 0] as const]));
    expect(chooseBySharedWords([a, b], chances, { ...MODEL, scoreWeight: 0 }, 1, NO_LIMIT)[0]!.index).toBe(5);
    expect(chooseBySharedWords([a, b], chances, { ...MODEL, scoreWeight: 0.15 }, 1, NO_LIMIT)[0]!.index).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../src/core/nlp/sentences.js';
import { DEFAULT_WEIGHTS } from '../../../../src/core/summarize/extractive/model.js';
import { articleWords, WORD_FEATURE_NAMES, wordChances, wordFeatureNames } from '../../../../src/core/summarize/extractive/word-model.js';

const ARTICLE = [
  'Flooding forced hundreds of families from their homes in Carlisle on Sunday after the River Eden burst its banks.',
  'Rescue teams used boats to reach people trapped in the upper floors of houses.',
  'The Environment Agency said river levels in Carlisle were the highest ever recorded.',
  'A spokesman for the agency said the clean-up could take months.',
  'Local football matches were called off, and the town hall car park was closed for the weekend.',
].join(' ');

describe('the word model', () => {
  const sentences = splitSentences(ARTICLE);
  const scores = sentences.map((_s, i) => 1 / (i + 1));
  const model = DEFAULT_WEIGHTS.wordModel!;
  const words = articleWords(sentences, scores, model.vocabulary);
  const feature = (word: string, name: (typeof WORD_FEATURE_NAMES)[number]): number => words.features[words.words.indexOf(word)]![WORD_FEATURE_NAMES.indexOf(name)]!;

  it('ships with weights for every feature of its vocabulary', () => {
    const names = wordFeatureNames(model.vocabulary);
    for (const weights of [model.once, model.twice, model.thrice]) expect(weights).toHaveLength(names.length);
    expect(model.vocabulary).toContain('the');
  });

  it('counts words as ROUGE stems them, with where they first appear and how they are written', () => {
    expect(words.words).toContain('carlisl');
    expect(feature('carlisl', 'logCount')).toBeCloseTo(Math.log1p(2));
    expect(feature('carlisl', 'inFirstSentence')).toBe(1);
    expect(feature('carlisl', 'capitalisedShare')).toBe(1);
    expect(feature('boat', 'inFirstSentence')).toBe(0);
    expect(feature('boat', 'inverseFirstSentence')).toBeCloseTo(1 / 2);
    expect(words.vocabularyIndex[words.words.indexOf('the')]).toBe(model.vocabulary.indexOf('the'));
    expect(words.vocabularyIndex[words.words.indexOf('carlisl')]).toBe(-1);
  });

  it('expects the highlights to name the lead’s place and event rather than a detail from the end', () => {
    const chances = wordChances(words, model);
    const once = (w: string): number => chances.get(w)![0];
    expect(once('carlisl')).toBeGreaterThan(once('park'));
    expect(once('flood')).toBeGreaterThan(once('weekend'));
    for (const [, [one, two, three]] of chances) {
      expect(two).toBeLessThanOrEqual(one);
      expect(three).toBeLessThanOrEqual(two);
    }
  });
});

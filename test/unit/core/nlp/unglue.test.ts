import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../src/core/nlp/index.js';

describe('splitSentences on scraped text', () => {
  it('splits sentences whose space a scraper dropped, but keeps abbreviations whole', () => {
    const text = 'Putin said it would be a colossal mistake.Russia’s foreign ministry said the team had arrived. NATO was founded in 1949.The U.S.-Russia talks start on Monday.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Putin said it would be a colossal mistake.',
      'Russia’s foreign ministry said the team had arrived.',
      'NATO was founded in 1949.',
      'The U.S.-Russia talks start on Monday.',
    ]);
  });
});

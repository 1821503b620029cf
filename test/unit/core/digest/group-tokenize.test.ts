import { describe, expect, it } from 'vitest';
import { stripEllipsis, tokenize } from '../../../../src/core/digest/group/tokenize.js';

const terms = (text: string): string[] => tokenize(text).map((t) => t.term);
const entities = (text: string): string[] => tokenize(text).filter((t) => t.entity).map((t) => t.term);

describe('tokenize', () => {
  it('drops function words and stems the rest, so word forms match', () => {
    expect(terms('The banks are failing')).toEqual(terms('bank fails'));
    expect(terms('Sbarro files for bankruptcy')).toEqual(['sbarro', 'file', 'bankruptci']);
  });

  it("treats possessives, curly apostrophes and dotted acronyms as the plain word", () => {
    expect(terms('McDonald’s sales')).toEqual(terms("McDonald's sale"));
    expect(terms('U.S. stocks')).toEqual(terms('US stocks'));
  });

  it('marks names, acronyms and numbers in sentence-case text as entities', () => {
    expect(entities('Shares of Chiquita rose 4.5% after the SEC filing')).toEqual(['chiquita', '4.5', 'sec']);
  });

  it('does not take title-case capitals for names', () => {
    expect(entities('Stocks Fall On Weak China Data')).toEqual([]);
  });

  it('folds accents in Latin script and keeps other scripts whole', () => {
    expect(terms('Élection présidentielle')).toEqual(terms('election presidentielle'));
    expect(terms('Выборы в Москве')).toEqual(['выборы', 'москве']);
  });

  it('splits text written without spaces into character pairs', () => {
    expect(terms('東京五輪')).toEqual(['東京', '京五', '五輪']);
  });
});

describe('stripEllipsis', () => {
  it('removes the mark of a headline the aggregator cut off', () => {
    expect(stripEllipsis('Stocks May Come Under Pressure On Disappointing Chinese Data - U.S. ...')).toBe(
      'Stocks May Come Under Pressure On Disappointing Chinese Data - U.S.',
    );
    expect(stripEllipsis('Japan struggles to understand ..')).toBe('Japan struggles to understand');
    expect(stripEllipsis('Markets fall…')).toBe('Markets fall');
  });
});

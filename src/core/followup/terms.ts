/**
 * Terms for sentence retrieval: lower-cased, stemmed words and plain numbers, without function
 * words. The same function reads questions and sentences so their terms always match.
 */
import { stemmer } from 'stemmer';

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom whose why
  will with would you your yours yourself yourselves s t don shall may might must also ago per via than upon`.split(/\s+/),
);

/** Question words and filler that say what kind of answer is wanted, not what it is about. */
const QUESTION_FILLER = new Set(
  `tell say said says saying article story report reported mention mentioned happen happened happening according
  know known describe explain give many much long old often kind type exactly actually really`.split(/\s+/),
);

/** Words news questions and articles use for one another ("died" / "killed", "talks" / "negotiations"). */
const SYNONYM_GROUPS = [
  'talks negotiations negotiate negotiating',
  'killed kill died die dead death deaths dying',
  'injured injuries injury wounded hurt',
  'arrested detained arrest custody',
  'bought buy purchase purchased acquired acquire',
  'won win victory beat winner',
  'age aged old',
  'children child kids kid',
  'money cash funds funding',
  'car vehicle',
  'job jobs employment',
  'doctor doctors physician',
  'film movie',
  'boss manager coach',
  'married marry wife husband wedding',
  'sentenced jailed prison jail',
  'cost costs price paid pay',
  'afraid fear fears feared',
  'sell sold sale selling',
  'bird birds avian',
  'aim aims goal achieve',
  'game games match matches fixture fixtures',
  'expand expansion expanded expanding',
];
const NUMBER_WORDS = new Map(
  'one two three four five six seven eight nine ten eleven twelve'.split(' ').map((w, i) => [w, String(i + 1)]),
);
const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const stems = group.split(' ').map((w) => stemmer(w));
  for (const stem of stems) CANONICAL.set(stem, stems[0]!);
}

const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;

export interface Term {
  /** Stem, or the number without separators. */
  term: string;
  /** The word as written, lower-cased. */
  word: string;
  /** Character offset in the text. */
  at: number;
  /** Written with a capital (not first word) or a number: names and figures weigh more in a question. */
  salient: boolean;
}

/**
 * Splits text into retrieval terms.
 * @param text - a sentence or a question
 * @param question - also drop question filler words ("tell", "article", "happen")
 */
export function toTerms(text: string, question = false): Term[] {
  const terms: Term[] = [];
  let first = true;
  for (const match of text.matchAll(WORD)) {
    const written = match[0].replace(/['’]s$/u, '');
    const lower = written.toLowerCase();
    const wasFirst = first;
    first = false;
    if (/^\d[\d.,]*$/.test(lower) || NUMBER_WORDS.has(lower)) {
      terms.push({ term: NUMBER_WORDS.get(lower) ?? lower.replace(/,/g, ''), word: lower, at: match.index, salient: true });
      continue;
    }
    if (STOP_WORDS.has(lower) || (question && QUESTION_FILLER.has(lower))) continue;
    const stem = stemmer(lower.replace(/[.'’]/g, ''));
    const term = CANONICAL.get(stem) ?? stem;
    if (term === '') continue;
    terms.push({ term, word: lower, at: match.index, salient: !wasFirst && /^\p{Lu}/u.test(written) });
  }
  return terms;
}

/**
 * Names in a model's sentence: runs of capitalised words ("Deputy Foreign Minister Sergei
 * Ryabkov"). A run passes when it is in the article as written, or when it splits into
 * pieces that each are, without gluing two lone names together: "Mayor Okafor" and
 * "Russian President Vladimir Putin" pass, an invented "Helen Vasquez" made of two real
 * people's names does not.
 */
import { stemmer } from 'stemmer';
import type { ItemToken } from 'wink-nlp';
import { getNlp } from '../../nlp/index.js';
import { tokenizeWords, type WordToken } from './text.js';

/** Lower-case words that stay inside a name: "Bank of England", "Ludwig van Beethoven". */
const CONNECTORS = new Set(['of', 'for', 'de', 'da', 'del', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'al', 'el']);
/** Articles that start a run but are not part of the name ("The Kremlin"). */
const LEADING_ARTICLES = new Set(['the', 'a', 'an']);
/** Titles that may stand before any name the article mentions ("Mayor Okafor"). */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'mayor', 'president',
  'vice', 'prime', 'minister', 'secretary', 'chancellor', 'governor', 'senator', 'sen', 'rep', 'representative',
  'congressman', 'congresswoman', 'councillor', 'councilor', 'councilman', 'councilwoman', 'judge', 'justice',
  'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'chief', 'ceo', 'chair', 'chairman', 'chairwoman',
  'director', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'archbishop', 'rev', 'sheikh',
  'ambassador', 'commissioner', 'inspector', 'sergeant', 'officer', 'detective', 'deputy', 'spokesman',
  'spokeswoman', 'spokesperson', 'coach', 'premier', 'speaker', 'st',
]);

/** What the name check needs to know about the article. */
export interface NameFacts {
  /** Normalised words joined by single spaces, padded with a space at each end. */
  wordStream: string;
  words: Set<string>;
  /** Porter stems of `words`: "Officials" may open a sentence about an "official". */
  stems: Set<string>;
}

function isCapitalised(token: WordToken): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** Starts a sentence or a quotation, where capitals say nothing about names. */
function isSentenceInitial(text: string, tokens: WordToken[], i: number): boolean {
  if (i === 0) return true;
  const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  return /[.!?:;]\s*["'(]?\s*$/.test(gap) || /["(]\s*$/.test(gap);
}

/** Proper-noun tags for the words of a sentence, from wink's POS tagger. */
function properNouns(text: string): Set<string> {
  const nlp = getNlp();
  const found = new Set<string>();
  nlp.readDoc(text).tokens().each((t: ItemToken) => {
    if (t.out(nlp.its.pos) === 'PROPN') found.add(t.out());
  });
  return found;
}

/** Runs of capitalised words (with inner connectors) that look like names. */
export function findNameRuns(text: string): WordToken[][] {
  const tokens = tokenizeWords(text);
  const runs: WordToken[][] = [];
  let propn: Set<string> | undefined;
  let run: WordToken[] = [];
  const flush = () => {
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.norm)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  tokens.forEach((token, i) => {
    const joined = run.length > 0 && /^\s+$/.test(text.slice(tokens[i - 1]!.end, token.start));
    if (!joined) flush();
    if (isCapitalised(token)) {
      if (token.text === 'I') return flush();
      // A sentence's first word is capitalised anyway: it counts only if the tagger calls it a proper noun.
      if (isSentenceInitial(text, tokens, i)) {
        propn ??= properNouns(text);
        if (!propn.has(token.text) || LEADING_ARTICLES.has(token.norm)) return flush();
      }
      if (run.length === 0 && LEADING_ARTICLES.has(token.norm)) return;
      run.push(token);
    } else if (run.length > 0 && CONNECTORS.has(token.norm)) {
      run.push(token);
    } else {
      flush();
    }
  });
  flush();
  return runs;
}

function isKnownWord(norm: string, facts: NameFacts): boolean {
  if (facts.words.has(norm) || facts.stems.has(stemmer(norm))) return true;
  // "Russia-Ukraine talks": each side of a hyphen may stand alone in the article.
  return norm.includes('-') && norm.split('-').every((part) => part === '' || facts.words.has(part));
}

/** Abbreviated titles ("Mr.", "Gov."): a form of address, not a fact about who someone is. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gov', 'sen', 'rep', 'gen', 'col', 'capt', 'lt', 'sgt', 'st', 'jr', 'sr']);

function isPhraseInArticle(words: string[], facts: NameFacts): boolean {
  if (words.length > 1) return facts.wordStream.includes(` ${words.join(' ')} `);
  return isKnownWord(words[0]!, facts) || HONORIFICS.has(words[0]!);
}

/** A lone piece may precede another lone piece only when it is a title or a demonym ("Dutch", "Russian"). */
function mayPrefix(norm: string): boolean {
  return TITLES.has(norm) || /(?:an|ese|ish|ch|i)$/.test(norm);
}

/**
 * Whether a run of name words is grounded in the article.
 * @returns undefined when grounded, else why not
 */
export function checkNameRun(run: WordToken[], facts: NameFacts): string | undefined {
  const words = run.map((t) => t.norm);
  if (isPhraseInArticle(words, facts)) return undefined;
  const pieces: string[][] = [];
  for (let i = 0; i < words.length; ) {
    let j = words.length;
    while (j > i && !isPhraseInArticle(words.slice(i, j), facts)) j--;
    if (j === i) return `"${run[i]!.text}" is not in the article`;
    pieces.push(words.slice(i, j));
    i = j;
  }
  for (let k = 1; k < pieces.length; k++) {
    const [before, after] = [pieces[k - 1]!, pieces[k]!];
    const lone = before.length === 1 && after.length === 1 && !CONNECTORS.has(before[0]!) && !CONNECTORS.has(after[0]!);
    if (lone && !mayPrefix(before[0]!)) return `the article never says "${run.map((t) => t.text).join(' ')}"`;
  }
  return undefined;
}

/**
 * Turns a headline or lead into comparable terms: Unicode-aware word splitting, case and accent
 * folding for Latin script, possessive stripping, stop-word removal, Porter stemming for plain
 * English words, character bigrams for scripts written without spaces (Chinese, Japanese, Thai),
 * and the surface signals of a named entity (capitalised mid-sentence, all-caps acronym, number).
 */
import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words.js';

/** One term occurrence with the evidence that it names something. */
export interface Token {
  term: string;
  /** A number, an acronym, or a capitalised word inside sentence-case text. */
  entity: boolean;
  /**
   * Whether the text around it is in sentence case, so its capitalisation is informative.
   * Title-case headlines ("Stocks Fall On Weak Data") capitalise every word and tell us nothing.
   */
  caseInformative: boolean;
}

// Dotted acronyms (U.S., U.K.) first, then decimals (13.8), then words with inner apostrophes,
// then sentence punctuation (kept only to spot sentence starts).
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['’‘][\p{L}\p{M}\p{N}]+)*|[.!?:;"“”]/gu;
const SENTENCE_END_RE = /^[.!?:;"“”]$/u;
const NO_SPACE_SCRIPT_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const UPPER_START_RE = /^\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
const HAS_DIGIT_RE = /\p{N}/u;
const PLAIN_ENGLISH_RE = /^[a-z]+$/;
// Aggregators cut long headlines and mark the cut with an ellipsis.
const TRAILING_ELLIPSIS_RE = /\s*(?:\.{2,}|…)\s*$/u;
const TITLE_CASE_MIN_SHARE = 0.75;

/** Removes the " ..." an aggregator appends to a headline it cut off. */
export function stripEllipsis(text: string): string {
  return text.replace(TRAILING_ELLIPSIS_RE, '');
}

const ASCII_WORD_RE = /^[A-Za-z0-9]+$/;

/** Lower-cases, applies NFKC and drops accents from Latin letters only (other scripts keep their marks). */
export function foldWord(word: string): string {
  if (ASCII_WORD_RE.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘]s$/u, '')
    .replace(/['’‘]/gu, '')
    // Dots go from acronyms (U.S.) but stay in decimals (4.5).
    .replace(/(?<!\p{N})\.|\.(?!\p{N})/gu, '');
}

// Headlines repeat words a lot; stemming is the costliest step per word, so remember results.
// Bounded so a long-running process cannot grow it without limit.
const STEM_CACHE_MAX = 50_000;
const stemCache = new Map<string, string>();

function stem(folded: string): string {
  let term = stemCache.get(folded);
  if (term === undefined) {
    term = PLAIN_ENGLISH_RE.test(folded) ? stemmer(folded) : folded;
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(folded, term);
  }
  return term;
}

/** Character bigrams for a run of a script written without spaces (a unigram for one character). */
function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** True when most content words start upper case, i.e. capitals carry no entity information. */
function isTitleCase(words: string[]): boolean {
  const content = words.filter((w) => HAS_LOWER_RE.test(w) && !STOP_WORDS.has(foldWord(w)));
  if (content.length < 3) return false;
  const upper = content.filter((w) => UPPER_START_RE.test(w)).length;
  return upper / content.length >= TITLE_CASE_MIN_SHARE;
}

/**
 * Splits `text` into terms.
 * @param text - a headline or a lead paragraph.
 * @returns the terms in order, stop words removed, each with its entity evidence.
 */
export function tokenize(text: string): Token[] {
  const raw = text.match(TOKEN_RE) ?? [];
  const words = raw.filter((w) => !SENTENCE_END_RE.test(w));
  const caseInformative = !isTitleCase(words);
  const allCaps = words.length > 0 && words.every((w) => !HAS_LOWER_RE.test(w));
  const tokens: Token[] = [];
  let sentenceStart = true;
  for (const word of raw) {
    if (SENTENCE_END_RE.test(word)) {
      sentenceStart = true;
      continue;
    }
    const atStart = sentenceStart;
    sentenceStart = false;
    const folded = foldWord(word);
    if (folded.length === 0) continue;
    if (NO_SPACE_SCRIPT_RE.test(folded)) {
      for (const term of bigrams(folded)) tokens.push({ term, entity: false, caseInformative: false });
      continue;
    }
    const isNumber = HAS_DIGIT_RE.test(folded);
    const isAcronym = !allCaps && !isNumber && word.length >= 2 && !HAS_LOWER_RE.test(word);
    if (!isAcronym && STOP_WORDS.has(folded)) continue;
    if (!isNumber && [...folded].length < 2) continue;
    const capitalised = caseInformative && !atStart && UPPER_START_RE.test(word);
    const term = stem(folded);
    tokens.push({ term, entity: isNumber || isAcronym || capitalised, caseInformative });
  }
  return tokens;
}

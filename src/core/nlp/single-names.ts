/**
 * What a lone capitalised word before "said" names. "Ancelotti said" is a person, "Defra said" and
 * "Tesco said" are organisations, "Prosecutors said" is neither: a single word is a person only
 * with evidence (a "he"/"she" that refers back to it), and an organisation only when it looks like
 * one (an acronym, inner capitals, an organisation word) or is referred to as "its".
 */
import { FIRST_NAMES, NOT_ORGANISATIONS, ORGANISATION_TAILS, TITLE_WORDS } from './gazetteers.js';
import type { Sentence } from './sentences.js';

/** Acronyms with a capital inside or a digit ("DfE", "SpaceX", "R3"). */
const ORG_SHAPED = /^(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu}\p{L}*|\p{Lu}[\p{L}]*\d[\p{L}\d]*)$/u;
/** Nationalities and other group words, singular or plural ("German", "Kenyans", "Christians"). */
const GROUP_WORD = /^(?:\p{Lu}\p{Ll}{2,}(?:ian|ean|ese|ish)|German|French|Dutch|Swiss|Greek|Thai|Scot|Brit|Welsh|Kiwi|Aussie)s?$/u;
/** "he said", "his", "she told": a person is meant. */
const PERSONAL_PRONOUN = /\b(?:he|she|his|him|her|himself|herself)\b/i;
/** "Defra said its inspectors …": an organisation is meant. */
const ITS = /\bits\b/i;
/** Words after a name that make it an organisation ("a Defra spokesman", "Tesco officials"). */
const ORG_VOICE = /^\s+(?:spokes(?:man|woman|person)|official|officials|statement|source|sources|staff|chief|boss)\b/i;

export type SingleNameKind = 'person' | 'organisation' | undefined;

/** Lower-case words of the article, so a capitalised "Prosecutors" can be seen to be a common noun. */
export function lowerCaseWords(sentences: Sentence[]): Set<string> {
  const words = new Set<string>();
  for (const sentence of sentences) for (const token of sentence.tokens) if (token.type === 'word' && token.text === token.normal) words.add(token.normal);
  return words;
}

/**
 * A capitalised word that is a common noun, a title or a nationality here, not a name:
 * "Prosecutors said", "President said", "the German insisted", "General Election".
 */
export function isCommonWord(word: string, lowerWords: Set<string>): boolean {
  const lower = word.toLowerCase();
  if (FIRST_NAMES.has(lower)) return false;
  return lowerWords.has(lower) || lowerWords.has(lower.replace(/s$/, '')) || TITLE_WORDS.has(lower) || ORGANISATION_TAILS.has(lower) || GROUP_WORD.test(word);
}

/**
 * Classifies a single capitalised word that speaks ("X said") or acts as a name.
 * @param word - the word ("Defra")
 * @param after - the text of its sentence after the word
 * @param next - the next sentence's text, where "He added …" may refer back
 * @param lowerWords - from {@link lowerCaseWords}
 * @returns undefined when nothing says what it is
 */
export function classifySingleName(word: string, after: string, next: string, lowerWords: Set<string>): SingleNameKind {
  const lower = word.toLowerCase();
  if (NOT_ORGANISATIONS.has(lower)) return undefined;
  if (ORG_SHAPED.test(word) || ORGANISATION_TAILS.has(lower) || ORG_VOICE.test(after)) return 'organisation';
  if (isCommonWord(word, lowerWords)) return undefined;
  const speech = after.replace(/^[\s,]*\S+/, '');
  const nextStart = next.split(/\s+/).slice(0, 6).join(' ');
  if (PERSONAL_PRONOUN.test(speech) || /\b(?:he|she)\b/i.test(nextStart)) return 'person';
  if (ITS.test(speech)) return 'organisation';
  return undefined;
}

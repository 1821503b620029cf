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
  // The pronoun must come before any other name it could refer to ("Tesco's boss Dave Lewis said he …").
  const speech = after.replace(/^[\s,]*\S+/, '').split(/\s(?=\p{Lu}\p{Ll})/u)[0]!;
  const nextStart = next.split(/\s+/).slice(0, 6).join(' ');
  if (PERSONAL_PRONOUN.test(speech) || /\b(?:he|she)\b/i.test(nextStart)) return 'person';
  if (ITS.test(speech)) return 'organisation';
  return undefined;
}

/** One mention of a lone capitalised word: its sentence and where it stands in it. */
export interface SingleMention {
  word: string;
  sentence: number;
  start: number;
  end: number;
}

/** "I", "my", "me" in the speaker's own words: a person, not an organisation (which says "we"). */
const FIRST_PERSON = /(?:^|[^\p{L}])(?:I|my|me|I['’]m|I['’]ve)(?![\p{L}])/u;

/**
 * What each lone word that speaks somewhere in the article names, from all its mentions: an
 * organisation by its shape or an "its", a person by a "he"/"she" or an "I" in what it says.
 * @param mentions - every mention of lone capitalised words not otherwise resolved
 * @param sentences - the article's sentences
 * @param speaks - whether the text after a mention is a speech verb ("said", "told" …)
 * @returns the kind of each word that speaks and has evidence; other words are absent
 */
export function judgeSingleNames(mentions: SingleMention[], sentences: Sentence[], speaks: (after: string) => boolean): Map<string, 'person' | 'organisation'> {
  const lowerWords = lowerCaseWords(sentences);
  const verdicts = new Map<string, Set<string>>();
  const spoke = new Set<string>();
  for (const m of mentions) {
    const text = sentences[m.sentence]!.text;
    const after = text.slice(m.end);
    const kinds = verdicts.get(m.word) ?? new Set<string>();
    verdicts.set(m.word, kinds);
    if (speaks(after)) {
      spoke.add(m.word);
      if (!isCommonWord(m.word, lowerWords) && !ORG_SHAPED.test(m.word) && FIRST_PERSON.test(text)) kinds.add('person');
    }
    const kind = classifySingleName(m.word, after, sentences[m.sentence + 1]?.text ?? '', lowerWords);
    if (kind !== undefined) kinds.add(kind);
  }
  const judged = new Map<string, 'person' | 'organisation'>();
  for (const [word, kinds] of verdicts) {
    if (!spoke.has(word)) continue;
    if (kinds.has('person')) judged.set(word, 'person');
    else if (kinds.has('organisation')) judged.set(word, 'organisation');
  }
  return judged;
}

/** Words before a lone name that make it a team, organisation or place: "draw with Everton", "beat Everton". */
const GROUP_BEFORE =
  /\b(?:against|beat|beating|beaten|defeated|versus|vs\.?|draw with|drew with|drawn with|loss to|lost to|defeat (?:to|by)|win over|victory over|signed for|joined|in|near|outside)\s+$/i;
/** Words after it: "Everton beat …", "Everton's manager", "Everton fans", "Everton are". */
const GROUP_AFTER =
  /^(?:['’]s?)?\s+(?:manager|boss|coach|chairman|owner|fans?|supporters?|squad|side|team|players|shirt|stadium|academy|beat|beaten|thrashed|defeated|drew|hosted|are|were|officials?|spokes(?:man|woman|person))\b/i;

/**
 * Lone words the article uses as a team, an organisation or a place ("a draw with Everton",
 * "Everton's manager", "Everton fans"): such a word does not start a person's name ("Everton Gomis").
 * @param mentions - mentions of lone capitalised words
 * @param sentences - the article's sentences
 */
export function groupNames(mentions: SingleMention[], sentences: Sentence[]): Set<string> {
  const groups = new Set<string>();
  for (const m of mentions) {
    if (FIRST_NAMES.has(m.word.toLowerCase())) continue;
    const text = sentences[m.sentence]!.text;
    if (GROUP_BEFORE.test(text.slice(0, m.start)) || GROUP_AFTER.test(text.slice(m.end))) groups.add(m.word);
  }
  return groups;
}

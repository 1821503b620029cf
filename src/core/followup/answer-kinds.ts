/**
 * What kind of answer a question wants (a person, a date, a place, a number, a reason, a name)
 * and whether a sentence holds that kind of answer. A person or place only counts when the
 * question does not already name it: "who is Assange's lawyer?" wants someone besides Assange.
 */
import type { EntityMention } from '../nlp/entities.js';
import type { Sentence } from '../nlp/sentences.js';
import { toTerms } from './terms.js';

/** `identity`: "who is Marianne Ny?", answered where the article names her with her role. */
export type AnswerKind = 'person' | 'date' | 'place' | 'number' | 'reason' | 'name' | 'identity';

const KIND_OF_QUESTION: Array<[RegExp, AnswerKind]> = [
  [/^\s*(?:how (?:many|much|old|long|far|big|large|often|tall|fast)|what (?:percentage|number|proportion|share|amount|age|score|price)|at what (?:age|price|cost))\b/i, 'number'],
  [/^\s*(?:when|what (?:time|date|day|year|month)|which (?:day|year|month|date)|since when|how long ago|by when)\b/i, 'date'],
  [/^\s*(?:where|in what (?:city|country|town|place)|which (?:city|country|town|place|venue|region|state))\b/i, 'place'],
  [/^\s*(?:who|whom|whose|which (?:person|man|woman|player|official))\b/i, 'person'],
  [/^\s*(?:what (?:is|was|are|were) (?:the |their |his |her |its )?names?|what (?:is|was) \S+(?: \S+)? called|which (?:company|team|organi[sz]ation|group|agency|club|party))\b/i, 'name'],
  [/^\s*(?:why|what (?:caused|led to|prompted|triggered|is the reason|was the reason|were the reasons))\b/i, 'reason'],
];

const WHO_IS_NAME = /^\s*who(?:'s| is| was| are| were)\s+(?:\p{Lu}[\p{L}.'’-]*\s*)+[?.!]*\s*$/u;

/**
 * The kind of answer a question asks for, if its wording says, and the question without the
 * words that only say so ("what time was the shot fired?" → "was the shot fired?").
 */
export function classifyQuestion(question: string): { kind?: AnswerKind; rest: string } {
  const stripped = question.replace(/^\s*(?:and|so|but|ok|okay|then)[,\s]+/i, '');
  // "Who is Marianne Ny?" asks what the article says about her, not for another person.
  if (WHO_IS_NAME.test(stripped)) return { kind: 'identity', rest: stripped };
  for (const [pattern, kind] of KIND_OF_QUESTION) {
    const match = pattern.exec(stripped);
    if (match !== null) return { kind, rest: stripped.slice(match[0].length) };
  }
  return { rest: stripped };
}

const DATE_WORDS =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.|yesterday|today|tomorrow|tonight|week|month|year|decade|century|morning|afternoon|evening|night|ago|since|until|(?:1[89]|20)\d\d|\d{1,2}(?:am|pm|\s?[ap]\.m\.)|\d{1,2}:\d\d|gmt|bst|noon|midnight|spring|summer|autumn|fall|winter)\b/i;
/** A figure standing alone (not the 18 of "CF-18"), or a number word. */
const NUMBER_WORDS =
  /(?:(?<![\p{L}-])\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|double|twice|percent|per cent|no|none|nobody|no-one)\b)/iu;
const REASON_WORDS =
  /\b(?:because|due to|as a result|since|so that|in order to|reason|caused|causing|led to|after|amid|over|following|for fear|fears?|blamed|blames|so as to|thanks to|result of|on account of|to avoid|on suspicion)\b/i;

const CUES: Array<[AnswerKind, RegExp]> = [
  ['date', new RegExp(DATE_WORDS.source, 'gi')],
  ['number', new RegExp(NUMBER_WORDS.source, 'giu')],
  ['reason', new RegExp(REASON_WORDS.source, 'gi')],
];
/** An answer this close (in characters) to a word of the question is about it ("Talks are due in Geneva"). */
const NEAR_CHARS = 60;
const FAR_FACTOR = 0.5;

export interface SentenceKinds {
  /** Date, number and reason cues found in the sentence text, with their offsets. */
  cues: Map<AnswerKind, number[]>;
  /** The entities it mentions. */
  mentions: EntityMention[];
}

/** For each sentence, its answer cues and entity mentions. */
export function sentenceKinds(sentences: Sentence[], mentions: EntityMention[]): SentenceKinds[] {
  const kinds = sentences.map((sentence): SentenceKinds => {
    const cues = new Map<AnswerKind, number[]>();
    for (const [kind, pattern] of CUES) {
      const at = [...sentence.text.matchAll(pattern)].map((m) => m.index);
      if (at.length > 0) cues.set(kind, at);
    }
    return { cues, mentions: [] };
  });
  for (const m of mentions) kinds[m.sentence]?.mentions.push(m);
  return kinds;
}

/**
 * How strongly a sentence holds the kind of answer asked for: 0 for none; for places, more
 * with each place not named in the question ("Geneva, Brussels and Vienna").
 */
export function kindStrength(kind: AnswerKind, sentence: SentenceKinds, questionTerms: Set<string>, matchedAt: number[]): number {
  if (kind === 'identity') return 0;
  const isNear = (at: number): boolean => matchedAt.some((m) => Math.abs(m - at) <= NEAR_CHARS);
  const nearness = (at: number[]): number => (at.some(isNear) ? 1 : FAR_FACTOR);
  if (kind === 'date' || kind === 'number' || kind === 'reason') {
    const at = sentence.cues.get(kind);
    return at === undefined ? 0 : nearness(at);
  }
  const fresh = sentence.mentions.filter((m) => !toTerms(m.name).every(({ term }) => questionTerms.has(term)));
  const of = (kinds: string[]): EntityMention[] => fresh.filter((m) => kinds.includes(m.kind));
  const count = (list: EntityMention[]): number => new Set(list.map((m) => m.name)).size;
  const at = (list: EntityMention[]): number[] => list.map((m) => m.start);
  if (kind === 'place') {
    const places = of(['place']);
    // Each place near the question's words counts ("Talks are due in Geneva, Brussels and Vienna").
    const near = places.filter((m) => isNear(m.start));
    if (near.length > 0) return Math.min(count(near), 3) / 2;
    return places.length === 0 ? 0 : (Math.min(count(places), 3) / 2) * FAR_FACTOR;
  }
  // "Who held the auction?" may be answered by an organisation or a name the gazetteers do not know.
  if (kind === 'person') {
    const people = of(['person']);
    if (people.length > 0) return nearness(at(people));
    const others = of(['organisation', 'other']);
    return others.length > 0 ? 0.5 * nearness(at(others)) : 0;
  }
  return fresh.length === 0 ? 0 : nearness(at(fresh));
}

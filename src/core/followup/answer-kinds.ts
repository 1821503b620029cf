/**
 * What kind of answer a question wants (a person, a date, a place, a number, a reason) and
 * which sentences contain that kind of answer.
 */
import type { EntityMention } from '../nlp/entities.js';
import type { Sentence } from '../nlp/sentences.js';

export type AnswerKind = 'person' | 'date' | 'place' | 'number' | 'reason';

const KIND_OF_QUESTION: Array<[RegExp, AnswerKind]> = [
  [/^\s*(?:how (?:many|much|old|long|far|big|large|often|tall|fast)|what (?:percentage|number|proportion|share|amount|age|score|price)|at what (?:age|price|cost))\b/i, 'number'],
  [/^\s*(?:when|what (?:time|date|day|year|month)|which (?:day|year|month|date)|since when|how long ago|by when)\b/i, 'date'],
  [/^\s*(?:where|in what (?:city|country|town|place)|which (?:city|country|town|place|venue|region|state))\b/i, 'place'],
  [/^\s*(?:who|whom|whose|which (?:person|man|woman|player|official|company|team|organi[sz]ation|group|agency|club))\b/i, 'person'],
  [/^\s*(?:why|what (?:caused|led to|prompted|triggered|is the reason|was the reason|were the reasons))\b/i, 'reason'],
];

/** The kind of answer a question asks for, if its wording says. */
export function classifyQuestion(question: string): AnswerKind | undefined {
  const stripped = question.replace(/^\s*(?:and|so|but|ok|okay|then)[,\s]+/i, '');
  return KIND_OF_QUESTION.find(([pattern]) => pattern.test(stripped))?.[1];
}

const DATE_WORDS =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.|yesterday|today|tomorrow|tonight|week|month|year|decade|century|morning|afternoon|evening|night|ago|since|until|(?:1[89]|20)\d\d|\d{1,2}(?:am|pm|\s?[ap]\.m\.)|spring|summer|autumn|fall|winter)\b/i;
const NUMBER_WORDS =
  /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|double|twice|percent|per cent)\b)/i;
const REASON_WORDS =
  /\b(?:because|due to|as a result|since|so that|in order to|reason|caused|causing|led to|after|amid|over|following|for fear|blamed|blames|so as to|thanks to|result of|on account of)\b/i;
const PLACE_CUE = /\b(?:in|at|near|outside|from|to)\s+(?:the\s+)?\p{Lu}/u;

/** For each sentence, the kinds of answer it contains. */
export function answerKindsOf(sentences: Sentence[], mentions: EntityMention[]): Array<Set<AnswerKind>> {
  const kinds = sentences.map(() => new Set<AnswerKind>());
  for (const m of mentions) {
    if (m.kind === 'place') kinds[m.sentence]?.add('place');
    else kinds[m.sentence]?.add('person');
  }
  sentences.forEach((sentence, i) => {
    const set = kinds[i]!;
    if (DATE_WORDS.test(sentence.text)) set.add('date');
    if (NUMBER_WORDS.test(sentence.text)) set.add('number');
    if (REASON_WORDS.test(sentence.text)) set.add('reason');
    if (PLACE_CUE.test(sentence.text)) set.add('place');
  });
  return kinds;
}

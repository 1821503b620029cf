/**
 * The words that say what happens on a date: the clause the date belongs to, starting where a
 * clause starts (never mid-clause), with a relative clause's antecedent put back
 * ("… arrived in Geneva, where the talks are due on Monday" → "The talks are due in Geneva").
 */
import type { Sentence } from './sentences.js';
import { tokenOffsets } from './token-offsets.js';
import { isFiniteVerb, wordTags, type WordTags } from './word-tags.js';

/** Words a "what" may have, preferably; a longer clause is cut back to a later clause start. */
const PREFERRED_WORDS = 18;
/** Words a "what" may have at all; beyond this it ends with "…". */
const MAX_WORDS = 26;
/** A shorter clause start is a fragment of a relative clause ("that Riyadh is attacking"). */
const MIN_WORDS = 4;

/** Openers that join a clause to the sentence but are not part of the event ("and", "where"). */
const LEADING_WORDS = /^(?:and|but|or|so|then|also|while|where|when|which|the place(?: where)?)\s+/i;
/** A clause start with no subject of its own ("that must be made", "after missing the game"). */
const NO_SUBJECT = /^(?:(?:must|will|would|can|could|may|might|shall|should|is|are|was|were|has|have|had|be|been|to)\b|\p{Ll}+ing\b)/u;
/** A source's dateline tag at the start ("(CNN)"). */
const DATELINE = /^\([A-Z][A-Za-z]{1,10}\)\s*/;
/** Where one clause ends and the next may start. */
const CLAUSE_START =
  /(?:[,;:]\s+|\s+[-–—]+\s+|\s+(?:and|but|so|that|when|after|before|because|while|if|although|though|until|unless|since|whereas)\s+)/gi;
/** Words the date phrase leaves dangling at the end ("will come into effect in the [next year]"). */
const DANGLING_END =
  /\s+(?:in|on|at|for|by|from|until|till|over|within|during|through|the|a|an|of|later|early|earlier|this|as long as|up to|beginning|starting)$/i;

/** ", where …" and its spun form ", the place …" after a place name: "in Geneva, the place the talks are due". */
const WHERE_AFTER_PLACE =
  /(?:^|\s)(in|at|to|into|near|inside|outside|for|from)\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}'’.-]*){0,3}),\s+(?:where|the place(?: where)?)\s+(.+)$/u;
/** ", which …" / ", who …" right after a short noun phrase or name: "the economy, which is expected to …". */
const WHICH_AFTER_NOUN =
  /(?:^|\s)((?:the|a|an|its|his|her|their|this|our)\s+(?:(?!(?:is|are|was|were|be|been|has|have|had|will|would|and|or|that|which|who|the|a|an)\s)[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+|\p{Lu}[\p{L}'’.-]*(?:\s+(?:or\s+|and\s+|of\s+)?\p{Lu}[\p{L}'’.-]*){0,4}),\s+(?:which|who)\s+((?!(?:he|she|they|we|i|you|it|the|a|an|his|her|their|its|our|my)\b)\p{Ll}[^,]+)$/u;

/** A clause that starts with its verb ("and will rise to £6.70") has the sentence's subject. */
const STARTS_WITH_VERB = /^(?:will|would|is|are|was|were|has|have|had|can|could|should|must|may|might|shall)\b/i;
/** A verb form that gives a clause its own predicate. */
const HAS_VERB_WORD = /\b(?:will|would|is|are|was|were|has|have|had|can|could|should|must|may|might|shall|do|does|did)\b|\b\p{Ll}+ed\b/u;
/** Parts of speech a subject may open with. */
const SUBJECT_OPENERS = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'ADJ', 'NUM']);
const MAX_SUBJECT_WORDS = 10;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Trims punctuation, clause openers and dangling prepositions. */
function tidy(clause: string): string {
  let tidied = clause.replace(/^[\s,;:.–—-]+|[\s,;:–—-]+$/g, '').replace(DATELINE, '');
  // An opening quotation mark whose quotation ends after the date.
  if (/^[“"]/.test(tidied) && !/[”"]/.test(tidied.slice(1))) tidied = tidied.slice(1);
  while (LEADING_WORDS.test(tidied)) tidied = tidied.replace(LEADING_WORDS, '');
  while (DANGLING_END.test(tidied)) tidied = tidied.replace(DANGLING_END, '');
  return tidied;
}

/** Puts a relative clause's antecedent back: "in Geneva, where talks are due" → "talks are due in Geneva". */
function resolveRelative(clause: string): string | undefined {
  const where = WHERE_AFTER_PLACE.exec(clause);
  if (where !== null) {
    const [, preposition, place, rest] = where;
    const event = tidy(rest!);
    if (wordCount(event) < 2) return undefined;
    const at = preposition === 'at' || preposition === 'near' ? preposition : 'in';
    return event.includes(place!) ? event : `${event} ${at} ${place}`;
  }
  const which = WHICH_AFTER_NOUN.exec(clause);
  if (which !== null) return tidy(`${which[1]} ${which[2]}`);
  return undefined;
}

/** Offsets in `clause` where a clause starts after a boundary, in reading order. */
function clauseStarts(clause: string): number[] {
  return [...clause.matchAll(CLAUSE_START)].map((m) => m.index + m[0].length);
}

/** A long clause is cut back to its longest ending that starts a clause and fits; failing that, its start. */
function fitClause(clause: string): string {
  if (wordCount(clause) <= PREFERRED_WORDS) return clause;
  for (const start of clauseStarts(clause)) {
    const rest = tidy(clause.slice(start));
    if (NO_SUBJECT.test(rest)) continue;
    if (wordCount(rest) <= PREFERRED_WORDS && wordCount(rest) >= MIN_WORDS) return rest;
  }
  const words = clause.split(/\s+/);
  return words.length > MAX_WORDS ? `${words.slice(0, MAX_WORDS).join(' ')}…` : clause;
}

/**
 * The subject of a sentence: the words before its first verb ("The current minimum wage for those
 * over 21"), when they are short and uninterrupted by punctuation; undefined otherwise.
 */
export function sentenceSubject(sentence: Sentence): string | undefined {
  const tokens = sentence.tokens;
  const verb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verb <= 0 || verb > MAX_SUBJECT_WORDS + 2 || !SUBJECT_OPENERS.has(tokens[0]!.pos)) return undefined;
  let end = verb;
  // "Tickets to [watch]": a subject does not end in a particle, preposition or article.
  while (end > 0 && ['PART', 'ADP', 'DET', 'CCONJ'].includes(tokens[end - 1]!.pos)) end--;
  const words = tokens.slice(0, end);
  if (words.length === 0 || words.length > MAX_SUBJECT_WORDS || words.some((t) => t.pos === 'PUNCT' || t.pos === 'SYM')) return undefined;
  const offsets = tokenOffsets(sentence);
  return sentence.text.slice(offsets[0]![0], offsets[end - 1]![1]);
}

/**
 * What happens on a date: the clause of `text` between `from` (the previous date's end, or 0) and
 * `to` (where this date starts). A clause with no name in it keeps the words before its comma.
 * @param text - the sentence
 * @param from - where the clause may start
 * @param to - where the date expression starts
 * @param subject - the sentence's subject ({@link sentenceSubject}), for a clause that starts with its verb
 * @example
 * eventClause('The team had arrived in Geneva, where the talks are due on Monday.', 0, 51);
 * // 'The talks are due in Geneva'
 */
export function eventClause(text: string, from: number, to: number, subject?: string): string {
  const segment = text.slice(from, to);
  let clause = resolveRelative(segment);
  if (clause === undefined) {
    clause = segment;
    const lastComma = segment.lastIndexOf(', ');
    const afterComma = segment.slice(lastComma + 2);
    if (lastComma !== -1 && wordCount(afterComma) >= 3 && /\s\p{Lu}/u.test(` ${afterComma}`)) clause = afterComma;
  }
  clause = fitClause(tidy(clause));
  // "The wage is £6.50 an hour and will rise to £6.70 [in October]": the event is the second verb.
  const coordinated = /,?\s(?:and|but)\s+(?:now\s+)?((?:will|would|is|are|was|were|has|have|had|can|could|should|must|may|might|shall)\s.*)$/i.exec(clause);
  if (subject !== undefined && coordinated !== null && STARTS_WITH_VERB.test(coordinated[1]!)) {
    // The verb's subject is the sentence's when the words before "and" are its subject, or a phrase
    // with no verb of its own ("… alongside Italy and the Republic of Ireland this time around and will open …").
    const before = clause.slice(0, clause.length - coordinated[0].length);
    if (clause.startsWith(subject) || !HAS_VERB_WORD.test(before)) clause = coordinated[1]!;
  }
  if (subject !== undefined && STARTS_WITH_VERB.test(clause)) clause = `${subject} ${clause}`;
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** A relative or question word opens a dependent clause, not a statement ("Which is why …"). */
const QUESTION_WORD = /^(?:which|who|whom|whose|what|where|when|why|how)$/;
const HANGING_POS = new Set(['AUX', 'DET', 'CCONJ', 'SCONJ', 'ADP', 'PART']);
/** Someone speaking of themselves ("I'm going to be 70"): a quotation, not a scheduled event. */
const FIRST_PERSON = /^(?:i|i'm|i’m|we|we're|we’re|you|my|our)$/;
/** Words a clause cannot end on: it would be waiting for what follows ("tried a few more times, and"). */
const HANGING_END = /(?:\s(?:and|but|or|nor|then|than|if|that|because|as|with|of|to)|[,;:–—-])$/i;

/** Relative pronouns that open a clause about the noun before them ("the tree that will remain"). */
const RELATIVE_OPENER = /^(?:that|which|who)$/;
/** Past forms that do not end in -ed ("The club won a trophy that …"). */
const IRREGULAR_PAST =
  /^(?:was|were|had|did|said|told|made|took|gave|found|saw|won|lost|began|came|went|got|held|left|met|sent|spent|brought|bought|built|caught|chose|drew|fell|felt|fought|kept|knew|led|paid|ran|sold|shot|stood|struck|threw|wrote|became|unveiled|showed|revealed)$/;

/** A finite verb in the past ("unveiled", "won", "was"), by its form. */
function isPastVerb(word: string, tags: WordTags): boolean {
  return isFiniteVerb(word, tags) && (IRREGULAR_PAST.test(word) || (tags.get(word) === 'VERB' && word.length > 4 && word.endsWith('ed')));
}

/**
 * Whether the text tells what happened, its future only in a relative clause on the object: "The club
 * unveiled a cross-section of the tree that will remain on show" (main verb past, then "that will …"
 * with no finite verb between them). "Officials said the bridge will reopen" is not such a clause.
 */
function pastWithRelativeFuture(words: string[], tags: WordTags): boolean {
  const main = words.findIndex((w) => isFiniteVerb(w, tags));
  if (main === -1 || !isPastVerb(words[main]!, tags)) return false;
  for (let i = main + 1; i < words.length - 1; i++) {
    if (RELATIVE_OPENER.test(words[i]!) && isFiniteVerb(words[i + 1]!, tags)) return true;
    if (isFiniteVerb(words[i]!, tags)) return false;
  }
  return false;
}

/** Tags that can open the object noun phrase after a verb ("a man", "the tree", "new rules", "50 jobs"). */
const OBJECT_OPENERS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * The future part of a past statement whose future is only in a relative clause on its object: "Police
 * arrested a man who will appear in court" → "A man who will appear in court". The object and its
 * relative clause, as written; undefined when `what` is not such a statement or its object cannot be
 * told apart.
 * @param what - the event text ({@link eventClause})
 * @param sentence - its source sentence, whose part-of-speech tags are used
 */
export function relativeFuture(what: string, sentence: Sentence): string | undefined {
  const tags = wordTags(sentence);
  const matches = [...what.matchAll(/[\p{L}\p{N}'’]+/gu)];
  const words = matches.map((m) => m[0].toLowerCase());
  if (!pastWithRelativeFuture(words, tags)) return undefined;
  const main = words.findIndex((w) => isFiniteVerb(w, tags));
  const object = matches[main + 1];
  if (object === undefined || !OBJECT_OPENERS.has(tags.get(words[main + 1]!) ?? '')) return undefined;
  const future = what.slice(object.index).trim();
  return future.charAt(0).toUpperCase() + future.slice(1);
}

/**
 * Whether an event text reads as a statement: it opens with a subject-like word (a name, noun,
 * pronoun, article or number — not "Before having…", "With Welsh attacker…", "If Hillary…"), has a
 * finite verb, does not end hanging on a conjunction or preposition, and is not a past statement
 * whose future is only in a relative clause ("The club unveiled a tree that will remain on show").
 * @param what - the event text ({@link eventClause})
 * @param sentence - its source sentence, whose part-of-speech tags are used
 */
export function readsAsEvent(what: string, sentence: Sentence): boolean {
  const tags = wordTags(sentence);
  const words = what.replace(/^[“"‘']+/, '').toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];
  const first = words[0];
  if (first === undefined || !SUBJECT_OPENERS.has(tags.get(first) ?? 'PROPN') || FIRST_PERSON.test(first) || QUESTION_WORD.test(first)) return false;
  // Ending on an auxiliary, article or conjunction leaves the event unsaid ("the next is").
  if (HANGING_POS.has(tags.get(words.at(-1)!) ?? '')) return false;
  // A quotation opened and not closed: the event text stops inside someone's words.
  if ((what.match(/["“”]/g) ?? []).length % 2 === 1) return false;
  if (HANGING_END.test(what.replace(/…$/, '').trim())) return false;
  return words.some((w) => isFiniteVerb(w, tags)) && !pastWithRelativeFuture(words, tags);
}

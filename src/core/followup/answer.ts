/**
 * Answers a question from the article alone: BM25 over its sentences, with the question's names
 * and numbers weighted up and sentences holding the kind of answer asked for (a date for "when")
 * ranked up. When no sentence covers enough of the question, the answer is "not answered":
 * never a made-up answer.
 */
import { extractEntities } from '../nlp/entities.js';
import { extractQuotes } from '../nlp/quotes.js';
import { splitSentences, type Sentence } from '../nlp/sentences.js';
import { classifyQuestion, kindStrength, sentenceKinds, type SentenceKinds } from './answer-kinds.js';
import { toTerms } from './terms.js';

export interface Answer {
  /** The sentence, exactly as the article has it. */
  sentence: string;
  /** Sentence index in the article. */
  index: number;
  /** Paragraph number, from 0. */
  paragraph: number;
  score: number;
  /** Share of the question (by term weight) the sentence covers, after the answer-kind checks. */
  coverage: number;
}

export type AnswerResult = { answers: Answer[] } | { notAnswered: true };

export interface AnswerOptions {
  /** Share of the question (by term weight) the best sentence must cover. */
  minCoverage?: number;
  /** Further sentences are returned when they score at least this share of the best. */
  relatedShare?: number;
  maxAnswers?: number;
}

export const DEFAULT_ANSWER_OPTIONS: Required<AnswerOptions> = { minCoverage: 0.5, relatedShare: 0.8, maxAnswers: 3 };

const K1 = 1.2;
const B = 0.75;
/** Names and numbers in the question weigh this much more than other words. */
const SALIENT_WEIGHT = 2;
/**
 * A question word the article never uses, as a share of the highest idf: a name or a noun is
 * evidence the article does not say ("the capital of France"); a verb is often just a paraphrase
 * ("held" for "due").
 */
const UNSEEN_SALIENT_FACTOR = 1.5;
const UNSEEN_CONTENT_FACTOR = 0.8;
const UNSEEN_OTHER_FACTOR = 0.25;
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
/** Shorter sentences are fragments ("McLean said."), not answers. */
const MIN_ANSWER_WORDS = 4;
/** How much a sentence holding the kind of answer asked for is ranked up. */
const KIND_BONUS = 0.3;
/** A sentence without the kind of answer asked for ("when …?" and no date) must cover more of the question. */
const KIND_MISSING_FACTOR = 0.6;
/** A sentence without the question's first common noun ("how many jets …") must cover more. */
const FOCUS_MISSING_FACTOR = 0.75;
/** A sentence that lacks a name or number the question gives ("the American delegation") is about something else. */
const SALIENT_MISSING_FACTOR = 0.8;
/** Share of a question word's weight a sentence gets for free when the word is in the article's first sentence. */
const TOPIC_CREDIT = 0.3;

interface SentenceIndex {
  terms: Map<string, number>[];
  /** Where each term stands in each sentence (character offsets). */
  positions: Map<string, number[]>[];
  lengths: number[];
  averageLength: number;
  documentFrequency: Map<string, number>;
  kinds: SentenceKinds[];
}

const indexes = new WeakMap<Sentence[], SentenceIndex>();

function indexOf(sentences: Sentence[]): SentenceIndex {
  const cached = indexes.get(sentences);
  if (cached !== undefined) return cached;
  const documentFrequency = new Map<string, number>();
  const positions = sentences.map(() => new Map<string, number[]>());
  const terms = sentences.map((s, i) => {
    const counts = new Map<string, number>();
    for (const { term, at } of toTerms(s.text)) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      positions[i]!.set(term, [...(positions[i]!.get(term) ?? []), at]);
    }
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    return counts;
  });
  const { entities, mentions } = extractEntities(sentences);
  // "the president" is Dilma Rousseff wherever the article names her: her title counts in those sentences.
  const titles = new Map(
    [...entities.people, ...entities.organisations]
      .filter((e) => e.role !== undefined)
      .map((e) => [e.name, e.role!.split(/;|, who /)[0]!] as const),
  );
  // A sentence that says "Ryabkov" or quotes him after "he said" is about "Sergei Ryabkov" too.
  const addName = (sentence: number, name: string): void => {
    const counts = terms[sentence];
    if (counts === undefined) return;
    for (const { term } of toTerms(name)) {
      if (counts.has(term)) continue;
      counts.set(term, 1);
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  };
  for (const m of mentions) addName(m.sentence, `${m.name} ${titles.get(m.name) ?? ''}`);
  for (const quote of extractQuotes(sentences, mentions)) {
    if (quote.speaker === undefined || quote.sentence === undefined) continue;
    for (let i = quote.sentence; i < sentences.length && (i === quote.sentence || quote.text.includes(sentences[i]!.text.slice(0, 20))); i++) {
      addName(i, quote.speaker);
    }
  }
  const lengths = terms.map((t) => [...t.values()].reduce((a, b) => a + b, 0));
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(lengths.length, 1);
  const index = { terms, positions, lengths, averageLength, documentFrequency, kinds: sentenceKinds(sentences, mentions) };
  indexes.set(sentences, index);
  return index;
}

/**
 * The one to three sentences of the article that best answer a question, or `{ notAnswered: true }`.
 * @param sentences - `splitSentences(article.text)`; the index built over them is cached per array
 * @param question - the user's question, as typed
 * @example
 * answerQuestion(sentences, 'where will the talks be held?') // { answers: [{ sentence: 'Talks are due in Geneva, …', paragraph: 2, … }] }
 */
export function answerQuestion(sentences: Sentence[], question: string, options: AnswerOptions = {}): AnswerResult {
  const { minCoverage, relatedShare, maxAnswers } = { ...DEFAULT_ANSWER_OPTIONS, ...options };
  const index = indexOf(sentences);
  const n = sentences.length;
  const idf = (df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const maxIdf = idf(0);
  const { kind, rest } = classifyQuestion(question);
  const questionTokens = splitSentences(rest).flatMap((s) => s.tokens);
  const posOf = new Map(questionTokens.map((t) => [t.normal, t.pos] as const));
  // The first common noun is what the question is about ("how many jets …", "the leader of …"):
  // a sentence without it rarely answers.
  const focusWord = questionTokens.find((t) => t.pos === 'NOUN' && !t.stop && /^\p{Ll}/u.test(t.text))?.normal;
  const focus = focusWord === undefined ? undefined : toTerms(focusWord)[0]?.term;
  const weights = new Map<string, number>();
  const questionTerms = toTerms(rest, true);
  const questionSet = new Set(questionTerms.map((t) => t.term));
  const salient = questionTerms.filter((t) => t.salient).map((t) => t.term);
  for (const { term, word, salient } of questionTerms) {
    const df = index.documentFrequency.get(term) ?? 0;
    const unseen = salient ? UNSEEN_SALIENT_FACTOR : CONTENT_POS.has(posOf.get(word) ?? 'NOUN') ? UNSEEN_CONTENT_FACTOR : UNSEEN_OTHER_FACTOR;
    const base = df === 0 ? maxIdf * unseen : idf(df);
    weights.set(term, Math.max(weights.get(term) ?? 0, base * (salient ? SALIENT_WEIGHT : 1)));
  }
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return { notAnswered: true };

  const topic = new Set(index.terms[0]?.keys() ?? []);
  const scored = sentences.map((sentence, i) => {
    const counts = index.terms[i]!;
    let bm25 = 0;
    let covered = 0;
    for (const [term, weight] of weights) {
      const tf = counts.get(term) ?? 0;
      if (tf === 0) {
        // The article's topic ("Irbil" in a story on an Irbil bombing) goes without saying in later sentences.
        if (topic.has(term)) covered += weight * TOPIC_CREDIT;
        continue;
      }
      covered += weight;
      bm25 += (weight * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * index.lengths[i]!) / index.averageLength));
    }
    const near = [...weights.keys()].flatMap((term) => index.positions[i]!.get(term) ?? []);
    // "Who is X?": the sentences that name X themselves (not via "he said") and say what X is.
    const strength =
      kind === 'identity'
        ? Number(questionTerms.every((t) => index.positions[i]!.has(t.term)) && index.kinds[i]!.mentions.some((m) => m.hasRole))
        : kind === undefined
          ? 0
          : kindStrength(kind, index.kinds[i]!, questionSet, near);
    const missing =
      (kind !== undefined && kind !== 'identity' && strength === 0 ? KIND_MISSING_FACTOR : 1) *
      (focus !== undefined && !counts.has(focus) ? FOCUS_MISSING_FACTOR : 1) *
      (salient.some((term) => !counts.has(term) && !topic.has(term)) ? SALIENT_MISSING_FACTOR : 1);
    const coverage = (covered / total) * missing;
    const bonus = KIND_BONUS * strength;
    return { sentence, coverage, score: (bm25 / total) * (1 + bonus) * missing + coverage * bonus };
  });
  const ranked = scored.filter((s) => s.coverage > 0 && s.sentence.tokens.filter((t) => t.type === 'word').length >= MIN_ANSWER_WORDS).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (best === undefined || best.coverage < minCoverage) return { notAnswered: true };
  const answers = ranked
    .filter((s, i) => i === 0 || (s.score >= best.score * relatedShare && s.coverage >= minCoverage))
    .slice(0, maxAnswers)
    .sort((a, b) => a.sentence.index - b.sentence.index)
    .map((s) => ({ sentence: s.sentence.text, index: s.sentence.index, paragraph: s.sentence.paragraph, score: Number(s.score.toFixed(3)), coverage: Number(s.coverage.toFixed(3)) }));
  return { answers };
}

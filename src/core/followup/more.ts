/**
 * `more`: the next most important sentences the briefing did not use, or `more n`: point n with
 * the sentences around its evidence, quoted from the article.
 */
import { NewsbriefError } from '../errors.js';
import type { Reply } from '../model.js';
import type { Sentence } from '../nlp/sentences.js';
import type { StoredBriefing } from '../store/store.js';
import { answerQuestion } from './answer.js';
import { viewArticle } from './article-view.js';
import { followupReply, whereItStands } from './reply.js';

/** Scores how important a sentence is; higher first. The summarizer's own scorer can be passed in. */
export type ImportanceScore = (sentence: Sentence, all: Sentence[]) => number;

export interface MoreOptions {
  /** Defaults to `leadImportance`. */
  importance?: ImportanceScore;
  /** Sentences per `more`. */
  count?: number;
}

const DEFAULT_MORE_COUNT = 3;
/** Sentences shorter than this are captions, datelines or fragments. */
const MIN_MORE_WORDS = 8;
const wordsIn = (s: Sentence): number => s.tokens.filter((t) => t.type === 'word' || t.type === 'number').length;

/**
 * A simple importance score: news puts what matters first (earlier paragraphs, first sentences
 * of paragraphs), and sentences with names and figures carry more.
 */
export const leadImportance: ImportanceScore = (sentence, all) => {
  const lastParagraph = all.at(-1)?.paragraph ?? 0;
  const position = 1 - sentence.paragraph / (lastParagraph + 1);
  const opening = sentence.inParagraph === 0 ? 0.2 : 0;
  const facts = sentence.tokens.filter((t) => t.pos === 'PROPN' || t.pos === 'NUM').length / Math.max(sentence.tokens.length, 1);
  return position + opening + facts;
};

/** The sentence indexes behind point `n` (1-based): its evidence, else the sentence closest to it. */
function evidenceOf(stored: StoredBriefing, sentences: Sentence[], n: number): number[] {
  const listed = stored.briefing.evidence?.[n - 1]?.sentences ?? [];
  if (listed.length > 0) return listed.filter((i) => i >= 0 && i < sentences.length);
  const found = answerQuestion(sentences, stored.briefing.points[n - 1]!, { minCoverage: 0, maxAnswers: 1 });
  return 'answers' in found ? found.answers.map((a) => a.index) : [];
}

/**
 * `more [n]`.
 * @param arg - empty for more points; a point number to expand it
 * @throws NewsbriefError `BAD_INPUT` for a point number the briefing does not have
 */
export function moreReply(stored: StoredBriefing, arg?: string, options: MoreOptions = {}): Reply {
  const { sentences } = viewArticle(stored);
  const points = stored.briefing.points;
  const wanted = arg?.trim() ?? '';
  if (wanted !== '') {
    const n = Number(wanted);
    if (!Number.isInteger(n) || n < 1 || n > points.length) {
      throw new NewsbriefError('BAD_INPUT', `There is no point ${wanted}; this briefing has ${points.length} points. Try /brief more 1 to ${points.length}.`);
    }
    const evidence = evidenceOf(stored, sentences, n);
    // The evidence and one sentence either side, within the same paragraphs.
    const around = new Set<number>();
    for (const i of evidence) {
      for (const j of [i - 1, i, i + 1]) {
        if (sentences[j] !== undefined && sentences[j]!.paragraph === sentences[i]!.paragraph) around.add(j);
      }
    }
    const shown = [...around].sort((a, b) => a - b).map((i) => sentences[i]!);
    return followupReply(stored, 'more', {
      heading: `Point ${n}: ${points[n - 1]}`,
      points: shown.map((s) => `${s.text} (${whereItStands(s.paragraph)})`),
      ...(shown.length === 0 ? { text: 'The article has nothing more on this point.' } : {}),
    });
  }
  const importance = options.importance ?? leadImportance;
  const used = new Set((stored.briefing.evidence ?? []).flatMap((e) => e.sentences));
  const next = sentences
    .filter((s) => !used.has(s.index) && wordsIn(s) >= MIN_MORE_WORDS && !points.some((p) => p === s.text))
    .map((s) => ({ s, score: importance(s, sentences) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, options.count ?? DEFAULT_MORE_COUNT)
    .sort((a, b) => a.s.index - b.s.index);
  if (next.length === 0) return followupReply(stored, 'more', { heading: 'More', text: 'The briefing already covers the whole article.' });
  return followupReply(stored, 'more', {
    heading: 'More from the article',
    points: next.map(({ s }) => `${s.text} (${whereItStands(s.paragraph)})`),
  });
}

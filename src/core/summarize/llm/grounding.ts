/**
 * The grounding check: every number, name and quoted word in what the model wrote must be
 * in the article, and a quote must be in it word for word. Run on every answer before a
 * user sees it; what fails is replaced or removed by the caller.
 */
import { stemmer } from 'stemmer';
import { countWords, splitSentences } from '../../nlp/index.js';
import { collectDates, findDates } from './dates.js';
import { checkNameRun, findNameRuns, type NameFacts } from './names.js';
import { collectNumberContexts, isNumberInContext, type NumberContexts } from './number-context.js';
import { collectNumbers, isNumberStated, numbersToCheck } from './numbers.js';
import { normaliseText, tokenizeWords } from './text.js';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Longest point a briefing may show, in words. */
export const MAX_POINT_WORDS = 40;

export type GroundingIssueKind = 'number' | 'date' | 'name' | 'quoted-words' | 'too-long' | 'not-one-sentence';

export interface GroundingIssue {
  kind: GroundingIssueKind;
  /** Why, fit for a log line or a `replaced[].reason`: `number "5,000" is not in the article`. */
  detail: string;
}

/** An article prepared once for many checks. */
export interface ArticleFacts extends NameFacts {
  /** Quotes straightened, whitespace collapsed. */
  text: string;
  lowerText: string;
  numbers: Set<number>;
  /** Month-day and month-year pairs the article states. */
  dates: Set<string>;
  numberContexts: NumberContexts;
}

/** Indexes an article's text for the checks below. */
export function indexArticle(text: string): ArticleFacts {
  const normalised = normaliseText(text);
  const tokens = tokenizeWords(normalised);
  const words = new Set<string>();
  for (const t of tokens) {
    words.add(t.norm);
    for (const part of t.norm.split('-')) words.add(part);
  }
  for (const acronym of acronymsOf(normalised)) words.add(acronym);
  // "Dec." for an article's "December", "Sept." for "September".
  for (const month of MONTH_NAMES) if (words.has(month)) words.add(month.slice(0, 3)).add(month.slice(0, 4));
  return {
    text: normalised,
    lowerText: normalised.toLowerCase(),
    numbers: collectNumbers(normalised),
    dates: collectDates(normalised),
    numberContexts: collectNumberContexts(normalised),
    wordStream: ` ${tokens.map((t) => t.norm).join(' ')} `,
    words,
    stems: new Set([...words].map((w) => stemmer(w))),
  };
}

/**
 * Initials of the article's long names, so a point may say "OSCE" for "Organisation for
 * Security and Cooperation in Europe". Lower-case linking words are skipped.
 */
function acronymsOf(text: string): string[] {
  const runs = text.match(/\p{Lu}[\p{L}'-]*(?:\s+(?:(?:of|for|and|in|on|the|de)\s+)*\p{Lu}[\p{L}'-]*)+/gu) ?? [];
  return runs
    .map((run) => run.replace(/^(?:The|A|An)\s+/, '').split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('').toLowerCase())
    .filter((a) => a.length >= 2);
}

/** Words the model put in quotation marks; an ellipsis splits a fragment into parts. */
function quotedFragments(text: string): string[] {
  const double = [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const single = [...text.matchAll(/(?<![\p{L}\p{N}])'([^']+)'(?![\p{L}\p{N}])/gu)].map((m) => m[1]!);
  return [...double, ...single]
    .flatMap((f) => f.split(/\.\.\.|…/))
    .map((f) => f.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''))
    .filter((f) => /[\p{L}\p{N}]/u.test(f));
}

/**
 * Facts in one sentence the model wrote that the article does not state.
 * @param sentence - a point, a title, a "what next" line
 */
export function checkStatement(sentence: string, facts: ArticleFacts): GroundingIssue[] {
  const text = normaliseText(sentence);
  const issues: GroundingIssue[] = [];
  for (const mention of numbersToCheck(text)) {
    if (!isNumberStated(mention, facts.numbers)) {
      issues.push({ kind: 'number', detail: `number "${mention.text}" is not in the article` });
    } else if (isNumberInContext(text, mention, facts.numberContexts) === false) {
      issues.push({ kind: 'number', detail: `number "${mention.text}" is in the article, but not about this` });
    }
  }
  for (const date of findDates(text)) {
    if (!facts.dates.has(date.key)) issues.push({ kind: 'date', detail: `date "${date.text}" is not in the article` });
  }
  for (const run of findNameRuns(text)) {
    const why = checkNameRun(run, facts);
    if (why) issues.push({ kind: 'name', detail: `name ${why}` });
  }
  for (const fragment of quotedFragments(text)) {
    if (!facts.lowerText.includes(fragment.toLowerCase())) {
      issues.push({ kind: 'quoted-words', detail: `quoted words "${fragment}" are not in the article` });
    }
  }
  return issues;
}

/** {@link checkStatement} plus the shape of a point: one sentence, at most 40 words. */
export function checkPoint(point: string, facts: ArticleFacts): GroundingIssue[] {
  const issues = checkStatement(point, facts);
  const words = countWords(point);
  if (words > MAX_POINT_WORDS) issues.push({ kind: 'too-long', detail: `point has ${words} words (most is ${MAX_POINT_WORDS})` });
  if (splitSentences(point).length > 1) issues.push({ kind: 'not-one-sentence', detail: 'point is more than one sentence' });
  return issues;
}

/**
 * Whether a quotation is in the article word for word. Only quote marks and whitespace are
 * normalised (and the model's own enclosing quotes or closing full stop are ignored).
 */
export function isVerbatimQuote(quote: string, facts: ArticleFacts): boolean {
  const text = normaliseText(quote)
    .replace(/^["']+|["']+$/g, '')
    .replace(/[.,;:]+$/, '')
    .trim();
  return countWords(text) > 0 && facts.text.includes(text);
}

/**
 * Detects machine-paraphrased ("spun") text by its tortured phrases — "information company" for
 * "news agency", "laborious line" for "hard line" — and puts the standard terms back into points.
 * The phrase list is data (tortured-phrases.json) with its provenance.
 */
import phraseFile from './tortured-phrases.json' with { type: 'json' };

export interface TorturedPhrase {
  spun: string;
  standard: string;
  /** `strong` phrases count towards detection; `contextual` ones are only replaced once flagged. */
  strength: 'strong' | 'contextual';
  source: string;
  /** Only replaced when the text right after matches this (a regular expression, `u` flag). */
  followedBy?: string;
  /** Only replaced when the text right before matches this. */
  precededBy?: string;
}

export interface SpinReport {
  /** Distinct strong phrases found. */
  hits: TorturedPhrase[];
  /** Enough distinct strong phrases to call the text machine-paraphrased. */
  spun: boolean;
}

/** The warning a reader sees on a flagged article. */
export const SPIN_WARNING = 'This article appears to be machine-paraphrased; check the original report.';

/**
 * Distinct strong phrases needed. One or two can be a writer's quirk; three independent ones in one
 * article did not occur in any of the 507 normal articles of the dev and train sets.
 */
export const SPIN_MIN_DISTINCT = 3;

interface CompiledPhrase extends TorturedPhrase {
  pattern: RegExp;
}

function compile(phrase: TorturedPhrase): CompiledPhrase {
  const body = phrase.spun
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
  const before = phrase.precededBy === undefined ? '' : `(?<=${phrase.precededBy})`;
  const after = phrase.followedBy === undefined ? '' : `(?=${phrase.followedBy})`;
  return { ...phrase, pattern: new RegExp(`${before}(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])${after}`, 'giu') };
}

/** Longest first, so "below U.S. stress" wins over "below stress". */
const PHRASES: CompiledPhrase[] = (phraseFile.phrases as TorturedPhrase[])
  .map(compile)
  .sort((a, b) => b.spun.length - a.spun.length);

/** Every phrase in one alternation, longest first, so a point is scanned once. */
const ANY_PHRASE = new RegExp(PHRASES.map((p) => p.pattern.source).join('|'), 'giu');
const BY_KEY = new Map(PHRASES.map((p) => [keyOf(p.spun), p]));

/**
 * One pattern for the spun forms whose standard term matches `standard`, for a caller that needs to
 * know whether restoring a text would give it such a term without restoring every text it reads.
 * @param standard - a pattern over standard terms (no g or y flag)
 */
export function spunFormsOf(standard: RegExp): RegExp {
  const sources = PHRASES.filter((p) => standard.test(p.standard)).map((p) => p.pattern.source);
  return sources.length === 0 ? /(?!)/ : new RegExp(sources.join('|'), 'iu');
}

function keyOf(phrase: string): string {
  return phrase.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
}

/**
 * Looks for tortured phrases in a text.
 * @param text - article text
 * @param minDistinct - distinct strong phrases that make a text "spun" (default {@link SPIN_MIN_DISTINCT})
 */
export function detectSpin(text: string, minDistinct = SPIN_MIN_DISTINCT): SpinReport {
  const hits: TorturedPhrase[] = [];
  for (const phrase of PHRASES) {
    if (phrase.strength !== 'strong') continue;
    phrase.pattern.lastIndex = 0;
    if (phrase.pattern.test(text)) hits.push({ spun: phrase.spun, standard: phrase.standard, strength: phrase.strength, source: phrase.source });
  }
  return { hits, spun: hits.length >= minDistinct };
}

function matchCase(found: string, standard: string): string {
  const first = found[0] ?? '';
  return first !== first.toLowerCase() ? standard[0]!.toUpperCase() + standard.slice(1) : standard;
}

/**
 * Replaces spun phrases (strong and contextual) with their standard terms. Use on points of a text
 * that {@link detectSpin} flagged; the source text and evidence stay as they are.
 * @param text - a point
 */
export function restoreStandardTerms(text: string): string {
  return text.replace(ANY_PHRASE, (found) => {
    const phrase = BY_KEY.get(keyOf(found));
    return phrase ? matchCase(found, phrase.standard) : found;
  });
}

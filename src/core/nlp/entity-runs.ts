/**
 * Finds runs of capitalised words in a sentence ("U.S. Secretary of State Antony Blinken",
 * "Organisation for Security and Cooperation in Europe") and splits a leading title off a name.
 */
import { FIRST_NAMES, NOT_NAMES, ORGANISATION_HEADS, ORGANISATION_TAILS, PLACES, TITLE_WORDS } from './gazetteers.js';
import type { Sentence, Token } from './sentences.js';
import { tokenOffsets } from './token-offsets.js';

/** A run of capitalised tokens, with a leading title split off. */
export interface CapitalRun {
  sentence: number;
  /** The name part, possessive removed ("Sergei Ryabkov"). */
  name: string;
  nameTokens: string[];
  /** The title before the name, if any ("Deputy Foreign Minister"). */
  title?: string;
  /** Character offsets of the whole run (title included) in the sentence text. */
  start: number;
  end: number;
  /** Offset where the name part starts. */
  nameStart: number;
  /** The first token of the sentence (or right after an opening quote), where capitals say little. */
  sentenceInitial: boolean;
}

const CAPITALISED = /^\p{Lu}/u;
const POSSESSIVE = /['’]s$/u;
const CONNECTORS_IN_ORGS = new Set(['for', 'and', 'in', 'on', 'de', 'the', '&']);
/** Nationality adjectives that can open a title ("Russian Foreign Minister", "British Prime Minister"). */
const DEMONYM = /^(?:\p{Lu}\p{Ll}+(?:ian|ean|an|ese|ish|ch|i)|U\.S\.|US|UK|U\.K\.|EU)$/u;

function isCapitalWord(token: Token): boolean {
  if (token.type !== 'word' || !CAPITALISED.test(token.text)) return false;
  return token.pos === 'PROPN' || token.pos === 'NOUN' || token.pos === 'ADJ' || token.pos === 'X' || token.pos === 'VERB' || token.pos === 'NUM';
}

const clean = (text: string): string => text.replace(POSSESSIVE, '');
/** An unlisted word that reads as a job ("Headteacher", "Trainer", "Cardiologist"). */
const ROLE_LIKE = /^\p{Lu}\p{Ll}+(?:er|or|ist|man|woman|person|ant|ent)$/u;

/** Splits "Deputy Foreign Minister Sergei Ryabkov" into title and name; organisations stay whole. */
function splitTitle(words: string[]): { title?: string; name: string[] } {
  const last = words[words.length - 1]!.toLowerCase();
  if (ORGANISATION_TAILS.has(last)) return { name: words };
  // "House Speaker John Boehner": a title, then a first name, is a person even after an organisation word.
  // "Headteacher Sarah Jones": an unknown capitalised word before a first name and surname is a title too.
  const firstName = words.findIndex(
    (w, i) => i > 0 && FIRST_NAMES.has(w.toLowerCase()) && (TITLE_WORDS.has(words[i - 1]!.toLowerCase()) || i === words.length - 2),
  );
  if (firstName > 0) {
    // "Masters Jack Nicklaus" (a caption run into a name): a title ends in a role ("House Speaker").
    const before = words.slice(0, firstName);
    const role = (w: string): boolean => TITLE_WORDS.has(w.toLowerCase()) || ROLE_LIKE.test(w);
    const isTitle = role(before.at(-1)!);
    return isTitle ? { title: before.join(' '), name: words.slice(firstName) } : { name: words.slice(firstName) };
  }
  if (ORGANISATION_HEADS.has(words[0]!.toLowerCase())) return { name: words };
  let i = 0;
  let sawTitle = false;
  while (i < words.length - 1) {
    const lower = words[i]!.toLowerCase();
    const titleWord = TITLE_WORDS.has(lower) && lower !== 'the' && lower !== 'of';
    if (titleWord) sawTitle = true;
    else if (!(lower === 'of' || lower === 'the' || (!sawTitle && (DEMONYM.test(words[i]!) || PLACES.has(lower))))) break;
    i++;
  }
  // "Secretary of State" keeps its "of State"; the name must not start with a connector.
  while (i > 0 && (words[i - 1] === 'of' || words[i - 1] === 'the')) i--;
  // "Australian Marc Leishman": a nationality is neither title nor name.
  const [nationality, given] = [words[0]!.toLowerCase(), words[1]?.toLowerCase() ?? ''];
  if (!sawTitle && words.length >= 3 && DEMONYM.test(words[0]!) && !FIRST_NAMES.has(nationality) && FIRST_NAMES.has(given)) return { name: words.slice(1) };
  if (!sawTitle || i === 0) return { name: words };
  return { title: words.slice(0, i).join(' '), name: words.slice(i) };
}

/** All runs of capitalised words in one sentence. */
export function findCapitalRuns(sentence: Sentence): CapitalRun[] {
  const tokens = sentence.tokens;
  const offsets = tokenOffsets(sentence);
  const runs: CapitalRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalWord(tokens[i]!)) {
      i++;
      continue;
    }
    const first = i;
    let j = i + 1;
    while (j < tokens.length) {
      const token = tokens[j]!;
      if (isCapitalWord(token) && !POSSESSIVE.test(tokens[j - 1]!.text)) {
        j++;
        continue;
      }
      const lower = token.text.toLowerCase();
      const next = tokens[j + 1];
      const opensOrg = ORGANISATION_HEADS.has(tokens[first]!.text.toLowerCase());
      // One "in" at most: "… Cooperation in Europe" is the name, "… in Vienna" after it is not.
      const head = tokens[first]!.text.toLowerCase();
      const usedIn = lower === 'in' && (!head.startsWith('organi') || tokens.slice(first, j).some((t) => t.text === 'in'));
      // "Gary Terry of Davenport" is a person from a place, not one name.
      const named = tokens.slice(first, j).some((t) => FIRST_NAMES.has(t.text.toLowerCase()));
      const connector = (lower === 'of' && !named) || (opensOrg && !usedIn && CONNECTORS_IN_ORGS.has(lower));
      if (connector && next !== undefined && isCapitalWord(next)) {
        j++;
        continue;
      }
      break;
    }
    const runTokens = tokens.slice(first, j);
    let words = runTokens.map((t) => clean(t.text));
    // Drop capitalised sentence openers and calendar words at either end ("Last month Russia").
    let lead = 0;
    while (lead < words.length && NOT_NAMES.has(words[lead]!.toLowerCase())) lead++;
    let tail = words.length;
    while (tail > lead && (NOT_NAMES.has(words[tail - 1]!.toLowerCase()) || words[tail - 1] === 'of')) tail--;
    words = words.slice(lead, tail);
    if (words.length > 0) {
      const { title, name: parts } = splitTitle(words);
      // "John Peacock Under-17 squad": a person's name has no number in it.
      const name = parts.length > 2 && FIRST_NAMES.has(parts[0]!.toLowerCase()) && /\d/.test(parts.at(-1)!) ? parts.slice(0, -1) : parts;
      const startToken = first + lead;
      const nameToken = startToken + (words.length - parts.length);
      const previous = tokens[startToken - 1];
      runs.push({
        sentence: sentence.index,
        name: name.join(' '),
        nameTokens: name,
        title,
        start: offsets[startToken]![0],
        end: offsets[first + tail - 1 - (parts.length - name.length)]![1],
        nameStart: offsets[nameToken]![0],
        sentenceInitial: startToken === 0 || (startToken === 1 && previous?.type === 'punctuation'),
      });
    }
    i = j;
  }
  return runs;
}
